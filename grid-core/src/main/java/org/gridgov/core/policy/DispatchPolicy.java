package org.gridgov.core.policy;

import com.google.common.collect.ImmutableMap;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCode;

/**
 * Claiming and deadlines: the self-claim window after registration, the reply deadline after claim
 * or assignment, when an overdue case gets supervision (督办), per-category deadline overrides,
 * and optionally the working time some of these limits count in (by default all count in calendar
 * time).
 */
public record DispatchPolicy(
    @NotNull @PositiveDuration Duration claimWindow,
    @NotNull @PositiveDuration Duration replyWithin,
    @NotNull @PositiveDuration Duration supervisionAfter,
    ImmutableMap<CategoryCode, @PositiveDuration Duration> categoryDeadlines,
    Optional<WorkingTime> workingTime) {

  public DispatchPolicy {
    categoryDeadlines =
        categoryDeadlines == null ? ImmutableMap.of() : ImmutableMap.copyOf(categoryDeadlines);
    workingTime = workingTime == null ? Optional.empty() : workingTime;
  }

  /** Every limit in calendar time. */
  public DispatchPolicy(Duration claimWindow, Duration replyWithin, Duration supervisionAfter,
      ImmutableMap<CategoryCode, Duration> categoryDeadlines) {
    this(claimWindow, replyWithin, supervisionAfter, categoryDeadlines, Optional.empty());
  }

  /** This policy with its limits in {@code value}'s working time where it applies. */
  public DispatchPolicy withWorkingTime(WorkingTime value) {
    return new DispatchPolicy(claimWindow, replyWithin, supervisionAfter, categoryDeadlines,
        Optional.of(value));
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
   * The policy's override for the category, else the tighter of the category's own limit (the
   * catalogue's default, 72 h for most) and {@link #replyWithin()}: a city tightens every limit
   * at once with {@code replyWithin} and loosens a category only by naming it in {@code
   * categoryDeadlines}, as standards allow cities to be stricter than the national defaults.
   */
  public Duration deadlineFor(Category category) {
    Duration named = categoryDeadlines.get(category.code());
    if (named != null) {
      return named;
    }
    Duration own = category.handlingDeadline();
    return own.compareTo(replyWithin) <= 0 ? own : replyWithin;
  }

  /** The policy's override for the code, else {@link #replyWithin()}. */
  public Duration deadlineFor(CategoryCode code) {
    return categoryDeadlines.getOrDefault(code, replyWithin);
  }
}
