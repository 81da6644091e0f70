package org.gridgov.scoring.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.gridgov.core.incident.Source;
import org.gridgov.core.policy.TimeLimit;
import org.gridgov.core.territory.AreaKind;

/**
 * The windows and thresholds the indicators are computed with.
 *
 * @param respondWithin a registered case is responded to in time when first claimed or assigned
 *     within this (12345 响应率)
 * @param closeWithin a registered case is closed on time when closed within this of registration
 *     (按期结案)
 * @param settleAfter the evaluation cut-off is the period's end plus this: events after it are
 *     ignored, so a month's figures never change once the cut-off has passed
 * @param satisfiedAtLeast a rating whose satisfaction mark (1–5) is at least this is "satisfied"
 * @param lateReplyCredit the credit (0–1) a late reply earns in the reply index
 * @param percentiles the percentiles (1–100) reported for the duration indicators
 * @param threeRateSources the sources the 12345 three rates count; empty means every source
 * @param registerWithin a case is registered on time (按时立案) when registered within this of its
 *     report, by grade (Taiyuan: 10 min urgent, 30 min otherwise); a grade left out is not timed;
 *     when empty, the limit each report recorded times it (the dispatch policy's, if it set one)
 * @param verifyWithin a feedback is verified on time (按时核查) when verified within this of it, by
 *     the area kind of the case's grid (Taiyuan: 1 h in the city and the fringe, 2 h in rural
 *     areas); an area kind left out is not timed; when empty, the limit each feedback recorded
 *     times it
 * @param highIncidenceTop how many categories are the period's high-incidence ones (高发案件): those
 *     with the most reports in the period among every report the engine counts (default {@value
 *     #DEFAULT_HIGH_INCIDENCE_TOP}, a reading of ours: standards.md §5 names 高发案件占比 but no
 *     cut)
 */
public record IndicatorSettings(
    Duration respondWithin,
    Duration closeWithin,
    Duration settleAfter,
    int satisfiedAtLeast,
    BigDecimal lateReplyCredit,
    ImmutableList<Integer> percentiles,
    ImmutableSet<Source> threeRateSources,
    ImmutableMap<TimeLimit.Grade, Duration> registerWithin,
    ImmutableMap<AreaKind, Duration> verifyWithin,
    int highIncidenceTop) {

  /** The categories with the most reports that count as high-incidence, unless set. */
  public static final int DEFAULT_HIGH_INCIDENCE_TOP = 10;

  /**
   * The longest window a policy may set ({@code respondWithin}, {@code closeWithin}, {@code
   * settleAfter}): 36,500 days, a hundred years, so that a period's cut-off and every deadline
   * measured with them stay far inside what an {@link java.time.Instant} holds.
   */
  public static final Duration MAX_WINDOW = Duration.ofDays(36_500);

  public IndicatorSettings {
    Objects.requireNonNull(respondWithin, "respondWithin");
    Objects.requireNonNull(closeWithin, "closeWithin");
    Objects.requireNonNull(settleAfter, "settleAfter");
    Objects.requireNonNull(lateReplyCredit, "lateReplyCredit");
    percentiles = ImmutableList.copyOf(percentiles);
    threeRateSources = ImmutableSet.copyOf(threeRateSources);
    registerWithin = ImmutableMap.copyOf(Objects.requireNonNull(registerWithin, "registerWithin"));
    verifyWithin = ImmutableMap.copyOf(Objects.requireNonNull(verifyWithin, "verifyWithin"));
  }

  /** Registration and verification not timed. */
  public IndicatorSettings(Duration respondWithin, Duration closeWithin, Duration settleAfter,
      int satisfiedAtLeast, BigDecimal lateReplyCredit, ImmutableList<Integer> percentiles,
      ImmutableSet<Source> threeRateSources) {
    this(respondWithin, closeWithin, settleAfter, satisfiedAtLeast, lateReplyCredit, percentiles,
        threeRateSources, ImmutableMap.of(), ImmutableMap.of());
  }

  /** The default number of high-incidence categories. */
  public IndicatorSettings(Duration respondWithin, Duration closeWithin, Duration settleAfter,
      int satisfiedAtLeast, BigDecimal lateReplyCredit, ImmutableList<Integer> percentiles,
      ImmutableSet<Source> threeRateSources, ImmutableMap<TimeLimit.Grade, Duration> registerWithin,
      ImmutableMap<AreaKind, Duration> verifyWithin) {
    this(respondWithin, closeWithin, settleAfter, satisfiedAtLeast, lateReplyCredit, percentiles,
        threeRateSources, registerWithin, verifyWithin, DEFAULT_HIGH_INCIDENCE_TOP);
  }

  /** These settings with registration and verification timed as given (replacing any timing). */
  public IndicatorSettings withTiming(ImmutableMap<TimeLimit.Grade, Duration> register,
      ImmutableMap<AreaKind, Duration> verify) {
    return new IndicatorSettings(respondWithin, closeWithin, settleAfter, satisfiedAtLeast,
        lateReplyCredit, percentiles, threeRateSources, register, verify, highIncidenceTop);
  }

  /** These settings with {@code top} high-incidence categories. */
  public IndicatorSettings withHighIncidenceTop(int top) {
    return new IndicatorSettings(respondWithin, closeWithin, settleAfter, satisfiedAtLeast,
        lateReplyCredit, percentiles, threeRateSources, registerWithin, verifyWithin, top);
  }

  /** Whether the three rates count a case from {@code source}. */
  public boolean scoped(Source source) {
    return threeRateSources.isEmpty() || threeRateSources.contains(source);
  }
}
