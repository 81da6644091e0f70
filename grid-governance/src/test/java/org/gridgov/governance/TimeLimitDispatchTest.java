package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.governance.Town.A;
import static org.gridgov.governance.Town.C;
import static org.gridgov.governance.Town.CAR;
import static org.gridgov.governance.Town.GRID_1;
import static org.gridgov.governance.Town.GRID_2;
import static org.gridgov.governance.Town.NINE;
import static org.gridgov.governance.Town.POLICE;
import static org.gridgov.governance.Town.TRAFFIC;
import static org.gridgov.governance.Town.VENDING;
import static org.gridgov.governance.Town.hours;
import static org.gridgov.governance.Town.patrol;
import static org.gridgov.governance.Town.reportAndRegister;

import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.Optional;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Source;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * A policy whose reply limits differ by source, grade, area kind and line, in 景芳 with grid 2 marked
 * rural: a claim in grid 1 is due in 72 h, one in grid 2 in 48 h, a 12345 ticket in 24 h, an urgent
 * case in 2 h wherever it is, and a case the traffic police are given in 6 h.
 */
class TimeLimitDispatchTest {
  private static final PolicySet POLICY =
      PolicyLoader.fromYaml(
          new StringReader(
              """
      id: graded
      version: 1
      effectiveFrom: 2024-01-01
      zone: Asia/Shanghai
      source: test
      dispatch:
        claimWindow: 24h
        replyWithin: 72h
        supervisionAfter: 24h
        timeLimits:
          - { grade: URGENT, replyWithin: 2h }
          - { areaKind: RURAL, replyWithin: 48h }
          - { source: HOTLINE_12345, replyWithin: 24h }
          - { line: traffic-police, replyWithin: 6h }
      returns: { bounceLimit: 2 }
      verification: { maxReworks: 3 }
      escalation: { mode: SOFT, quota: { GRID: 0.1 } }
      """),
          "graded.yaml");

  /** 景芳 with {@code area_kind: RURAL} on grid 2. */
  private static Directory ruralGrid2() {
    Directory town = Town.directory();
    return town.withTerritory(town.territory().withAttribute(GRID_2, AreaKind.ATTRIBUTE, "RURAL"));
  }

  private static GridGovernance governance(MutableClock clock, Directory directory) {
    return GridGovernance.builder()
        .storage(InMemoryGridStorage.create())
        .directory(directory)
        .policy(POLICY)
        .clock(clock)
        .build();
  }

  @Test
  void aLineRow_appliesToTheLineTheCaseIsGivenTo() {
    GridGovernance governance = governance(MutableClock.of(NINE, ZoneOffset.UTC), Town.directory());

    IncidentId claimed = reportAndRegister(governance, GRID_1, VENDING);
    IncidentId assigned = reportAndRegister(governance, GRID_1, VENDING);
    IncidentId registered = reportAndRegister(governance, GRID_1, CAR);

    assertThat(governance.claim(A, claimed).replyBy())
        .as("urban management's case")
        .contains(hours(72));
    assertThat(governance.assign(Town.CENTRE, assigned, POLICE, TRAFFIC, "the police's").replyBy())
        .as("the line given with the assignment")
        .contains(hours(6));
    assertThat(governance.assign(Town.CENTRE, registered, POLICE, TRAFFIC, "").replyBy())
        .contains(hours(6));
  }

  @Test
  void aClaim_isDueByTheLimitOfItsGridsAreaKind() {
    GridGovernance governance = governance(MutableClock.of(NINE, ZoneOffset.UTC), ruralGrid2());

    IncidentId urban = reportAndRegister(governance, GRID_1, VENDING);
    IncidentId rural = reportAndRegister(governance, GRID_2, VENDING);

    assertThat(governance.claim(A, urban).replyBy()).contains(hours(72));
    assertThat(governance.claim(C, rural).replyBy()).contains(hours(48));
  }

  @Test
  void anUrgentCase_isAssignedAtOnceAndDueByTheUrgentLimit_inAnyArea() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, ruralGrid2());

    IncidentId urban =
        governance.report(patrol(GRID_1, VENDING).emergency(true).build()).incident().id();
    IncidentId rural =
        governance.report(patrol(GRID_2, VENDING).emergency(true).build()).incident().id();
    governance.register(Town.CENTRE, urban, Optional.empty(), Optional.empty(), "");
    governance.register(Town.CENTRE, rural, Optional.empty(), Optional.empty(), "");
    governance.advance();

    assertThat(governance.require(urban).replyBy()).contains(hours(2));
    assertThat(governance.require(rural).replyBy()).contains(hours(2));
  }

  @Test
  void aHotlineTicket_isDueByTheLimitOfItsSource() {
    GridGovernance governance = governance(MutableClock.of(NINE, ZoneOffset.UTC), ruralGrid2());

    IncidentId ticket =
        governance
            .report(
                Report.by(Actor.external("hotline"))
                    .source(Source.HOTLINE_12345)
                    .external(new ExternalRef("12345", "T-1"))
                    .category(VENDING)
                    .grid(GRID_2)
                    .description("a stall blocks the pavement")
                    .build())
            .incident()
            .id();
    governance.register(Town.CENTRE, ticket, Optional.empty(), Optional.empty(), "");

    assertThat(governance.claim(C, ticket).replyBy())
        .as("the source's row beats the rural area's")
        .contains(hours(24));
  }

  @Test
  void withoutTheAttribute_everyGridIsUrban() {
    GridGovernance governance = governance(MutableClock.of(NINE, ZoneOffset.UTC), Town.directory());

    IncidentId id = reportAndRegister(governance, GRID_2, VENDING);

    assertThat(governance.claim(C, id).replyBy()).contains(hours(72));
  }
}
