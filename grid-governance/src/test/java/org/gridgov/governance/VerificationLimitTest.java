package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.governance.Town.A;
import static org.gridgov.governance.Town.C;
import static org.gridgov.governance.Town.CENTRE;
import static org.gridgov.governance.Town.GRID_1;
import static org.gridgov.governance.Town.GRID_2;
import static org.gridgov.governance.Town.NINE;
import static org.gridgov.governance.Town.SUPERVISOR;
import static org.gridgov.governance.Town.VENDING;
import static org.gridgov.governance.Town.hours;
import static org.gridgov.governance.Town.reportAndRegister;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.ActorKind;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.TimerKind;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.VerificationPolicy;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.rules.timer.VerificationDueRule;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Verification limits by area kind (Taiyuan: 1 h in the city, 2 h in rural areas), in 景芳 with grid
 * 2 marked rural: a case fed back and not verified in time is supervised, once.
 */
class VerificationLimitTest {
  private final MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);

  private GridGovernance governance() {
    PolicySet k = Presets.kaixuan();
    PolicySet policy =
        PolicyLoader.validate(
            new PolicySet(
                k.id(),
                k.version(),
                k.effectiveFrom(),
                k.zone(),
                k.source(),
                k.dispatch(),
                k.returns(),
                new VerificationPolicy(
                    3,
                    ImmutableMap.of(
                        AreaKind.URBAN, Duration.ofHours(1), AreaKind.RURAL, Duration.ofHours(2))),
                k.escalation(),
                k.targets(),
                k.pay()));
    Directory town = Town.directory();
    return GridGovernance.builder()
        .storage(InMemoryGridStorage.create())
        .directory(
            town.withTerritory(town.territory().withAttribute(GRID_2, AreaKind.ATTRIBUTE, "RURAL")))
        .policy(policy)
        .clock(clock)
        .build();
  }

  @Test
  void feedback_dueForVerificationByTheLimitOfItsAreaKind() {
    GridGovernance governance = governance();
    IncidentId urban = reportAndRegister(governance, GRID_1, VENDING);
    IncidentId rural = reportAndRegister(governance, GRID_2, VENDING);
    governance.claim(A, urban);
    governance.claim(C, rural);
    clock.setInstant(hours(3));

    assertThat(governance.feedback(A, urban, "stall moved").verifyBy()).contains(hours(4));
    assertThat(governance.feedback(C, rural, "stall moved").nextTimer())
        .hasValueSatisfying(
            t -> {
              assertThat(t.kind()).isEqualTo(TimerKind.VERIFICATION_DUE);
              assertThat(t.dueAt()).isEqualTo(hours(5));
            });
  }

  @Test
  void notVerifiedInTime_supervisedOnce_thenVerifiedAsUsual() {
    GridGovernance governance = governance();
    IncidentId late = reportAndRegister(governance, GRID_1, VENDING);
    IncidentId prompt = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, late);
    governance.claim(A, prompt);
    clock.setInstant(hours(3));
    governance.feedback(A, late, "stall moved");
    governance.feedback(A, prompt, "stall moved");
    clock.setInstant(hours(3).plusSeconds(1800));
    governance.verify(SUPERVISOR, prompt, true, "checked");

    clock.setInstant(hours(4).minusSeconds(1));
    assertThat(governance.advance().supervised()).isZero();
    clock.setInstant(hours(4));
    assertThat(governance.advance().supervised()).isEqualTo(1);
    clock.setInstant(hours(10));
    assertThat(governance.advance().acted()).as("supervised once").isZero();

    List<IncidentEvent> history = governance.history(late);
    assertThat(history.get(history.size() - 1))
        .isInstanceOfSatisfying(
            IncidentSupervised.class,
            e -> {
              assertThat(e.actor().kind()).isEqualTo(ActorKind.SYSTEM);
              assertThat(e.actor().id()).contains(VerificationDueRule.ID.value());
            });
    assertThat(governance.require(late).stage()).isEqualTo(Stage.HANDLED);
    assertThat(governance.require(late).overdue()).as("the handler answered in time").isFalse();
    assertThat(governance.require(prompt).supervisions()).isZero();
    assertThat(governance.verify(SUPERVISOR, late, true, "checked late").stage())
        .isEqualTo(Stage.VERIFIED);
    assertThat(governance.close(CENTRE, late, "").stage()).isEqualTo(Stage.CLOSED);
  }

  @Test
  void withoutALimit_noVerificationTimer() {
    GridGovernance governance = Town.governance(clock, Presets.kaixuan());
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, id);

    assertThat(governance.feedback(A, id, "stall moved").nextTimer()).isEmpty();
  }
}
