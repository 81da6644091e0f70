package org.gridgov.core.incident;

import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;

/**
 * Who did something to an incident: a kind and an id, never a personal name. A value: equal when
 * kind and id are. A worker actor keeps its {@link WorkerId}, so asking for it costs nothing.
 */
public final class Actor {
  private final ActorKind kind;
  private final String id;

  /** The worker's id when {@link #kind} is {@link ActorKind#WORKER}, else null. */
  private final WorkerId worker;

  public Actor(ActorKind kind, String id) {
    Objects.requireNonNull(kind, "actor kind");
    if (kind == ActorKind.SYSTEM) {
      RuleId.of(id);
    } else if (kind == ActorKind.RESIDENT) {
      Ids.tokenUnshown("resident actor", "id", id); // their account token
    } else {
      Ids.token("actor", "id", id);
    }
    this.kind = kind;
    this.id = id;
    this.worker = kind == ActorKind.WORKER ? WorkerId.of(id) : null;
  }

  /** A worker actor for an id already checked as a {@link WorkerId}. */
  private Actor(WorkerId worker) {
    this.kind = ActorKind.WORKER;
    this.id = worker.value();
    this.worker = worker;
  }

  public ActorKind kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  public static Actor worker(WorkerId worker) {
    return new Actor(Objects.requireNonNull(worker, "worker"));
  }

  public static Actor department(LineId line) {
    return new Actor(ActorKind.DEPARTMENT, Objects.requireNonNull(line, "line").value());
  }

  public static Actor centre(String seat) {
    return new Actor(ActorKind.CENTRE, seat);
  }

  public static Actor system(RuleId rule) {
    return new Actor(ActorKind.SYSTEM, Objects.requireNonNull(rule, "rule").value());
  }

  public static Actor resident(String accountToken) {
    return new Actor(ActorKind.RESIDENT, accountToken);
  }

  public static Actor external(String system) {
    return new Actor(ActorKind.EXTERNAL, system);
  }

  /** The worker this actor is, when it is one. */
  public Optional<WorkerId> workerId() {
    return Optional.ofNullable(worker);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Actor that && kind == that.kind && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + id.hashCode();
  }

  /**
   * {@code kind:id}, as {@code worker:w-17} or {@code centre:seat-1}; a resident is {@code
   * resident} alone, since their account token may be a phone number and no message shows it
   * (events, refusals and logs print actors this way).
   */
  @Override
  public String toString() {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    return kind == ActorKind.RESIDENT ? name : name + ":" + id;
  }
}
