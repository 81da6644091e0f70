package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.scoring.Town.*;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseArbitrated;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.DeadlineExtended;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentArchived;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRated;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.JointMeetingConvened;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.core.incident.Rating;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.policy.IndicatorSettings;

/**
 * {@link IndicatorEngine#next}: consecutive months chained in one pass over random legal histories
 * that cross month ends (reported in one month, dispatched, answered, overdue, extended, returned,
 * escalated, arbitrated, closed, rated, archived in later ones), each event fed only to the engine
 * of its month and to the earlier ones whose cut-off it is before, give for each month what that
 * month's engine gives from every history, whatever {@code settleAfter} (none, two days, longer
 * than a month).
 */
class IndicatorEngineNextProperties {
  private static final List<Period> MONTHS =
      List.of(
          PERIOD,
          Period.month(YearMonth.of(2024, 4), ZONE),
          Period.month(YearMonth.of(2024, 5), ZONE),
          Period.month(YearMonth.of(2024, 6), ZONE));
  private static final CategoryCode VENDING = CategoryCode.parse("E0402");
  private static final Actor CENTRE = Actor.centre("seat-1");
  private static final LineId OTHER = LineId.of("market-supervision");

  /** A, B and C on the roster, and one who is not (listed only once something counts for them). */
  private static final List<WorkerId> WORKERS = List.of(A, B, C, WorkerId.of("w-temp"));

  /** The last two are on no worker's list: their areas are listed from their first report on. */
  private static final List<AreaCode> GRIDS =
      List.of(
          G1,
          G2,
          AreaCode.of("330102011002003", Level.GRID),
          AreaCode.of("330102011003001", Level.GRID));

  @Property(tries = 300)
  void next_chainedMonths_eachAsFromEveryHistory(@ForAll long seed) {
    Random random = new Random(seed);
    Duration settle =
        List.of(Duration.ZERO, Duration.ofHours(48), Duration.ofDays(40)).get(random.nextInt(3));
    IndicatorSettings settings =
        new IndicatorSettings(
            SETTINGS.respondWithin(),
            SETTINGS.closeWithin(),
            settle,
            SETTINGS.satisfiedAtLeast(),
            SETTINGS.lateReplyCredit(),
            SETTINGS.percentiles(),
            SETTINGS.threeRateSources());
    List<List<IncidentEvent>> histories = new ArrayList<>();
    int n = 1 + random.nextInt(25);
    for (int i = 0; i < n; i++) {
      histories.add(history("p" + i, random));
    }
    // the run ends before June: June has no event, its engine starts at the end
    List<IncidentEvent> all = new ArrayList<>();
    histories.forEach(all::addAll);
    all.removeIf(e -> !e.at().isBefore(MONTHS.get(3).from()));
    all.sort(Comparator.comparing(IncidentEvent::at));

    boolean seeded = random.nextBoolean();
    List<IndicatorEngine> engines =
        new ArrayList<>(List.of(seed(new IndicatorEngine(MONTHS.get(0), settings), seeded)));
    for (IncidentEvent e : all) {
      while (engines.size() < MONTHS.size()
          && !e.at().isBefore(MONTHS.get(engines.size()).from())) {
        engines.add(seed(engines.get(engines.size() - 1).next(MONTHS.get(engines.size())), seeded));
      }
      for (IndicatorEngine engine : engines) {
        engine.accept(e); // an engine ignores what comes at or after its cut-off
      }
    }
    while (engines.size() < MONTHS.size()) {
      engines.add(seed(engines.get(engines.size() - 1).next(MONTHS.get(engines.size())), seeded));
    }
    List<IndicatorReport> chained = engines.stream().map(IndicatorEngine::finish).toList();

    for (int m = 0; m < MONTHS.size(); m++) {
      IndicatorEngine fresh = seed(new IndicatorEngine(MONTHS.get(m), settings), seeded);
      all.forEach(fresh::accept);
      assertThat(chained.get(m))
          .as(MONTHS.get(m).label() + " settling " + settle)
          .isEqualTo(fresh.finish());
    }
  }

  private static IndicatorEngine seed(IndicatorEngine engine, boolean seeded) {
    return seeded ? engine.seed(directory()) : engine;
  }

  /**
   * A random legal history (a walk on the state machine, each step checked by {@link
   * Incident#apply}) reported between late February and late June, its steps hours to weeks apart
   * and its deadlines up to five weeks ahead, so that it crosses month ends.
   */
  private static List<IncidentEvent> history(String id, Random random) {
    IncidentId incident = IncidentId.of(id);
    Instant t = at(-120 + random.nextInt(2200));
    WorkerId reporter = WORKERS.get(random.nextInt(WORKERS.size()));
    Source source = random.nextBoolean() ? Source.PATROL : Source.HOTLINE_12345;
    Actor actor = source == Source.PATROL ? Actor.worker(reporter) : Actor.external("hotline");
    List<IncidentEvent> events = new ArrayList<>();
    events.add(
        new IncidentReported(
            incident,
            actor,
            t,
            "",
            source,
            VENDING,
            GRIDS.get(random.nextInt(GRIDS.size())),
            Optional.empty(),
            Optional.empty(),
            false,
            "seen",
            Optional.empty()));
    Incident state = Incident.replay(events);
    Instant deadline = null;
    int steps = random.nextInt(18);
    for (int s = 0; s < steps; s++) {
      for (int attempt = 0; attempt < 25; attempt++) {
        Instant next = t.plusSeconds(3600L * random.nextInt(random.nextBoolean() ? 10 : 400));
        IncidentEvent e = event(incident, random, next, deadline);
        try {
          state = state.apply(e);
        } catch (RuntimeException illegal) {
          continue;
        }
        events.add(e);
        t = e.at();
        if (e instanceof IncidentClaimed c) {
          deadline = c.replyBy();
        } else if (e instanceof IncidentAssigned a) {
          deadline = a.replyBy();
        } else if (e instanceof VerificationFailed f) {
          deadline = f.replyBy();
        } else if (e instanceof DeadlineExtended x) {
          deadline = x.replyBy();
        }
        break;
      }
    }
    return events;
  }

  private static IncidentEvent event(IncidentId id, Random random, Instant t, Instant deadline) {
    WorkerId worker = WORKERS.get(random.nextInt(WORKERS.size()));
    LineId line = random.nextBoolean() ? URBAN : OTHER;
    Instant replyBy = t.plusSeconds(3600L * (1 + random.nextInt(900)));
    // weighted towards the ordinary path: few rejections, escalations and arbitrations
    int[] kinds = {
      0, 0, 0, 1, 2, 2, 3, 3, 4, 4, 4, 5, 6, 7, 8, 9, 10, 11, 11, 11, 12, 13, 13, 13, 14, 14, 14,
      15, 15
    };
    return switch (kinds[random.nextInt(kinds.length)]) {
      case 0 -> new IncidentRegistered(id, CENTRE, t, "", VENDING, line, t.plusSeconds(86_400));
      case 1 -> new IncidentRejected(id, CENTRE, t, "no", RejectionKind.INVALID, Optional.empty());
      case 2 -> new IncidentClaimed(id, Actor.worker(worker), t, "", worker, replyBy);
      case 3 -> new IncidentAssigned(id, CENTRE, t, "", worker, line, replyBy);
      case 4 -> new FeedbackGiven(id, Actor.worker(worker), t, "", worker, "done");
      case 5 ->
          new MarkedOverdue(
              id,
              CENTRE,
              deadline == null ? t : deadline,
              "",
              deadline == null ? t : deadline,
              Optional.empty());
      case 6 -> new DeadlineExtended(id, CENTRE, t, "", replyBy);
      case 7 -> new CaseReturned(id, Actor.worker(WorkerId.of("w-line")), t, "not ours", line);
      case 8 ->
          new IncidentEscalated(
              id,
              CENTRE,
              t,
              "",
              Level.GRID,
              Level.COMMUNITY,
              EscalationKind.REQUESTED,
              false,
              t.plusSeconds(7200));
      case 9 -> new CaseArbitrated(id, CENTRE, t, "", line, t);
      case 10 ->
          new JointMeetingConvened(
              id, CENTRE, t, "", line, ImmutableSet.of(URBAN, OTHER), t.plusSeconds(7200));
      case 11 -> new VerificationPassed(id, Actor.worker(S), t, "", S);
      case 12 -> new VerificationFailed(id, Actor.worker(S), t, "no", S, replyBy);
      case 13 -> new IncidentClosed(id, CENTRE, t, "");
      case 14 ->
          new IncidentRated(
              id,
              Actor.resident("r-1"),
              t,
              "",
              new Rating(1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5)));
      default -> new IncidentArchived(id, CENTRE, t, "");
    };
  }
}
