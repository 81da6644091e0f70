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

  /** The policy's override for the category, else the category's own deadline. */
  public Duration deadlineFor(Category category) {
    return categoryDeadlines.getOrDefault(category.code(), category.handlingDeadline());
  }

  /** The policy's override for the code, else {@link #replyWithin()}. */
  public Duration deadlineFor(CategoryCode code) {
    return categoryDeadlines.getOrDefault(code, replyWithin);
  }
}
