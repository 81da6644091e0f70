package org.gridgov.scoring.indicator;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridgov.core.Directory;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.CaseArbitrated;
import org.gridgov.core.incident.CaseReopened;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.DeadlineExtended;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.IllegalTransitionException;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentArchived;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentIdMap;
import org.gridgov.core.incident.IncidentRated;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentRejected;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.JointMeetingConvened;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.internal.Instants;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.TimeLimit;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.scoring.Areas;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.UnitRef;
import org.gridgov.scoring.policy.IndicatorSettings;
import org.gridgov.scoring.policy.ScoringPolicyLoader;
import org.gridgov.scoring.policy.ScoringRules;

/**
 * Computes the {@link Counter}s of every unit in one pass over the events. Events may arrive
 * history by history or interleaved across incidents (as from an event log), as long as each
 * incident's events come in order starting with its report; they are trusted to be a legal history
 * (as stored). Memory is O(incidents + units): a small {@link IncidentTrack} per incident, dropped
 * at its {@link IncidentArchived} (an engine fed incidents that are never archived keeps one per
 * incident until {@link #finish()}), and a {@link Tally} per unit with 4 bytes per duration counted
 * for it. An event allocates nothing beyond the track (and the reporter's id) for a report and the
 * growth of the duration lists. Events at or after the cut-off ({@link #cutOff()}) are ignored. A
 * history fed twice is refused at its second report while its incident is tracked; after its {@link
 * IncidentArchived} the track is gone and a second feed would count again, so feed each history
 * once. Single use and not thread-safe: feed it, then call {@link #finish()} once.
 *
 * <p>Consecutive periods (the months of a long run) are scored in one pass without feeding every
 * event to every period's engine: when the first event of the next period comes, {@link
 * #next(Period)} starts that period's engine from this one's, and each event then goes to the
 * engine of its period and to the earlier ones whose cut-off it is before. Such a chain takes the
 * events in time order: an engine that has started the next refuses an event before its end.
 */
public final class IndicatorEngine {
  /** A {@link #next(Period)} that does not start the day after this period, in its zone. */
  public static final RuleId NEXT = RuleId.of("indicators.next");

  /**
   * A visit record that is null, or of a worker not on the roster or a grid not in the territory
   * ({@link org.gridgov.scoring.ScoringRun#indicators}, which has the directory to check them), or
   * built with a code that is no grid's ({@link VisitRecord}).
   */
  public static final RuleId VISIT = RuleId.of("indicators.visit");

  /**
   * A history that is null, or an event in one that is null or does not follow from those before it
   * ({@link #acceptAll}), or an event fed alone out of its history ({@link
   * #accept(IncidentEvent)}).
   */
  public static final RuleId HISTORY = RuleId.of("indicators.history");

  private final Period period;
  private final IndicatorSettings settings;
  private final Instant from;
  private final Instant to;
  private final Instant cutOff;

  /** The policy's percentiles and the median, which a duration's value is. */
  private final List<Integer> percentiles;

  /**
   * The incidents alive, looked up on every event: an {@link IncidentIdMap}, as a case idle for
   * days costs a miss on its slot and one on its track, not also one on a map node between them.
   * Its iteration order is its table's; nothing counted depends on it (counts are sums of longs,
   * durations are recorded by events, not by a pass over the tracks).
   */
  private final IncidentIdMap<IncidentTrack> tracks = new IncidentIdMap<>();

  private final Map<AreaCode, Tally> areas = new HashMap<>();
  private final Map<AreaCode, Tally[]> chains = new HashMap<>();
  private final Map<LineId, Tally> lines = new HashMap<>();
  private final Map<WorkerId, Tally> workers = new HashMap<>();

  /**
   * Where the grade and the area kind of a case come from, for 按时立案 and 按时核查: the directory {@link
   * #seed(Directory)} was given, else the standard catalogue and no territory (every area {@link
   * AreaKind#URBAN}).
   */
  private CategoryCatalogue catalogue = CategoryCatalogue.standard();

  private Territory territory;

  /**
   * Replies decided before this period's end whose deadline lies at or after it: they count in a
   * later period, so {@link #next(Period)} hands them on (a case answered early, for one).
   */
  private final List<Reply> ahead = new ArrayList<>();

  /** The first event's instant fed at or after this period's end, null while there is none. */
  private Instant pastEnd;

  /** Whether the event being counted is before this period's end: replies may go {@link #ahead}. */
  private boolean beforeEnd;

  /**
   * The period {@link #next(Period)} handed on to, null before: an event before this period's end
   * that comes later would be missing from that engine, so it is refused.
   */
  private Period handedOn;

  private boolean finished;

  /** Why this engine refused a feed part-way, null while it has not: its counts are partial. */
  private String refused;

  /** A reply decided ahead of its deadline's period; {@code outcome} null for a missed one. */
  @SuppressWarnings("ArrayRecordComponent") // never compared: it carries the reply's tallies
  private record Reply(
      Instant deadline, Counter outcome, Tally[] areas, Tally worker, Tally line) {}

  /**
   * @throws InvalidInputException when {@code period} is missing or {@code settings} are missing or
   *     invalid ({@link ScoringPolicyLoader#validate(IndicatorSettings)}): a negative {@code
   *     settleAfter} or a percentile of 0 would count wrong or fail only at {@link #finish()}
   */
  public IndicatorEngine(Period period, IndicatorSettings settings) {
    if (period == null) {
      throw new InvalidInputException(
          "indicator engine", Violation.of("period", ScoringRules.REQUIRED, "is required", null));
    }
    this.period = period;
    this.settings = ScoringPolicyLoader.validate(settings);
    this.from = period.from();
    this.to = period.to();
    this.cutOff = to.plus(settings.settleAfter());
    this.percentiles = withMedian(settings.percentiles());
  }

  private static List<Integer> withMedian(List<Integer> percentiles) {
    if (percentiles.contains(50)) {
      return percentiles;
    }
    List<Integer> all = new ArrayList<>(percentiles);
    all.add(50);
    all.sort(null);
    return List.copyOf(all);
  }

  /** Events at or after this instant are ignored: the period's end plus {@code settleAfter}. */
  public Instant cutOff() {
    return cutOff;
  }

  /**
   * Lists every roster worker and the areas of their grids, so that idle units appear with zeros,
   * and takes the directory's catalogue (which categories are emergencies) and territory (the area
   * kinds) for the timed registration and verification.
   */
  public IndicatorEngine seed(Directory directory) {
    catalogue = directory.catalogue();
    territory = directory.territory();
    for (Worker worker : directory.roster().workers()) {
      tally(workers, worker.id()).list();
      worker.grids().stream().filter(g -> g.level() == Level.GRID).forEach(this::areaTallies);
    }
    return this;
  }

  /**
   * Feeds every history in order. The histories are read once, as they come (they may be a
   * single-use stream of millions of events, which neither a second pass nor a copy would suit), so
   * a history that is wrong is found only when it is reached: the engine has counted what came
   * before it, and refuses any further use ({@link IllegalStateException}); start a new one. Each
   * history is folded as it is counted ({@link Incident#apply}), so one that is not a case's
   * history (an event repeated or out of order, a step its stage forbids, another incident's event,
   * no report first, an incident given twice) is refused rather than counted.
   *
   * @throws InvalidInputException naming the null history {@code histories[i]}, or the event {@code
   *     histories[i][j]} that is null or does not follow from the events before it ({@link
   *     #HISTORY})
   */
  public IndicatorEngine acceptAll(Iterable<? extends List<? extends IncidentEvent>> histories) {
    Objects.requireNonNull(histories, "histories");
    int i = 0;
    for (List<? extends IncidentEvent> history : histories) {
      if (history == null) {
        throw refuse("histories", "histories[" + i + "]", HISTORY, "must not be null");
      }
      Incident state = null;
      int j = 0;
      for (IncidentEvent event : history) {
        String path = "histories[" + i + "][" + j + "]";
        if (event == null) {
          throw refuse("histories", path, HISTORY, "must not be null");
        }
        try {
          state = state == null ? Incident.replay(List.of(event)) : state.apply(event);
          accept(event);
        } catch (IllegalArgumentException | IllegalTransitionException wrong) {
          throw refuse(
              "histories",
              path,
              HISTORY,
              "must follow from the events before it in" + " its history: " + reason(wrong));
        }
        j++;
      }
      i++;
    }
    return this;
  }

  /**
   * Feeds every visit record, as {@link #acceptAll} its histories.
   *
   * @throws InvalidInputException naming a null visit record {@code visits[i]} ({@link #VISIT});
   *     the engine refuses any further use, as after a refused history
   */
  public IndicatorEngine acceptVisits(Iterable<VisitRecord> visits) {
    Objects.requireNonNull(visits, "visits");
    int i = 0;
    for (VisitRecord visit : visits) {
      if (visit == null) {
        throw refuse("visits", "visits[" + i + "]", VISIT, "must not be null");
      }
      accept(visit);
      i++;
    }
    return this;
  }

  /** What {@code wrong} says: the messages of its violations when it lists some. */
  private static String reason(RuntimeException wrong) {
    return wrong instanceof InvalidInputException invalid
        ? invalid.violations().stream().map(Violation::message).collect(Collectors.joining("; "))
        : wrong.getMessage();
  }

  /** Marks this engine unusable (its counts are partial) and returns the refusal to throw. */
  private InvalidInputException refuse(String subject, String path, RuleId rule, String message) {
    open();
    refused = path + " " + message;
    return new InvalidInputException(
        subject + " " + period.label(), Violation.of(path, rule, message, null));
  }

  /** The refusal of an event fed to {@link #accept(IncidentEvent)} out of its history. */
  private InvalidInputException notFollowing(String message) {
    return new InvalidInputException(
        "indicators " + period.label(), Violation.of("event", HISTORY, message, null));
  }

  public void accept(VisitRecord visit) {
    open();
    if (period.contains(visit.date())) {
      add(areaTallies(visit.grid()), Counter.VISITS, tally(workers, visit.worker()), null, 1);
    }
  }

  /**
   * Counts {@code event}, trusted to follow from the events fed before it in its history ({@link
   * #acceptAll} checks that).
   *
   * @throws InvalidInputException at {@code event} ({@link #HISTORY}) when it reports an incident
   *     tracked already, or is any other event of an incident not tracked (its report never fed, or
   *     its archiving fed already)
   */
  public void accept(IncidentEvent event) {
    open();
    Instant t = event.at();
    beforeEnd = t.isBefore(to); // one comparison for most events: an engine streams millions
    if (!beforeEnd) {
      if (pastEnd == null) {
        pastEnd = t;
      }
      if (!t.isBefore(cutOff)) {
        return;
      }
    } else if (handedOn != null) {
      throw new IllegalStateException(
          "an event at "
              + t
              + " came after the engine of "
              + handedOn.label()
              + " was started from this one: feed consecutive periods' events in"
              + " time order, or it would be missing from that period");
    }
    if (event instanceof IncidentReported r) {
      Tally reporter = tally(workers, r.actor().workerId().orElse(null));
      IncidentTrack track =
          new IncidentTrack(
              areaTallies(r.grid()), settings.scoped(r.source()), inPeriod(t), reporter);
      if (tracks.putIfAbsent(r.incident(), track) != null) {
        throw notFollowing("incident " + r.incident() + " is reported twice");
      }
      track.reportedSecond = t.getEpochSecond();
      track.reportedNano = t.getNano();
      track.reportedUrgent = r.emergency();
      r.registerBy()
          .ifPresent(
              by -> {
                track.registerBySecond = by.getEpochSecond();
                track.registerByNano = by.getNano();
              });
      if (!settings.verifyWithin().isEmpty()) {
        track.verifyLimit =
            settings
                .verifyWithin()
                .get(
                    territory == null
                        ? AreaKind.URBAN
                        : territory.kindOf(r.microGrid().orElse(r.grid())));
      }
      count(track, Counter.REPORTED, t, track.reporter, null);
      if (track.reportedInPeriod) {
        track.category = r.category();
        track.areas[0].addReport(track.category);
      }
      return;
    }
    IncidentTrack k = tracks.get(event.incident());
    if (k == null) {
      throw notFollowing(
          "the history of incident "
              + event.incident()
              + " must start with its report (or it was archived already)");
    }
    if (event instanceof IncidentRegistered e) {
      if (k.category != null && !k.category.equals(e.category())) {
        k.areas[0].moveReport(k.category, e.category()); // the centre corrected the category
        k.category = e.category();
      }
      k.line = tally(lines, e.line());
      count(k, Counter.LINE_DISPATCHES, t, null, k.line);
      if (k.registeredSecond == IncidentTrack.NONE && inPeriod(t)) {
        if (k.reporter != null) {
          k.reporter.add(Counter.REPORTS_REGISTERED, 1);
        }
        addDuration(
            k, null, Indicator.REGISTRATION_TIME, seconds(k.reportedSecond, k.reportedNano, t));
        if (!settings.registerWithin().isEmpty() || k.registerBySecond != IncidentTrack.NONE) {
          timeRegistration(k, e, t);
        }
      }
      k.registered(t);
    } else if (event instanceof IncidentRejected e) {
      count(k, Counter.REJECTED, t, k.reporter, null);
      if (e.kind() == RejectionKind.DUPLICATE) {
        count(k, Counter.DUPLICATES, t, k.reporter, null);
      }
    } else if (event instanceof IncidentClaimed e) {
      dispatch(k, t, e.claimant(), e.replyBy(), true);
    } else if (event instanceof IncidentAssigned e) {
      lapse(k, t); // a deadline missed before a re-assignment stays with the line that set it
      k.line = tally(lines, e.line());
      dispatch(k, t, e.assignee(), e.replyBy(), false);
    } else if (event instanceof FeedbackGiven e) {
      feedback(k, t, e.handler(), e.verifyBy().orElse(null));
      k.awaitingVerification = true;
    } else if (event instanceof VerificationPassed e) {
      k.awaitingVerification = false;
      verified(k, t, e.verifier());
      settle(k, false);
    } else if (event instanceof VerificationFailed e) {
      k.awaitingVerification = false;
      verified(k, t, e.verifier());
      settle(k, true);
      k.deadline(e.replyBy());
    } else if (event instanceof DeadlineExtended e) {
      lapse(k, t);
      k.deadline(e.replyBy());
      count(k, Counter.EXTENDED, t, k.assignee, k.line);
    } else if (event instanceof MarkedOverdue) {
      count(k, Counter.OVERDUE, t, k.assignee, k.line);
    } else if (event instanceof IncidentSupervised) {
      // a report not registered, or a feedback not verified, in time: the centre's step was late
      boolean centresStep = k.registeredSecond == IncidentTrack.NONE || k.awaitingVerification;
      count(k, Counter.SUPERVISED, t, centresStep ? null : k.assignee, centresStep ? null : k.line);
    } else if (event instanceof CaseReturned) {
      count(k, Counter.RETURNS, t, null, k.line);
      undispatch(k, t);
    } else if (event instanceof IncidentEscalated) {
      undispatch(k, t);
    } else if (event instanceof CaseArbitrated e) {
      undispatch(k, t);
      k.line = tally(lines, e.line());
      count(k, Counter.LINE_DISPATCHES, t, null, k.line);
    } else if (event instanceof JointMeetingConvened e) {
      undispatch(k, t);
      k.line = tally(lines, e.lead());
      count(k, Counter.LINE_DISPATCHES, t, null, k.line);
    } else if (event instanceof IncidentClosed) {
      close(k, t);
    } else if (event instanceof IncidentRated e) {
      rate(k, t, e.rating());
    } else if (event instanceof IncidentArchived) {
      complete(k);
      tracks.remove(event.incident());
    } else if (event instanceof CaseReopened e) {
      reopen(k, t, e.replyBy());
    } else if (event instanceof CaseSuspended) {
      // a deadline missed before the case was parked stays missed; one still ahead is withdrawn
      lapse(k, t);
      count(k, Counter.SUSPENDED, t, k.assignee, k.line);
    } else if (event instanceof CaseResumed e) {
      k.deadline(e.replyBy());
    }
  }

  /** Completes every incident still tracked and returns the indicators of every unit seen. */
  public IndicatorReport finish() {
    open();
    finished = true;
    beforeEnd = false; // no engine follows a finished one
    tracks.forEach((id, k) -> complete(k));
    tracks.clear();
    countHighIncidence();
    ImmutableSortedMap.Builder<UnitRef, UnitIndicators> units = ImmutableSortedMap.naturalOrder();
    snapshot(areas, UnitRef::area, units);
    snapshot(lines, UnitRef::line, units);
    snapshot(workers, UnitRef::worker, units);
    return new IndicatorReport(period, settings, units.build());
  }

  /**
   * Counts each grid's reports of the period's high-incidence categories for it, its community and
   * its street: the {@code highIncidenceTop} categories with the most reports in P over every grid
   * (ties by code).
   */
  private void countHighIncidence() {
    Map<CategoryCode, Long> all = new HashMap<>();
    chains
        .values()
        .forEach(
            chain ->
                chain[0]
                    .reportsByCategory()
                    .forEach((category, n) -> all.merge(category, n[0], Long::sum)));
    Set<CategoryCode> top =
        all.entrySet().stream()
            .sorted(
                Map.Entry.<CategoryCode, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(settings.highIncidenceTop())
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    chains
        .values()
        .forEach(
            chain -> {
              long n = 0;
              for (Map.Entry<CategoryCode, long[]> e : chain[0].reportsByCategory().entrySet()) {
                n += top.contains(e.getKey()) ? e.getValue()[0] : 0;
              }
              if (n > 0) {
                add(chain, Counter.HIGH_INCIDENCE, null, null, n);
              }
            });
  }

  private <K> void snapshot(
      Map<K, Tally> tallies,
      Function<K, UnitRef> unit,
      ImmutableSortedMap.Builder<UnitRef, UnitIndicators> units) {
    tallies.forEach(
        (key, tally) -> {
          if (tally.listed()) {
            UnitRef ref = unit.apply(key);
            units.put(
                ref,
                new UnitIndicators(
                    ref, tally.counts(), tally.durations(percentiles), settings.lateReplyCredit()));
          }
        });
  }

  private void dispatch(
      IncidentTrack k, Instant t, WorkerId worker, Instant replyBy, boolean self) {
    lapse(k, t);
    k.assignee = tally(workers, worker);
    k.handler = null; // a new round: a handler of an earlier one no longer holds the case
    k.deadline(replyBy);
    if (k.firstDispatchAt == null) {
      k.firstDispatchAt = t;
      if (k.registeredSecond != IncidentTrack.NONE && inPeriod(t)) {
        addDuration(
            k,
            k.assignee,
            Indicator.RESPONSE_TIME,
            seconds(k.registeredSecond, k.registeredNano, t));
      }
    }
    count(k, Counter.DISPATCHED, t, k.assignee, k.line);
    if (self) {
      count(k, Counter.SELF_CLAIMED, t, k.assignee, k.line);
    }
  }

  /** {@code verifyBy}: the verification limit the feedback recorded, null for none. */
  private void feedback(IncidentTrack k, Instant t, WorkerId handler, Instant verifyBy) {
    settle(k, false);
    // in time strictly before the deadline: at the deadline the overdue timer fires (the same
    // half-open [start, deadline) as claim windows and absences)
    boolean hasDeadline = k.deadlineSecond != IncidentTrack.NONE;
    boolean onTime = !hasDeadline || Instants.compare(k.deadlineSecond, k.deadlineNano, t) > 0;
    if (hasDeadline) {
      reply(k, onTime ? Counter.REPLIES_ON_TIME : Counter.REPLIES_LATE);
    }
    k.deadline(null);
    k.handler = tally(workers, handler);
    if (inPeriod(t)) {
      count(k, Counter.HANDLED, t, k.handler, k.line);
      if (onTime) {
        count(k, Counter.HANDLED_ON_TIME, t, k.handler, k.line);
      }
      k.pending = true;
      k.pendingOnTime = onTime;
      k.pendingLine = k.line;
      // the settings' limit of the case's area kind; a kind they leave out is not timed, and the
      // recorded limit times the feedback only when they time no kind at all
      Instant due =
          k.verifyLimit != null
              ? settings.end(WorkingTime.Limit.VERIFICATION, t, k.verifyLimit, period.zone())
              : settings.verifyWithin().isEmpty() ? verifyBy : null;
      k.pendingDueSecond = due == null ? IncidentTrack.NONE : due.getEpochSecond();
      k.pendingDueNano = due == null ? 0 : due.getNano();
      if (due != null) {
        add(k.areas, Counter.VERIFIED_TIMED, null, k.line, 1);
      }
    }
  }

  /**
   * Counts a first registration in P against the limit of the case's grade if the settings set them
   * (urgent when reported as an emergency or of an emergency category), else against the limit the
   * report recorded, if any.
   */
  private void timeRegistration(IncidentTrack k, IncidentRegistered e, Instant t) {
    Instant due;
    if (settings.registerWithin().isEmpty()) {
      due = Instant.ofEpochSecond(k.registerBySecond, k.registerByNano);
    } else {
      boolean urgent = catalogue.isEmergency(k.reportedUrgent, e.category());
      Duration limit = settings.registerWithin().get(TimeLimit.Grade.of(urgent));
      if (limit == null) {
        return;
      }
      due =
          settings.end(
              WorkingTime.Limit.REGISTRATION,
              Instant.ofEpochSecond(k.reportedSecond, k.reportedNano),
              limit,
              period.zone());
    }
    add(k.areas, Counter.REGISTERED_TIMED, null, k.line, 1);
    if (t.isBefore(due)) { // [report, due): at the limit the registration timer supervises
      add(k.areas, Counter.REGISTERED_ON_TIME, null, k.line, 1);
    }
  }

  /**
   * A verification at {@code t} by {@code verifier} of the feedback of the period that waited for
   * it, if any: counted for the case's areas and line and for the verifier (核查数 of the supervisor's
   * post).
   */
  private void verified(IncidentTrack k, Instant t, WorkerId verifier) {
    if (!k.pending) {
      return;
    }
    Tally by = tally(workers, verifier);
    add(k.areas, Counter.VERIFIED, by, k.pendingLine, 1);
    if (k.pendingDueSecond != IncidentTrack.NONE
        && Instants.compare(k.pendingDueSecond, k.pendingDueNano, t) > 0) { // due after t
      add(k.areas, Counter.VERIFIED_ON_TIME, by, k.pendingLine, 1);
    }
  }

  /** Resolves a feedback of the period that waited for verification. */
  private void settle(IncidentTrack k, boolean failed) {
    if (k.pending) {
      k.pending = false;
      if (failed) {
        add(k.areas, Counter.REWORKED, k.handler, k.pendingLine, 1);
      } else if (k.pendingOnTime) {
        add(k.areas, Counter.HANDLED_EFFECTIVELY, k.handler, k.pendingLine, 1);
      }
    }
  }

  /** The deadline in force is replaced at {@code t}: if it had passed unanswered, it was missed. */
  private void lapse(IncidentTrack k, Instant t) {
    if (k.deadlineSecond != IncidentTrack.NONE
        && Instants.compare(k.deadlineSecond, k.deadlineNano, t) <= 0) {
      reply(k, null);
    }
    k.deadline(null);
  }

  private void undispatch(IncidentTrack k, Instant t) {
    lapse(k, t);
    k.assignee = null;
    k.handler = null;
  }

  /** Decides the reply due at {@code k}'s deadline in force. */
  private void reply(IncidentTrack k, Counter outcome) {
    long second = k.deadlineSecond;
    int nano = k.deadlineNano;
    if (inPeriod(second, nano)) {
      count(outcome, k.areas, k.assignee, k.line); // counted now: no Reply kept, none built
    } else if (beforeEnd && Instants.compare(second, nano, to) >= 0) {
      ahead.add(
          new Reply(Instant.ofEpochSecond(second, nano), outcome, k.areas, k.assignee, k.line));
    }
  }

  private static void count(Reply r) {
    count(r.outcome, r.areas, r.worker, r.line);
  }

  private static void count(Counter outcome, Tally[] areas, Tally worker, Tally line) {
    add(areas, Counter.REPLIES_DUE, worker, line, 1);
    if (outcome != null) {
      add(areas, outcome, worker, line, 1);
    }
  }

  /**
   * The engine of the period that starts the day after this one ends (in the same zone), with the
   * same settings, that has counted what this one has been fed as if it had been fed it too: it
   * tracks the incidents this one tracks (reported before its period, so not counted as its
   * reports) and counts the replies decided so far whose deadline falls in its period. Feed it the
   * events from its period's start on (this engine still takes them until its own {@link
   * #cutOff()}); {@link #seed(Directory)} it as this one. So consecutive periods are scored in one
   * pass, the events of the settle overlap going to two engines, and each period's indicators are
   * the same as from every history alive in it. Costs one pass over the tracked incidents.
   *
   * @throws InvalidInputException when {@code period} is missing or does not start the day after
   *     this period's last day in its zone ({@link #NEXT})
   * @throws IllegalStateException when this engine has finished or was fed an event at or after
   *     {@code period}'s start; once it has handed on, it refuses an event before its end (events
   *     come in time order across the periods)
   */
  public IndicatorEngine next(Period period) {
    open();
    if (period == null
        || !period.zone().equals(this.period.zone())
        || !period.first().equals(this.period.last().plusDays(1))) {
      throw new InvalidInputException(
          "next period",
          List.of(
              Violation.of(
                  "period",
                  NEXT,
                  "must start the day after " + this.period.last() + " in " + this.period.zone(),
                  period)));
    }
    if (pastEnd != null) {
      throw new IllegalStateException(
          "this engine was fed an event at "
              + pastEnd
              + ", not before"
              + " the next period "
              + period.label()
              + " starts at "
              + to
              + ": start the next"
              + " engine before feeding it the first event of its period");
    }
    IndicatorEngine next = new IndicatorEngine(period, settings);
    next.catalogue = catalogue;
    next.territory = territory;
    IdentityHashMap<Tally, WorkerId> workerOf = inverse(workers);
    IdentityHashMap<Tally, LineId> lineOf = inverse(lines);
    IdentityHashMap<Tally[], Tally[]> chainOf = new IdentityHashMap<>();
    chains.forEach((grid, chain) -> chainOf.put(chain, next.areaTallies(grid)));
    tracks.forEach(
        (id, k) -> {
          IncidentTrack n =
              new IncidentTrack(
                  chainOf.get(k.areas),
                  k.scoped,
                  false,
                  tally(next.workers, workerOf.get(k.reporter)));
          n.registeredSecond = k.registeredSecond;
          n.registeredNano = k.registeredNano;
          n.line = tally(next.lines, lineOf.get(k.line));
          n.assignee = tally(next.workers, workerOf.get(k.assignee));
          n.deadlineSecond = k.deadlineSecond;
          n.deadlineNano = k.deadlineNano;
          n.firstDispatchAt = k.firstDispatchAt;
          n.handler = tally(next.workers, workerOf.get(k.handler));
          n.closedAt = k.closedAt;
          n.reportedSecond = k.reportedSecond;
          n.reportedNano = k.reportedNano;
          n.reportedUrgent = k.reportedUrgent;
          n.registerBySecond = k.registerBySecond;
          n.registerByNano = k.registerByNano;
          n.verifyLimit = k.verifyLimit;
          n.awaitingVerification = k.awaitingVerification;
          // a feedback pending here is not the next period's: it never pends there
          next.tracks.put(id, n);
        });
    handedOn = period;
    for (Reply r : ahead) {
      Reply moved =
          new Reply(
              r.deadline,
              r.outcome,
              chainOf.get(r.areas),
              tally(next.workers, workerOf.get(r.worker)),
              tally(next.lines, lineOf.get(r.line)));
      if (next.inPeriod(r.deadline)) {
        count(moved);
      } else {
        next.ahead.add(moved);
      }
    }
    return next;
  }

  /** Each tally's key; a null tally (no one) maps to null through {@link Map#get}. */
  private static <K> IdentityHashMap<Tally, K> inverse(Map<K, Tally> tallies) {
    IdentityHashMap<Tally, K> keys = new IdentityHashMap<>();
    tallies.forEach((key, tally) -> keys.put(tally, key));
    return keys;
  }

  private void close(IncidentTrack k, Instant t) {
    if (k.closedAt != null) {
      return;
    }
    k.closedAt = t;
    count(k, Counter.CLOSED, t, k.handler, k.line);
    if (k.registeredSecond != IncidentTrack.NONE && inPeriod(t)) {
      addDuration(
          k, k.handler, Indicator.HANDLING_TIME, seconds(k.registeredSecond, k.registeredNano, t));
    }
  }

  /**
   * A closed case reopened (重办): counted in P against the handler and line of the closing, and open
   * again, so its cohort counts it closed only if it is closed again by the cut-off, and its new
   * reply deadline is the handler's to answer.
   */
  private void reopen(IncidentTrack k, Instant t, Instant replyBy) {
    count(k, Counter.REOPENED, t, k.handler, k.line);
    k.closedAt = null;
    k.deadline(replyBy);
  }

  private void rate(IncidentTrack k, Instant t, org.gridgov.core.incident.Rating rating) {
    if (!inPeriod(t)) {
      return;
    }
    boolean satisfied = rating.satisfaction() >= settings.satisfiedAtLeast();
    add(k.areas, Counter.RATED, k.handler, k.line, 1);
    add(
        k.areas,
        Counter.RATING_POINTS,
        k.handler,
        k.line,
        rating.attitude() + rating.timeliness() + rating.satisfaction() - 3L);
    if (satisfied) {
      add(k.areas, Counter.SATISFIED, k.handler, k.line, 1);
    }
    if (k.scoped) {
      add(k.areas, Counter.SCOPED_RATED, null, k.line, 1);
      if (satisfied) {
        add(k.areas, Counter.SCOPED_SATISFIED, null, k.line, 1);
      }
    }
  }

  /** The counts decided at the cut-off: pending verifications, deadlines, reports and cohorts. */
  private void complete(IncidentTrack k) {
    settle(k, false);
    // a deadline at or after the cut-off is no reply of this period, but while the period runs
    // it may be one of a later period's, which reply() keeps ahead
    if (k.deadlineSecond != IncidentTrack.NONE
        && (Instants.compare(k.deadlineSecond, k.deadlineNano, cutOff) < 0 || beforeEnd)) {
      if (inPeriod(k.deadlineSecond, k.deadlineNano)
          && Instants.compare(k.deadlineSecond, k.deadlineNano, cutOff) < 0) {
        add(k.areas, Counter.OVERDUE_UNHANDLED, k.assignee, k.line, 1);
      }
      reply(k, null);
      k.deadline(null);
    }
    boolean registered = k.registeredSecond != IncidentTrack.NONE;
    if (k.reportedInPeriod && registered) {
      add(k.areas, Counter.EFFECTIVE_REPORTED, k.reporter, null, 1);
    }
    if (!registered || !inPeriod(k.registeredSecond, k.registeredNano)) {
      return;
    }
    Instant registeredAt = Instant.ofEpochSecond(k.registeredSecond, k.registeredNano);
    Tally worker = k.responsible();
    add(k.areas, Counter.DUE_FOR_CLOSING, worker, k.line, 1);
    if (k.closedAt != null) {
      add(k.areas, Counter.CLOSED_OF_DUE, worker, k.line, 1);
      if (k.closedAt.isBefore(registeredAt.plus(settings.closeWithin()))) {
        add(k.areas, Counter.CLOSED_ON_TIME, worker, k.line, 1);
      }
    }
    if (k.scoped) {
      add(k.areas, Counter.SCOPED_REGISTERED, null, k.line, 1);
      if (k.firstDispatchAt != null
          && k.firstDispatchAt.isBefore(registeredAt.plus(settings.respondWithin()))) {
        add(k.areas, Counter.SCOPED_RESPONDED, null, k.line, 1);
      }
      if (k.closedAt != null) {
        add(k.areas, Counter.SCOPED_RESOLVED, null, k.line, 1);
      }
    }
  }

  private void count(IncidentTrack k, Counter counter, Instant t, Tally worker, Tally line) {
    if (inPeriod(t)) {
      add(k.areas, counter, worker, line, 1);
    }
  }

  private static void add(Tally[] chain, Counter counter, Tally worker, Tally line, long amount) {
    for (Tally area : chain) {
      area.add(counter, amount);
    }
    if (line != null) {
      line.add(counter, amount);
    }
    if (worker != null) {
      worker.add(counter, amount);
    }
  }

  /** Adds a duration of a {@link Indicator.Kind#DURATION} indicator to the units. */
  private static void addDuration(
      IncidentTrack k, Tally worker, Indicator indicator, long seconds) {
    for (Tally area : k.areas) {
      area.addDuration(indicator, seconds);
    }
    if (k.line != null) {
      k.line.addDuration(indicator, seconds);
    }
    if (worker != null) {
      worker.addDuration(indicator, seconds);
    }
  }

  /**
   * {@code Duration.between(start, end).getSeconds()} from the instant of epoch {@code startSecond}
   * and {@code startNano}, whole seconds rounded down, without allocating the {@code Duration}
   * (escape analysis does not remove it here).
   */
  static long seconds(long startSecond, int startNano, Instant end) {
    long seconds = end.getEpochSecond() - startSecond;
    return end.getNano() < startNano ? seconds - 1 : seconds;
  }

  /**
   * The tally of a line or worker, created unlisted on first sight so that a track can hold it;
   * null for no one.
   */
  private static <K> Tally tally(Map<K, Tally> tallies, K key) {
    return key == null ? null : tallies.computeIfAbsent(key, k -> new Tally(false));
  }

  /** The tallies of a grid, its community and its street, built once per grid. */
  private Tally[] areaTallies(AreaCode grid) {
    Tally[] chain = chains.get(grid);
    if (chain == null) {
      chain =
          new Tally[] {
            areas.computeIfAbsent(grid, g -> new Tally(true)),
            areas.computeIfAbsent(Areas.of(grid, Level.COMMUNITY), g -> new Tally(true)),
            areas.computeIfAbsent(Areas.of(grid, Level.STREET), g -> new Tally(true))
          };
      chains.put(grid, chain);
    }
    return chain;
  }

  private boolean inPeriod(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  /** {@link #inPeriod(Instant)} of a track's instant, kept as epoch second and nano. */
  private boolean inPeriod(long second, int nano) {
    return Instants.compare(second, nano, from) >= 0 && Instants.compare(second, nano, to) < 0;
  }

  private void open() {
    if (refused != null) {
      throw new IllegalStateException(
          "this engine refused its input ("
              + refused
              + ") after"
              + " counting what came before it; start a new one");
    }
    if (finished) {
      throw new IllegalStateException("this engine has finished; start a new one");
    }
  }
}
