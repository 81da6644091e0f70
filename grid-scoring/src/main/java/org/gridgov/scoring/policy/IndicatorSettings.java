package org.gridgov.scoring.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.incident.Source;
import org.gridgov.core.policy.TimeLimit;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.AreaKind;

/**
 * The windows and thresholds the indicators are computed with. A window is half-open, as every
 * interval of gridgov: a step at its very end is late, as the dispatch timers mark it (the
 * registration and verification supervisions fire at that instant).
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
 * @param verifyWithin a feedback is verified on time (按时核查) when verified within this of it, by the
 *     area kind of the case's grid (Taiyuan: 1 h in the city and the fringe, 2 h in rural areas);
 *     an area kind left out is not timed; when empty, the limit each feedback recorded times it
 * @param highIncidenceTop how many categories are the period's high-incidence ones (高发案件): those
 *     with the most reports in the period among every report the engine counts (default {@value
 *     #DEFAULT_HIGH_INCIDENCE_TOP}, a reading of ours: standards.md §5 names 高发案件占比 but no cut)
 * @param workingTime the working time (工作时) that {@code registerWithin} and {@code verifyWithin}
 *     count in, where its {@code appliesTo} names them (a report on Friday evening registered on
 *     Monday morning may be on time); the others, and both when empty, count in calendar time.
 *     Dates and hours are read in the period's zone. A limit a report or feedback recorded counts
 *     as the dispatch policy counted it
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
    int highIncidenceTop,
    Optional<WorkingTime> workingTime) {

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
    workingTime = workingTime == null ? Optional.empty() : workingTime;
  }

  /** Registration and verification not timed. */
  public IndicatorSettings(
      Duration respondWithin,
      Duration closeWithin,
      Duration settleAfter,
      int satisfiedAtLeast,
      BigDecimal lateReplyCredit,
      ImmutableList<Integer> percentiles,
      ImmutableSet<Source> threeRateSources) {
    this(
        respondWithin,
        closeWithin,
        settleAfter,
        satisfiedAtLeast,
        lateReplyCredit,
        percentiles,
        threeRateSources,
        ImmutableMap.of(),
        ImmutableMap.of());
  }

  /** Every limit in calendar time. */
  public IndicatorSettings(
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
    this(
        respondWithin,
        closeWithin,
        settleAfter,
        satisfiedAtLeast,
        lateReplyCredit,
        percentiles,
        threeRateSources,
        registerWithin,
        verifyWithin,
        highIncidenceTop,
        Optional.empty());
  }

  /** The default number of high-incidence categories. */
  public IndicatorSettings(
      Duration respondWithin,
      Duration closeWithin,
      Duration settleAfter,
      int satisfiedAtLeast,
      BigDecimal lateReplyCredit,
      ImmutableList<Integer> percentiles,
      ImmutableSet<Source> threeRateSources,
      ImmutableMap<TimeLimit.Grade, Duration> registerWithin,
      ImmutableMap<AreaKind, Duration> verifyWithin) {
    this(
        respondWithin,
        closeWithin,
        settleAfter,
        satisfiedAtLeast,
        lateReplyCredit,
        percentiles,
        threeRateSources,
        registerWithin,
        verifyWithin,
        DEFAULT_HIGH_INCIDENCE_TOP);
  }

  /** These settings with registration and verification timed as given (replacing any timing). */
  public IndicatorSettings withTiming(
      ImmutableMap<TimeLimit.Grade, Duration> register, ImmutableMap<AreaKind, Duration> verify) {
    return new IndicatorSettings(
        respondWithin,
        closeWithin,
        settleAfter,
        satisfiedAtLeast,
        lateReplyCredit,
        percentiles,
        threeRateSources,
        register,
        verify,
        highIncidenceTop,
        workingTime);
  }

  /** These settings with {@code top} high-incidence categories. */
  public IndicatorSettings withHighIncidenceTop(int top) {
    return new IndicatorSettings(
        respondWithin,
        closeWithin,
        settleAfter,
        satisfiedAtLeast,
        lateReplyCredit,
        percentiles,
        threeRateSources,
        registerWithin,
        verifyWithin,
        top,
        workingTime);
  }

  /** These settings with their step limits counted in {@code value} where it applies to them. */
  public IndicatorSettings withWorkingTime(WorkingTime value) {
    return new IndicatorSettings(
        respondWithin,
        closeWithin,
        settleAfter,
        satisfiedAtLeast,
        lateReplyCredit,
        percentiles,
        threeRateSources,
        registerWithin,
        verifyWithin,
        highIncidenceTop,
        Optional.of(value));
  }

  /**
   * The end of the settings' own {@code limit} (WorkingTime.Limit.REGISTRATION for {@code
   * registerWithin}, VERIFICATION for {@code verifyWithin}) of {@code amount} from {@code start}:
   * in the working time where it applies to that limit, else in calendar time.
   */
  public Instant end(WorkingTime.Limit limit, Instant start, Duration amount, ZoneId zone) {
    WorkingTime working = workingTime.orElse(null); // no lambdas: once a registered case
    return working != null && working.appliesTo().contains(limit)
        ? working.plus(start, amount, zone)
        : start.plus(amount);
  }

  /** Whether the three rates count a case from {@code source}. */
  public boolean scoped(Source source) {
    return threeRateSources.isEmpty() || threeRateSources.contains(source);
  }
}
