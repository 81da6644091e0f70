package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.escalation.SettlementReport;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** Dongcheng's target split (seed 001) checked on cases closed through the facade. */
class SettlementTest {

  @Test
  void settlement_closedCasesByLevel_againstDongchengTargets() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.dongcheng());
    for (int i = 0; i < 20; i++) {
      IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
      if (i < 3) { // 3 of 20 (15 %) go up to the street
        governance.escalate(CENTRE, id, "needs the community");
        governance.escalate(CENTRE, id, "needs the street");
      }
      clock.add(java.time.Duration.ofMinutes(1));
      governance.assign(CENTRE, id, i < 3 ? CADRE : A, URBAN, "");
      governance.feedback(i < 3 ? CADRE : A, id, "done");
      governance.verify(SUPERVISOR, id, true, "checked");
      governance.close(CENTRE, id, "");
    }
    IncidentId stillOpen = reportAndRegister(governance, GRID_1, VENDING);

    SettlementReport report = governance.settlement(NINE, hours(24));

    assertThat(governance.require(stillOpen).isOpen()).isTrue();
    assertThat(report.settled()).isEqualTo(20);
    assertThat(report.share(Level.COMMUNITY)).isEqualByComparingTo(new BigDecimal("0.85"));
    assertThat(report.share(Level.STREET)).isEqualByComparingTo(new BigDecimal("0.15"));
    assertThat(report.allTargetsMet()).isTrue();
    assertThat(governance.settlement(hours(24), hours(48)).settled()).isZero();
  }

  @Test
  void settlement_countsTheCasesClosedInThePeriod_archivedOnesToo() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.dongcheng());
    IncidentId before = closedAtGrid(governance, clock); // closed on the first day
    clock.setInstant(hours(30));
    IncidentId archived = closedAtGrid(governance, clock);
    clock.setInstant(hours(40));
    governance.archive(CENTRE, archived, "");
    IncidentId inPeriod = closedAtGrid(governance, clock);
    clock.setInstant(hours(50));
    IncidentId after = closedAtGrid(governance, clock);

    SettlementReport report = governance.settlement(hours(24), hours(48));

    assertThat(report.settled())
        .as("%s and %s, not %s or %s", archived, inPeriod, before, after)
        .isEqualTo(2);
    assertThat(governance.settlement(NINE, hours(72)).settled()).isEqualTo(4);
  }

  @Test
  void settlement_periodWithoutBoundsOrBackwards_refusedNamingTheField() {
    GridGovernance governance =
        governance(MutableClock.of(NINE, ZoneOffset.UTC), Presets.dongcheng());

    assertThatThrownBy(() -> governance.settlement(null, hours(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("settlement")
        .hasMessageContaining("from: is required")
        .hasMessageContaining("[input.required]");
    assertThatThrownBy(() -> governance.settlement(hours(2), hours(2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("to: must be after from " + hours(2))
        .hasMessageContaining("[input.range]");
  }

  private static IncidentId closedAtGrid(GridGovernance governance, MutableClock clock) {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    clock.add(Duration.ofMinutes(1));
    governance.assign(CENTRE, id, A, URBAN, "");
    governance.feedback(A, id, "done");
    governance.verify(SUPERVISOR, id, true, "checked");
    governance.close(CENTRE, id, "");
    return id;
  }
}
