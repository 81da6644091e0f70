package org.gridgov.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.indicator.IndicatorEngine;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.indicator.VisitRecord;
import org.gridgov.scoring.policy.IndicatorSettings;

/**
 * A run's indicators per calendar month, counted in one pass over its events: scoring, rankings and
 * pay are monthly, so a run over several months is several periods. An event goes to the engine of
 * its month and to the earlier months' engines whose cut-off (their end plus {@code settleAfter})
 * it is before, not to every month's: each month's engine starts from the previous one's ({@link
 * IndicatorEngine#next(Period)}) at the first event of its month, and a month's engine is finished
 * at the first event at or after its cut-off once a later month has started (the last month's, and
 * any still settling when the run ends, by {@link #finish()}; a run's events end before the last
 * month's cut-off). Events must come in time order, as a run's do (its clock only moves forward).
 * Single use, not thread-safe.
 *
 * <p>Each month's report goes to {@code finished} as soon as it is final, on the thread that
 * counts: a run scores a month while the next ones are simulated, not all of them at its end.
 */
final class MonthlyIndicators {
  private final List<Period> periods;
  private final Directory directory;
  private final IndicatorEngine[] engines;
  private final Instant[] starts;
  private final Instant[] cutOffs;
  private final Function<Period, List<VisitRecord>> visits;
  private final ObjIntConsumer<IndicatorReport> finished;

  /** The engine of the latest month started, and the earliest not yet finished. */
  private int current;

  private int oldest;
  private Instant latest;

  /**
   * The first instant at which an engine starts or finishes ({@link #boundary()}): an event before
   * it goes straight to the engines in play, one comparison (a year streams millions of events).
   */
  private Instant next;

  /**
   * {@code finished} is told each month's report and index, once, in the months' order; {@code
   * visits} gives the household visits of a month, counted when its engine starts.
   */
  MonthlyIndicators(
      List<Period> periods,
      IndicatorSettings settings,
      Directory directory,
      Function<Period, List<VisitRecord>> visits,
      ObjIntConsumer<IndicatorReport> finished) {
    this.periods = List.copyOf(periods);
    this.directory = directory;
    this.visits = visits;
    this.finished = finished;
    int n = this.periods.size();
    engines = new IndicatorEngine[n];
    starts = new Instant[n];
    cutOffs = new Instant[n];
    for (int i = 0; i < n; i++) {
      starts[i] = this.periods.get(i).from();
      cutOffs[i] = this.periods.get(i).to().plus(settings.settleAfter());
    }
    engines[0] = withVisits(new IndicatorEngine(this.periods.get(0), settings).seed(directory), 0);
    next = boundary();
  }

  /** The next month's start or the oldest engine's cut-off, whichever comes first. */
  private Instant boundary() {
    Instant start = current + 1 < engines.length ? starts[current + 1] : Instant.MAX;
    Instant cutOff = oldest < current ? cutOffs[oldest] : Instant.MAX;
    return start.isBefore(cutOff) ? start : cutOff;
  }

  /**
   * The calendar months of the {@code days} days from {@code first} in {@code zone}, in order; the
   * first and the last cut to the run (a run from the 4th scores the 4th to the month's end as a
   * period of its own).
   */
  static List<Period> months(LocalDate first, int days, ZoneId zone) {
    LocalDate last = first.plusDays(days - 1L);
    List<Period> months = new ArrayList<>();
    for (LocalDate from = first;
        !from.isAfter(last);
        from = YearMonth.from(from).plusMonths(1).atDay(1)) {
      LocalDate end = YearMonth.from(from).atEndOfMonth();
      months.add(new Period(from, end.isAfter(last) ? last : end, zone));
    }
    return months;
  }

  void accept(IncidentEvent event) {
    Instant t = event.at();
    if (latest != null && t.isBefore(latest)) {
      throw new IllegalStateException(
          "events must come in time order: " + event + " after an" + " event at " + latest);
    }
    latest = t;
    if (!t.isBefore(next)) {
      while (current + 1 < engines.length && !t.isBefore(starts[current + 1])) {
        engines[current + 1] =
            withVisits(
                engines[current].next(periods.get(current + 1)).seed(directory), current + 1);
        current++;
      }
      while (oldest < current && !t.isBefore(cutOffs[oldest])) {
        finish(oldest);
        engines[oldest++] = null;
      }
      next = boundary();
    }
    for (int i = oldest; i <= current; i++) {
      engines[i].accept(event); // an engine ignores events at or after its cut-off itself
    }
  }

  /** Finishes the months not finished yet: each goes to {@code finished}, in order. */
  void finish() {
    for (int i = oldest; i < engines.length; i++) {
      if (i > current) { // months after the last event: started from the one before
        engines[i] = withVisits(engines[i - 1].next(periods.get(i)).seed(directory), i);
      }
    }
    for (int i = oldest; i < engines.length; i++) {
      finish(i);
    }
  }

  private void finish(int month) {
    finished.accept(engines[month].finish(), month);
  }

  /** {@code engine}, month {@code month}'s, after counting that month's visits. */
  private IndicatorEngine withVisits(IndicatorEngine engine, int month) {
    return engine.acceptVisits(visits.apply(periods.get(month)));
  }
}
