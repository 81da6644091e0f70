package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;

import org.gridgov.core.InputRules;
import org.gridgov.core.RuleId;
import org.gridgov.core.people.WorkerId;
import org.junit.jupiter.api.Test;

class ActorTest {
  @Test
  void actorsAreEqualByKindAndIdHoweverTheyWereMade() {
    Actor made = Actor.worker(WorkerId.of("w-17"));
    Actor read = new Actor(ActorKind.WORKER, "w-17");
    assertThat(made).isEqualTo(read).hasSameHashCodeAs(read);
    assertThat(made)
        .isNotEqualTo(new Actor(ActorKind.RESIDENT, "w-17"))
        .isNotEqualTo(Actor.worker(WorkerId.of("w-18")));
    assertThat(made.kind()).isEqualTo(ActorKind.WORKER);
    assertThat(made.id()).isEqualTo("w-17");
    assertThat(made).hasToString("worker:w-17");
  }

  @Test
  void aResidentsAccountToken_neverShown_whereActorsOrTheirEventsArePrinted() {
    Actor resident = Actor.resident("13800138000");
    assertThat(resident).hasToString("resident");
    assertThat(resident.id()).as("kept for the store").isEqualTo("13800138000");
    IncidentRated rated =
        new IncidentRated(
            IncidentId.of("i-1"),
            resident,
            java.time.Instant.parse("2024-03-04T01:00:00Z"),
            "",
            new Rating(5, 5, 5));
    assertThat(rated.toString()).doesNotContain("13800138000").contains("resident");
    assertThat(Actor.centre("seat-1")).hasToString("centre:seat-1");
    assertThat(Actor.external("hotline-12345"))
        .hasToString("external:hotline-12345")
        .isEqualTo(new Actor(ActorKind.EXTERNAL, "hotline-12345"));
  }

  @Test
  void onlyAWorkerActorHasAWorkerId() {
    assertThat(new Actor(ActorKind.WORKER, "w-17").workerId()).contains(WorkerId.of("w-17"));
    assertThat(Actor.worker(WorkerId.of("w-17")).workerId()).contains(WorkerId.of("w-17"));
    assertThat(Actor.centre("seat-1").workerId()).isEmpty();
    assertThat(Actor.system(RuleId.of("dispatch.auto-assign")).workerId()).isEmpty();
  }

  @Test
  void badIdsAreRefusedNamingTheField() {
    assertThat(
            refusal(
                    () -> new Actor(ActorKind.WORKER, "has space"),
                    "actor",
                    "id",
                    InputRules.FORMAT)
                .value())
        .isEqualTo("'has space'");
    refusal(() -> Actor.centre(null), "actor", "id", InputRules.REQUIRED);
    assertThatThrownBy(() -> new Actor(null, "w-17"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("actor kind");
    assertThatThrownBy(() -> Actor.worker(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("worker");
  }
}
