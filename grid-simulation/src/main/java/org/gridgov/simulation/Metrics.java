package org.gridgov.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.core.incident.CaseArbitrated;
import org.gridgov.core.incident.CaseReferred;
import org.gridgov.core.incident.CaseReopened;
import org.gridgov.core.incident.CaseResumed;
import org.gridgov.core.incident.CaseReturned;
import org.gridgov.core.incident.CaseSuspended;
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
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.JointMeetingConvened;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.governance.GridListener;
import org.gridgov.rules.escalation.SettlementReport;

/**
 * Counts what happens in a run as it happens, from the facade's listener, in one pass and without
 * keeping histories: totals, per day, per line, per grid and per worker, and closure times. It may
 * count on a thread of its own ({@link ListenerThread}); the run reads it after that ends.
 */
final class Metrics implements GridListener {
  long reported;
  long registered;
  long rejected;
  long selfClaimed;
  long autoAssigned;
  long manualAssigned;
  long returned;
  long overdue;
  long supervised;
  long referred;
  long convened;
  long reopened;
  long suspended;
  long resumed;
  long extended;
  long reworks;
  long closed;
  long closedOnTime;
  long rated;
  long satisfactionSum;
  long archived;
  final Map<EscalationKind, Long> escalations = new TreeMap<>();

  /** Refused steps by code: counted by the engine on the run's thread, not by the listener. */
  final Map<String, Long> refusals = new TreeMap<>();

  /**
   * Per local day of the run: reported, closed, closed among the cases reported that day, and
   * rejected among them; {@code dayStarts[i]} is the epoch second day {@code i} starts, so that a
   * day is found by a binary search instead of the zone's rules.
   */
  private final LocalDate firstDay;

  /**
   * A day's counts: reported, closed, closed of those reported that day, refused of those reported
   * that day, refused that day, reopened that day.
   */
  static final int DAY_COUNTS = 6;

  private final long[] dayStarts;
  private final long[][] dayCounts;

  /**
   * Per line, grid and worker: received, closed, closed on time (lines: the first two), sorted when
   * reported. Keyed by the ids the events carry, which a run takes from its directory: a lookup
   * mostly finds the very key object, where the lines' {@code TreeMap} of strings compared
   * characters at every level. A report's grid is always a GRID code, so keying by the code is
   * keying by its string.
   */
  final Map<LineId, long[]> lines = new HashMap<>();

  /**
   * The lines a case came to, for the cases that left their line (returned, or referred to the
   * centre) and may come to another: so that a line receives a case once however often it comes
   * back. Few cases; each leaves once it is archived.
   */
  private final Map<IncidentId, Set<LineId>> moved = new HashMap<>();

  final Map<AreaCode, long[]> grids = new HashMap<>();
  final Map<WorkerId, long[]> workers = new HashMap<>();

  /** Closed cases by the level that settled them ({@link SettlementReport#settledAt}). */
  final Map<Level, Long> settled = new EnumMap<>(Level.class);

  private int[] closureMinutes = new int[1024];
  private int closures;

  /** The day last looked up: events come in time order, so mostly a hit. */
  private int lastDay;

  /** Counts of instants outside the run, which no day reports. */
  private final long[] outside = new long[DAY_COUNTS];

  /**
   * By local hour of the day over the run: reports, registrations, replies and closings ({@link
   * HourCount}).
   */
  static final int HOUR_COUNTS = 4;

  private final long[][] hourCounts = new long[24][HOUR_COUNTS];

  /** Counts a run of {@code days} local days from {@code firstDay} in {@code zone}. */
  Metrics(ZoneId zone, LocalDate firstDay, int days) {
    this.firstDay = firstDay;
    this.dayStarts = new long[days + 1];
    this.dayCounts = new long[days][DAY_COUNTS];
    for (int i = 0; i <= days; i++) {
      dayStarts[i] = firstDay.plusDays(i).atStartOfDay(zone).toEpochSecond();
    }
  }

  @Override
  public void onAppended(Incident incident, List<IncidentEvent> events) {
    for (int i = 0; i < events.size(); i++) { // indexed: no iterator per append
      count(incident, events.get(i));
    }
  }

  private void count(Incident incident, IncidentEvent event) {
    if (event instanceof IncidentReported e) {
      reported++;
      day(e.at())[0]++;
      hour(e.at(), 0);
      counter(grids, e.grid()); // listed even if all its reports are refused
    } else if (event instanceof IncidentRegistered e) {
      registered++;
      hour(e.at(), 1);
      counter(grids, incident.grid())[0]++; // registered, as lines and the totals count
      counter(lines, e.line())[0]++;
    } else if (event instanceof IncidentRejected e) {
      rejected++;
      day(incident.reportedAt())[3]++;
      day(e.at())[4]++;
    } else if (event instanceof IncidentClaimed e) {
      selfClaimed++;
      counter(workers, e.claimant())[0]++;
    } else if (event instanceof IncidentAssigned e) {
      if (e.actor().kind() == org.gridgov.core.incident.ActorKind.SYSTEM) {
        autoAssigned++;
      } else {
        manualAssigned++;
      }
      counter(workers, e.assignee())[0]++;
      if (incident.bounces() > 0) { // the centre may send a returned case to another line
        cameTo(incident, e.line());
      }
    } else if (event instanceof CaseArbitrated e) {
      cameTo(incident, e.line());
    } else if (event instanceof JointMeetingConvened e) {
      convened++;
      cameTo(incident, e.lead());
    } else if (event instanceof IncidentEscalated e) {
      escalations.merge(e.kind(), 1L, Long::sum);
    } else if (event instanceof CaseReturned e) {
      returned++;
      left(incident, e.fromLine());
    } else if (event instanceof MarkedOverdue) {
      overdue++;
    } else if (event instanceof IncidentSupervised) {
      supervised++;
    } else if (event instanceof FeedbackGiven e) {
      hour(e.at(), 2);
    } else if (event instanceof VerificationFailed) {
      reworks++;
    } else if (event instanceof IncidentClosed e) {
      closed(incident, e);
    } else if (event instanceof IncidentRated e) {
      rated++;
      satisfactionSum += e.rating().satisfaction();
    } else if (event instanceof IncidentArchived) {
      archived++;
      if (!moved.isEmpty()) {
        moved.remove(incident.id());
      }
    } else if (event instanceof CaseReferred e) {
      referred++;
      counter(lines, e.line())[2]++;
      left(incident, e.line());
    } else if (event instanceof CaseReopened e) {
      reopened(incident);
      day(e.at())[5]++;
    } else if (event instanceof CaseSuspended) {
      suspended++;
    } else if (event instanceof CaseResumed) {
      resumed++;
    } else if (event instanceof DeadlineExtended) {
      extended++;
    }
  }

  private void closed(Incident incident, IncidentClosed e) {
    countClosed(incident, 1);
    day(e.at())[1]++;
    hour(e.at(), 3);
    long minutes = Duration.between(incident.reportedAt(), e.at()).toMinutes();
    if (closures == closureMinutes.length) {
      closureMinutes = Arrays.copyOf(closureMinutes, closures * 2);
    }
    closureMinutes[closures++] = (int) Math.min(Integer.MAX_VALUE, minutes);
  }

  /** {@code incident} left {@code line}, which received it (on registration or since). */
  private void left(Incident incident, LineId line) {
    moved.computeIfAbsent(incident.id(), id -> new HashSet<>()).add(line);
  }

  /**
   * {@code incident} came to {@code line}, which receives it unless it had it before; a case that
   * never left its line came to no other.
   */
  private void cameTo(Incident incident, LineId line) {
    Set<LineId> had = moved.get(incident.id());
    if (had != null && had.add(line)) {
      counter(lines, line)[0]++;
    }
  }

  /**
   * A closed case reopened: no longer closed, so its closing's counts are taken back (the incident
   * still has the closing's level, line, handler and overdue count); the closings a day and the
   * closure times keep it, as they count closing events.
   */
  private void reopened(Incident incident) {
    reopened++;
    countClosed(incident, -1);
  }

  /**
   * Adds {@code delta} (1 for a closing, -1 when it is taken back) to every count of cases closed
   * at the end: the totals, the report day's, the settling level's, the line's, the grid's and the
   * handler's, on time or not.
   */
  private void countClosed(Incident incident, int delta) {
    closed += delta;
    int onTime = incident.overdueCount() == 0 ? delta : 0;
    closedOnTime += onTime;
    day(incident.reportedAt())[2] += delta;
    settled.merge(SettlementReport.settledAt(incident.level()), (long) delta, Long::sum);
    incident.line().ifPresent(l -> counter(lines, l)[1] += delta);
    long[] grid = counter(grids, incident.grid());
    grid[1] += delta;
    grid[2] += onTime;
    incident
        .handler()
        .ifPresent(
            w -> {
              long[] worker = counter(workers, w);
              worker[1] += delta;
              worker[2] += onTime;
            });
  }

  void refused(String code) {
    refusals.merge(code, 1L, Long::sum);
  }

  /** Closure times in minutes, sorted. */
  int[] closureMinutesSorted() {
    int[] sorted = Arrays.copyOf(closureMinutes, closures);
    Arrays.sort(sorted);
    return sorted;
  }

  /** A copy of local day {@code day}'s counts; zeros for a day outside the run. */
  long[] dayCounts(LocalDate day) {
    int index = (int) ChronoUnit.DAYS.between(firstDay, day);
    return index >= 0 && index < dayCounts.length ? dayCounts[index].clone() : new long[DAY_COUNTS];
  }

  /** A copy of the counts of local hour {@code hour} (0–23): {@link HourCount}'s, in order. */
  long[] hourCounts(int hour) {
    return hourCounts[hour].clone();
  }

  /**
   * Counts {@code at} under {@code kind} in its local hour of the day: the hours since its day
   * started, so a day that daylight saving makes 23 or 25 hours long counts its last hour in the
   * nearest one; an instant outside the run is not counted.
   */
  private void hour(Instant at, int kind) {
    long[] day = day(at);
    if (day == outside) {
      return;
    }
    long hour = (at.getEpochSecond() - dayStarts[lastDay]) / 3_600;
    hourCounts[(int) Math.min(23, Math.max(0, hour))][kind]++;
  }

  /**
   * The counts of the day of {@code at}; an instant outside the run (the final timers at its very
   * end) counts in a scratch row that no day reports.
   */
  private long[] day(Instant at) {
    long second = at.getEpochSecond();
    if (second < dayStarts[lastDay] || second >= dayStarts[lastDay + 1]) {
      int found = Arrays.binarySearch(dayStarts, second);
      int index = found >= 0 ? found : -found - 2;
      if (index < 0 || index >= dayCounts.length) {
        return outside;
      }
      lastDay = index;
    }
    return dayCounts[lastDay];
  }

  private static <K> long[] counter(Map<K, long[]> map, K key) {
    return map.computeIfAbsent(key, k -> new long[3]);
  }
}
