package org.gridgov.scoring.indicator;

import java.util.List;

/**
 * One unit's running counts and durations inside an {@link IndicatorEngine}. A tally may exist
 * before anything is counted for it (an {@link IncidentTrack} holds its line's and workers'
 * tallies from the moment they are named); it is {@linkplain #listed() listed} in the report once
 * something is counted, or from the start for seeded units and areas. Not thread-safe.
 */
final class Tally {
  private final long[] counts = new long[Counter.VALUES.length];
  private final SecondsList responseSeconds = new SecondsList();
  private final SecondsList handlingSeconds = new SecondsList();
  private boolean listed;

  Tally(boolean listed) {
    this.listed = listed;
  }

  void add(Counter counter, long amount) {
    counts[counter.ordinal()] += amount;
    listed = true;
  }

  /** Adds one {@link Indicator#RESPONSE_TIME} or {@link Indicator#HANDLING_TIME}, in seconds. */
  void addDuration(Indicator indicator, long seconds) {
    switch (indicator) {
      case RESPONSE_TIME -> responseSeconds.add(seconds);
      case HANDLING_TIME -> handlingSeconds.add(seconds);
      default -> throw new IllegalArgumentException(indicator + " is not a duration indicator");
    }
    listed = true;
  }

  /** Lists the unit in the report even when nothing is counted for it. */
  void list() {
    listed = true;
  }

  /** Whether the unit appears in the report. */
  boolean listed() {
    return listed;
  }

  Counts counts() {
    return new Counts(counts);
  }

  /** The response time percentiles; reorders the durations, so it is asked once, at the end. */
  Percentiles responseTime(List<Integer> ps) {
    return responseSeconds.percentiles(ps);
  }

  /** The handling time percentiles; reorders the durations, so it is asked once, at the end. */
  Percentiles handlingTime(List<Integer> ps) {
    return handlingSeconds.percentiles(ps);
  }
}
