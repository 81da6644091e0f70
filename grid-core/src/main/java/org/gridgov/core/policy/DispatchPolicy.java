package org.gridgov.core.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.AreaKind;

/**
 * Claiming and deadlines: the self-claim window after the upload (a case is claimable once it is
 * registered, until the window's end), the reply deadline after claim or assignment, when an
 * overdue case gets supervision (督办), per-category deadline overrides, a table of reply limits by
 * category, line, source, grade and area kind ({@link TimeLimit}), optionally the working time some
 * of these limits count in (by default all count in calendar time), and optionally how soon a
 * report must be registered (立案), by grade (Taiyuan: 10 min for an urgent case, 30 min otherwise;
 * standards.md §4.2): a report still waiting then is supervised by the timer round, once.
 */
public record DispatchPolicy(
    @NotNull @PositiveDuration Duration claimWindow,
    @NotNull @PositiveDuration Duration replyWithin,
    @NotNull @PositiveDuration Duration supervisionAfter,
    ImmutableMap<CategoryCode, @PositiveDuration Duration> categoryDeadlines,
    Optional<WorkingTime> workingTime,
    ImmutableList<@Valid TimeLimit> timeLimits,
    ImmutableMap<TimeLimit.Grade, @PositiveDuration Duration> registerWithin) {

  public DispatchPolicy {
    registerWithin =
        registerWithin == null ? ImmutableMap.of() : ImmutableMap.copyOf(registerWithin);
    categoryDeadlines =
        categoryDeadlines == null ? ImmutableMap.of() : ImmutableMap.copyOf(categoryDeadlines);
    workingTime = workingTime == null ? Optional.empty() : workingTime;
    timeLimits = timeLimits == null ? ImmutableList.of() : ImmutableList.copyOf(timeLimits);
  }

  /** No registration limit. */
  public DispatchPolicy(
      Duration claimWindow,
      Duration replyWithin,
      Duration supervisionAfter,
      ImmutableMap<CategoryCode, Duration> categoryDeadlines,
      Optional<WorkingTime> workingTime,
      ImmutableList<TimeLimit> timeLimits) {
    this(
        claimWindow,
        replyWithin,
        supervisionAfter,
        categoryDeadlines,
        workingTime,
        timeLimits,
        ImmutableMap.of());
  }

  /** No time-limit table. */
  public DispatchPolicy(
      Duration claimWindow,
      Duration replyWithin,
      Duration supervisionAfter,
      ImmutableMap<CategoryCode, Duration> categoryDeadlines,
      Optional<WorkingTime> workingTime) {
    this(
        claimWindow,
        replyWithin,
        supervisionAfter,
        categoryDeadlines,
        workingTime,
        ImmutableList.of());
  }

  /** Every limit in calendar time, no time-limit table. */
  public DispatchPolicy(
      Duration claimWindow,
      Duration replyWithin,
      Duration supervisionAfter,
      ImmutableMap<CategoryCode, Duration> categoryDeadlines) {
    this(claimWindow, replyWithin, supervisionAfter, categoryDeadlines, Optional.empty());
  }

  /** This policy with its limits in {@code value}'s working time where it applies. */
  public DispatchPolicy withWorkingTime(WorkingTime value) {
    return new DispatchPolicy(
        claimWindow,
        replyWithin,
        supervisionAfter,
        categoryDeadlines,
        Optional.of(value),
        timeLimits,
        registerWithin);
  }

  /** This policy with {@code rows} as its time-limit table (replacing any it had). */
  public DispatchPolicy withTimeLimits(List<TimeLimit> rows) {
    return new DispatchPolicy(
        claimWindow,
        replyWithin,
        supervisionAfter,
        categoryDeadlines,
        workingTime,
        ImmutableList.copyOf(rows),
        registerWithin);
  }

  /** This policy with {@code limits} as its registration limits by grade (replacing any). */
  public DispatchPolicy withRegisterWithin(Map<TimeLimit.Grade, Duration> limits) {
    return new DispatchPolicy(
        claimWindow,
        replyWithin,
        supervisionAfter,
        categoryDeadlines,
        workingTime,
        timeLimits,
        ImmutableMap.copyOf(limits));
  }

  /** How soon a report of {@code grade} must be registered, if the policy says. */
  public Optional<Duration> registerWithinFor(TimeLimit.Grade grade) {
    return Optional.ofNullable(registerWithin.get(grade));
  }

  /**
   * When a {@code limit} of {@code amount} started at {@code start} ends: {@code amount} of working
   * time later when the policy's working time applies to the limit, else {@code amount} later.
   */
  public Instant end(WorkingTime.Limit limit, Instant start, Duration amount, ZoneId zone) {
    WorkingTime working = countedIn(limit);
    return working != null ? working.plus(start, amount, zone) : start.plus(amount);
  }

  /**
   * The calendar time from {@code start} to the {@link #end} of such a limit: {@code amount} itself
   * unless the policy's working time applies to the limit.
   */
  public Duration span(WorkingTime.Limit limit, Instant start, Duration amount, ZoneId zone) {
    WorkingTime working = countedIn(limit);
    return working != null ? Duration.between(start, working.plus(start, amount, zone)) : amount;
  }

  /** The working time {@code limit} counts in, or null when it counts in calendar time. */
  private WorkingTime countedIn(WorkingTime.Limit limit) {
    WorkingTime working = workingTime.orElse(null);
    return working != null && working.appliesTo().contains(limit) ? working : null;
  }

  /**
   * The reply limit of a case of {@code category} registered with {@code line}, from {@code source}
   * and of {@code grade} in an area of {@code kind}: the most specific {@link TimeLimit} row or
   * {@code categoryDeadlines} entry that names its category (an entry counts as a row naming the
   * whole code and nothing else), else the tighter of the category's own limit (the catalogue's
   * default, 72 h for most) and the most specific row that names only a line, a source, a grade or
   * an area kind, or {@link #replyWithin()} when none matches. A city thus tightens limits by line,
   * source, grade or area kind or all at once, and loosens one only by naming its category, as
   * standards allow cities to be stricter than the national defaults. A null line or source is
   * unknown: no row naming one applies.
   */
  public Duration deadlineFor(
      Category category, LineId line, Source source, TimeLimit.Grade grade, AreaKind kind) {
    TimeLimit best = best(category.code(), line, source, grade, kind);
    Duration named = named(category.code(), best);
    if (named != null) {
      return named;
    }
    Duration general = best != null ? best.replyWithin() : replyWithin;
    Duration own = category.handlingDeadline();
    return own.compareTo(general) <= 0 ? own : general;
  }

  /**
   * {@link #deadlineFor(Category, LineId, Source, TimeLimit.Grade, AreaKind)} for a case whose line
   * is not known: no row naming a line applies.
   */
  public Duration deadlineFor(
      Category category, Source source, TimeLimit.Grade grade, AreaKind kind) {
    return deadlineFor(category, null, source, grade, kind);
  }

  /**
   * {@link #deadlineFor(Category, LineId, Source, TimeLimit.Grade, AreaKind)} for a case whose line
   * and source are not known: no row naming either applies.
   */
  public Duration deadlineFor(Category category, TimeLimit.Grade grade, AreaKind kind) {
    return deadlineFor(category, null, null, grade, kind);
  }

  /**
   * The reply limit of a case whose category the catalogue does not hold: as {@link
   * #deadlineFor(Category, LineId, Source, TimeLimit.Grade, AreaKind)} finds it, with no limit of
   * the category's own.
   */
  public Duration deadlineFor(
      CategoryCode code, LineId line, Source source, TimeLimit.Grade grade, AreaKind kind) {
    TimeLimit best = best(code, line, source, grade, kind);
    Duration named = named(code, best);
    return named != null ? named : best != null ? best.replyWithin() : replyWithin;
  }

  /**
   * {@link #deadlineFor(CategoryCode, LineId, Source, TimeLimit.Grade, AreaKind)} for a case whose
   * line is not known: no row naming a line applies.
   */
  public Duration deadlineFor(
      CategoryCode code, Source source, TimeLimit.Grade grade, AreaKind kind) {
    return deadlineFor(code, null, source, grade, kind);
  }

  /**
   * {@link #deadlineFor(CategoryCode, LineId, Source, TimeLimit.Grade, AreaKind)} for a case whose
   * line and source are not known: no row naming either applies.
   */
  public Duration deadlineFor(CategoryCode code, TimeLimit.Grade grade, AreaKind kind) {
    return deadlineFor(code, null, null, grade, kind);
  }

  /** The most specific row that matches the case, or null. */
  private TimeLimit best(
      CategoryCode code, LineId line, Source source, TimeLimit.Grade grade, AreaKind kind) {
    if (timeLimits.isEmpty()) {
      return null;
    }
    String text = code.toString();
    TimeLimit best = null;
    for (TimeLimit row : timeLimits) {
      if (row.matches(text, line, source, grade, kind)
          && (best == null || row.specificity() > best.specificity())) {
        best = row;
      }
    }
    return best;
  }

  /**
   * The limit that names the category: the override, unless {@code best} names the category more
   * specifically, else {@code best}'s when it names a category; null when neither does.
   */
  private Duration named(CategoryCode code, TimeLimit best) {
    Duration override = categoryDeadlines.get(code);
    if (override != null
        && (best == null || best.specificity() < TimeLimit.specificityOf(code.toString()))) {
      return override;
    }
    return best != null && best.category().isPresent() ? best.replyWithin() : null;
  }
}
