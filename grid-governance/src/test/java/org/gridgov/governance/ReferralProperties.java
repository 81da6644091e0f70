package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.governance.Town.*;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.CaseReferred;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.territory.Level;
import org.gridgov.rules.dispatch.Candidates;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.threeten.extra.MutableClock;

/**
 * Random streams of reports, timer rounds, claims and directory changes that take the urban
 * management line's staff away and give it back, level by level: after every round no case waits
 * for the centre while someone at its level acts for its line, no such case has a timer, and every
 * referral happened at the district.
 */
class ReferralProperties {
  private static final WorkerId DISTRICT = WorkerId.of("w-district");

  /** The directories a stream switches between: who acts for urban management. */
  enum Staff {
    EVERYONE,
    NOBODY,
    DISTRICT_ONLY,
    GRIDS_ONLY;

    Directory of() {
      Directory town = Town.directory();
      Set<WorkerId> urban =
          switch (this) {
            case EVERYONE -> null;
            case NOBODY -> Set.of();
            case DISTRICT_ONLY -> Set.of(DISTRICT);
            case GRIDS_ONLY -> Set.of(A, B, C);
          };
      if (urban == null) {
        return town;
      }
      return town.withRoster(
          Roster.of(
              town.roster().workers().stream()
                  .filter(w -> !w.actsFor(URBAN) || urban.contains(w.id()))
                  .toList()));
    }
  }

  enum Kind {
    REPORT,
    ADVANCE,
    CLAIM,
    STAFF
  }

  record Command(Kind kind, int choice, int hours) {}

  @Provide
  Arbitrary<List<Command>> streams() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(Kind.REPORT)),
            Tuple.of(4, Arbitraries.just(Kind.ADVANCE)),
            Tuple.of(1, Arbitraries.just(Kind.CLAIM)),
            Tuple.of(2, Arbitraries.just(Kind.STAFF)));
    return Combinators.combine(
            kinds, Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 30))
        .as(Command::new)
        .list()
        .ofMinSize(10)
        .ofMaxSize(80);
  }

  @Property(tries = 150)
  void afterEveryRound_nobodyWaitsForTheCentreWhomSomeoneCouldTake(
      @ForAll("streams") List<Command> stream) {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    GridGovernance governance =
        GridGovernance.builder()
            .storage(storage)
            .directory(Staff.NOBODY.of())
            .policy(Presets.kaixuan())
            .clock(clock)
            .build();
    List<IncidentId> ids = new ArrayList<>();
    for (Command c : stream) {
      clock.add(Duration.ofHours(c.hours()));
      try {
        switch (c.kind()) {
          case REPORT -> ids.add(vendingSeenBySupervisor(governance));
          case ADVANCE -> {
            governance.advance();
            assertNobodyWaitsInVain(governance);
          }
          case CLAIM -> {
            if (!ids.isEmpty()) {
              governance.claim(
                  List.of(A, B, C, DISTRICT).get(c.choice() % 4), ids.get(c.choice() % ids.size()));
            }
          }
          case STAFF ->
              governance.updateDirectory(
                  d -> Staff.values()[c.choice() % Staff.values().length].of());
        }
      } catch (RuntimeException refused) {
        // a refused command (a claim by someone not eligible, or too late) stores nothing
      }
    }
    governance.advance();
    assertNobodyWaitsInVain(governance);
    boolean referred = false;
    for (IncidentId id : ids) {
      for (IncidentEvent event : governance.history(id)) {
        if (event instanceof CaseReferred r) {
          referred = true;
          assertThat(r.level()).isEqualTo(Level.DISTRICT);
          assertThat(r.line()).isEqualTo(URBAN);
        }
      }
    }
    Statistics.collect(referred ? "some referred" : "none referred");
  }

  /** The invariants that hold right after a round. */
  private static void assertNobodyWaitsInVain(GridGovernance governance) {
    Roster roster = governance.directory().roster();
    List<Incident> waiting =
        governance.centreWorklist().stream()
            .filter(incident -> incident.stage() == Stage.REGISTERED)
            .toList();
    for (Incident incident : waiting) {
      assertThat(Candidates.eligible(incident, incident.line().orElseThrow(), roster))
          .as(
              "%s waits for the centre though someone at %s acts for its line",
              incident.id(), incident.level())
          .isEmpty();
      assertThat(incident.nextTimer()).isEmpty();
    }
    List<DueTimer> due =
        governance
            .storage()
            .incidents()
            .dueAt(governance.clock().instant().plus(Duration.ofDays(3650)), 10_000);
    Set<IncidentId> waitingIds = Set.copyOf(waiting.stream().map(Incident::id).toList());
    assertThat(due)
        .as("no timer of a case waiting for the centre")
        .noneMatch(t -> waitingIds.contains(t.incident().id()));
  }
}
