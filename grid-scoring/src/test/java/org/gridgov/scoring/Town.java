package org.gridgov.scoring;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.policy.IndicatorSettings;

/** 景芳 community, March 2024, with a few workers: the fixtures of the scoring tests. */
public final class Town {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final YearMonth MARCH = YearMonth.of(2024, 3);
  public static final Period PERIOD = Period.month(MARCH, ZONE);

  /** Monday 2024-03-04 09:00 in Hangzhou. */
  public static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");

  public static final AreaCode STREET = AreaCode.parse("330102011");
  public static final AreaCode COMMUNITY = AreaCode.parse("330102011002");
  public static final AreaCode G1 = AreaCode.of("330102011002001", Level.GRID);
  public static final AreaCode G2 = AreaCode.of("330102011002002", Level.GRID);
  public static final LineId URBAN = LineId.of("urban-management");
  public static final WorkerId A = WorkerId.of("w-a");
  public static final WorkerId B = WorkerId.of("w-b");
  public static final WorkerId C = WorkerId.of("w-c");
  public static final WorkerId S = WorkerId.of("w-sup");
  public static final WorkerId CADRE = WorkerId.of("w-cadre");

  /** respond 24 h, close 96 h, no settling time, satisfied at 4, late replies half, p50 and p90. */
  public static final IndicatorSettings SETTINGS =
      new IndicatorSettings(
          Duration.ofHours(24),
          Duration.ofHours(96),
          Duration.ZERO,
          4,
          new BigDecimal("0.5"),
          ImmutableList.of(50, 90),
          ImmutableSet.of(Source.HOTLINE_12345));

  /** A visits twice on 5 March, B once on 31 March and once on 1 April (outside). */
  public static final List<org.gridgov.scoring.indicator.VisitRecord> VISITS =
      List.of(
          new org.gridgov.scoring.indicator.VisitRecord(
              A, G1, "b3-101", java.time.LocalDate.of(2024, 3, 5)),
          new org.gridgov.scoring.indicator.VisitRecord(
              A, G1, "b3-102", java.time.LocalDate.of(2024, 3, 5)),
          new org.gridgov.scoring.indicator.VisitRecord(
              B, G1, "b4-201", java.time.LocalDate.of(2024, 3, 31)),
          new org.gridgov.scoring.indicator.VisitRecord(
              B, G1, "b4-202", java.time.LocalDate.of(2024, 4, 1)));

  private Town() {}

  public static Instant at(double hours) {
    return T0.plusSeconds(Math.round(hours * 3600));
  }

  public static Directory directory() {
    return Directory.of(
        Divisions.jingfangExample(),
        Roster.of(
            List.of(
                worker(A, Role.GRID_MANAGER, COMMUNITY, Set.of(G1)),
                worker(B, Role.SOCIAL_WORKER, COMMUNITY, Set.of(G1)),
                worker(C, Role.GRID_MANAGER, COMMUNITY, Set.of(G2)),
                worker(S, Role.SUPERVISOR, COMMUNITY, Set.of(G1, G2)),
                worker(CADRE, Role.INSTRUCTOR, STREET, Set.of(G1)))));
  }

  /**
   * Five incidents of March 2024 whose indicators the tests compute by hand (hours after T0). i1
   * (G1, A's patrol): registered 1, claimed by A 2 (reply by 74), fed back 10, verified 12, closed
   * 13, rated 5/5/5 at 20. i2 (G1, 12345): registered 1, assigned to B 25 (reply by 97), overdue
   * 98, fed back 100 (late), verification failed 101 (reply by 125), fed back 120, verified 121,
   * closed 122, rated 3/2/3 at 130. i3 (G2, C): rejected 1. i4 (G2, C's patrol at 2): registered 3,
   * assigned to C 27 (reply by 99), still open. i5 (G1, A): reported on 31 March at 23:00,
   * registered in April (after the cut-off).
   */
  public static List<List<org.gridgov.core.incident.IncidentEvent>> march() {
    return List.of(
        History.byWorker("i1", G1, A, 0)
            .registered(1, URBAN)
            .claimed(A, 2, 74)
            .feedback(A, 10)
            .verified(S, 12)
            .closed(13)
            .rated(5, 5, 5, 20)
            .build(),
        History.reported(
                "i2",
                G1,
                Source.HOTLINE_12345,
                org.gridgov.core.incident.Actor.external("hotline"),
                0)
            .registered(1, URBAN)
            .assigned(B, URBAN, 25, 97)
            .overdue(98, 97)
            .feedback(B, 100)
            .failed(S, 101, 125)
            .feedback(B, 120)
            .verified(S, 121)
            .closed(122)
            .rated(3, 2, 3, 130)
            .build(),
        History.byWorker("i3", G2, C, 0).rejected(1).build(),
        History.byWorker("i4", G2, C, 2).registered(3, URBAN).assigned(C, URBAN, 27, 99).build(),
        History.byWorker("i5", G1, A, 662).registered(664, URBAN).build());
  }

  private static Worker worker(WorkerId id, Role role, AreaCode unit, Set<AreaCode> grids) {
    return Worker.of(id, "name-" + id, Set.of(role), unit, grids).withLines(Set.of(URBAN));
  }
}
