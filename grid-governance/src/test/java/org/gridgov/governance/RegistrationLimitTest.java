package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.governance.Town.CENTRE;
import static org.gridgov.governance.Town.GRID_1;
import static org.gridgov.governance.Town.NINE;
import static org.gridgov.governance.Town.VENDING;
import static org.gridgov.governance.Town.patrol;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.TimerKind;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.TimeLimit;
import org.gridgov.rules.timer.RegistrationDueRule;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Registration limits by grade (Taiyuan: 10 min for an urgent case, 30 min otherwise): a report
 * neither registered nor rejected in time is supervised, once.
 */
class RegistrationLimitTest {
  private static final CategoryCode BURST_PIPE = CategoryCode.parse("E0501"); // an emergency
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
                k.dispatch()
                    .withRegisterWithin(
                        Map.of(
                            TimeLimit.Grade.URGENT, Duration.ofMinutes(10),
                            TimeLimit.Grade.NORMAL, Duration.ofMinutes(30))),
                k.returns(),
                k.verification(),
                k.escalation(),
                k.targets(),
                k.pay()));
    return Town.governance(clock, policy);
  }

  private static IncidentId report(
      GridGovernance governance, CategoryCode category, boolean emergency) {
    return governance.report(patrol(GRID_1, category).emergency(emergency).build()).incident().id();
  }

  @Test
  void aReport_dueForRegistrationByTheLimitOfItsGrade() {
    GridGovernance governance = governance();

    IncidentId normal = report(governance, VENDING, false);
    IncidentId reportedUrgent = report(governance, VENDING, true);
    IncidentId urgentCategory = report(governance, BURST_PIPE, false);

    assertThat(governance.require(normal).registerBy()).contains(NINE.plusSeconds(1800));
    assertThat(governance.require(reportedUrgent).registerBy()).contains(NINE.plusSeconds(600));
    assertThat(governance.require(urgentCategory).nextTimer())
        .hasValueSatisfying(
            t -> {
              assertThat(t.kind()).isEqualTo(TimerKind.REGISTRATION_DUE);
              assertThat(t.dueAt()).isEqualTo(NINE.plusSeconds(600));
            });
  }

  @Test
  void notRegisteredInTime_supervisedOnce_thenRegisteredAsUsual() {
    GridGovernance governance = governance();
    IncidentId late = report(governance, VENDING, false);
    IncidentId registered = report(governance, VENDING, false);
    IncidentId rejected = report(governance, VENDING, false);
    clock.setInstant(NINE.plusSeconds(600));
    governance.register(CENTRE, registered, Optional.empty(), Optional.empty(), "");
    governance.reject(CENTRE, rejected, RejectionKind.INVALID, Optional.empty(), "not a case");

    clock.setInstant(NINE.plusSeconds(1799));
    assertThat(governance.advance().supervised()).isZero();
    clock.setInstant(NINE.plusSeconds(1800));
    assertThat(governance.advance().supervised()).isEqualTo(1);
    clock.setInstant(NINE.plusSeconds(7200));
    assertThat(governance.advance().supervised()).as("supervised once").isZero();

    List<IncidentEvent> history = governance.history(late);
    assertThat(history).hasSize(2);
    assertThat(history.get(1))
        .isInstanceOfSatisfying(
            IncidentSupervised.class,
            e -> assertThat(e.actor().id()).contains(RegistrationDueRule.ID.value()));
    assertThat(governance.require(late).stage()).isEqualTo(Stage.REPORTED);
    assertThat(governance.register(CENTRE, late, Optional.empty(), Optional.empty(), "").stage())
        .isEqualTo(Stage.REGISTERED);
    assertThat(governance.require(registered).supervisions()).isZero();
  }

  @Test
  void withoutALimit_noRegistrationTimer() {
    GridGovernance governance = Town.governance(clock, Presets.kaixuan());

    assertThat(governance.require(report(governance, VENDING, false)).nextTimer()).isEmpty();
  }
}
