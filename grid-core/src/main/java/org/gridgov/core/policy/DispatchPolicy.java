package org.gridgov.core.policy;

import com.google.common.collect.ImmutableMap;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCode;

/**
 * Claiming and deadlines: the self-claim window after registration, the reply deadline after claim
 * or assignment, when an overdue case gets supervision (督办), and per-category deadline overrides.
 */
public record DispatchPolicy(
    @NotNull @PositiveDuration Duration claimWindow,
    @NotNull @PositiveDuration Duration replyWithin,
    @NotNull @PositiveDuration Duration supervisionAfter,
    ImmutableMap<CategoryCode, @PositiveDuration Duration> categoryDeadlines) {

  public DispatchPolicy {
    categoryDeadlines =
        categoryDeadlines == null ? ImmutableMap.of() : ImmutableMap.copyOf(categoryDeadlines);
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
