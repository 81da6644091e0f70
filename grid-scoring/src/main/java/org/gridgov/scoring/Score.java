package org.gridgov.scoring;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.Objects;
import org.gridgov.scoring.indicator.Indicator;

/**
 * One unit's score, 0 to 100 with 2 decimals, and the normalised value (0–1) of each indicator that
 * applied. Indicators that did not apply (nothing due) leave the score, whose weights are then
 * rescaled over those that did; with none applying the score is 0.
 */
public record Score(UnitRef unit, BigDecimal value, ImmutableMap<Indicator, BigDecimal> parts) {
  public Score {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(value, "value");
    parts = ImmutableMap.copyOf(parts);
  }
}
