package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.governance.Town.*;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.threeten.extra.MutableClock;

/**
 * Random command streams through the facade: whatever it accepts, the same stream on the same clock
 * gives the same events; no case is auto-assigned before its claim window ends; the verifier is
 * never the handler.
 */
class GovernanceProperties {
  private static final List<WorkerId> WORKERS = List.of(A, B, C, SUPERVISOR, POLICE);

  enum Kind {
    REPORT,
    REGISTER,
    CLAIM,
    FEEDBACK,
    VERIFY_PASS,
    VERIFY_FAIL,
    CLOSE,
    ESCALATE,
    RETURN,
    ADVANCE
  }

  record Command(Kind kind, int incident, int worker, int hours) {}

  @Provide
  Arbitrary<List<Command>> streams() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.REPORT)),
            net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.REGISTER)),
            net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.CLAIM)),
            net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.FEEDBACK)),
            net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.VERIFY_PASS)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.VERIFY_FAIL)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CLOSE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.ESCALATE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.RETURN)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.ADVANCE)));
    return Combinators.combine(
            kinds,
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, WORKERS.size() - 1),
            Arbitraries.integers().between(0, 8))
        .as(Command::new)
        .list()
        .ofMinSize(20)
        .ofMaxSize(120);
  }

  @Property(tries = 60)
  void sameStreamSameClock_sameEvents(@ForAll("streams") List<Command> stream) {
    assertThat(run(stream)).isEqualTo(run(stream));
  }

  @Property(tries = 250)
  void anyStream_verifierNeverHandler_andNoAssignmentBeforeTheWindow(
      @ForAll("streams") List<Command> stream) {
    List<List<IncidentEvent>> histories = run(stream);
    net.jqwik.api.statistics.Statistics.collect(
        histories.stream()
                .flatMap(List::stream)
                .anyMatch(e -> e instanceof VerificationPassed || e instanceof VerificationFailed)
            ? "reached verification"
            : "stopped earlier");
    for (List<IncidentEvent> history : histories) {
      java.time.Instant claimUntil = null;
      WorkerId handler = null;
      for (IncidentEvent event : history) {
        if (event instanceof IncidentRegistered r) {
          claimUntil = r.claimUntil();
        } else if (event instanceof IncidentAssigned a && a.actor().id().startsWith("dispatch.")) {
          assertThat(a.at()).isAfterOrEqualTo(claimUntil);
        } else if (event instanceof FeedbackGiven f) {
          handler = f.handler();
        } else if (event instanceof VerificationPassed v) {
          assertThat(v.verifier()).isNotEqualTo(handler);
        } else if (event instanceof VerificationFailed v) {
          assertThat(v.verifier()).isNotEqualTo(handler);
        } else if (event instanceof IncidentClaimed c) {
          assertThat(c.at()).isBefore(claimUntil.plusSeconds(1));
        }
      }
    }
  }

  /** Runs a stream on a fresh store and clock; refused commands are skipped. */
  private static List<List<IncidentEvent>> run(List<Command> stream) {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    List<IncidentId> ids = new ArrayList<>();
    for (Command c : stream) {
      clock.add(java.time.Duration.ofHours(c.hours()));
      WorkerId worker = WORKERS.get(c.worker());
      Optional<IncidentId> id =
          ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(c.incident() % ids.size()));
      try {
        switch (c.kind()) {
          case REPORT ->
              ids.add(
                  governance
                      .report(patrol(c.worker() % 2 == 0 ? GRID_1 : GRID_2, VENDING).build())
                      .incident()
                      .id());
          case ADVANCE -> governance.advance();
          default -> id.ifPresent(i -> apply(governance, c.kind(), i, worker));
        }
      } catch (RuntimeException refused) {
        // refused commands store nothing; the stream goes on
      }
    }
    List<List<IncidentEvent>> histories = new ArrayList<>();
    for (IncidentId id : ids) {
      histories.add(governance.history(id));
    }
    return histories;
  }

  private static void apply(GridGovernance g, Kind kind, IncidentId id, WorkerId worker) {
    switch (kind) {
      case REGISTER -> g.register(CENTRE, id, Optional.empty(), Optional.empty(), "");
      case CLAIM -> g.claim(worker, id);
      case FEEDBACK -> g.feedback(g.require(id).assignee().orElse(worker), id, "done");
      case VERIFY_PASS -> g.verify(worker, id, true, "ok");
      case VERIFY_FAIL -> g.verify(worker, id, false, "not yet");
      case CLOSE -> g.close(CENTRE, id, "");
      case ESCALATE -> g.escalate(Actor.worker(worker), id, "beyond the grid");
      case RETURN -> g.returnCase(Actor.worker(worker), id, "not ours");
      default -> throw new AssertionError(kind);
    }
  }
}
