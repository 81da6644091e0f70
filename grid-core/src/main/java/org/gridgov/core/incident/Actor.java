package org.gridgov.core.incident;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;

/** Who did something to an incident: a kind and an id, never a personal name. */
public record Actor(ActorKind kind, String id) {
  public Actor {
    Objects.requireNonNull(kind, "actor kind");
    if (kind == ActorKind.SYSTEM) {
      RuleId.of(id);
    } else {
      Ids.token("actor id", id);
    }
  }

  public static Actor worker(WorkerId worker) {
    return new Actor(ActorKind.WORKER, worker.value());
  }

  public static Actor department(LineId line) {
    return new Actor(ActorKind.DEPARTMENT, line.value());
  }

  public static Actor centre(String seat) {
    return new Actor(ActorKind.CENTRE, seat);
  }

  public static Actor system(RuleId rule) {
    return new Actor(ActorKind.SYSTEM, rule.value());
  }

  public static Actor resident(String accountToken) {
    return new Actor(ActorKind.RESIDENT, accountToken);
  }

  public static Actor external(String system) {
    return new Actor(ActorKind.EXTERNAL, system);
  }

  /** The worker this actor is, when it is one. */
  public Optional<WorkerId> workerId() {
    return kind == ActorKind.WORKER ? Optional.of(WorkerId.of(id)) : Optional.empty();
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
  }
}
