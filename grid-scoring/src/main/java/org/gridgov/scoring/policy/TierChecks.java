package org.gridgov.scoring.policy;

import java.math.BigDecimal;
import java.util.List;
import org.gridgov.core.Violation;

/**
 * The checks of a graded-pay table: tiers in ascending order cover the scores 0 to 100 exactly
 * once; each has min &lt; max and exactly one of a factor from 0 to {@link Tier#MAX_FACTOR} or an
 * amount (checked with the policy's other amounts: 0 to {@link org.gridgov.core.Money#MAX_AMOUNT}).
 */
final class TierChecks {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private final List<Violation> v;

  TierChecks(List<Violation> violations) {
    this.v = violations;
  }

  void check(List<Tier> tiers) {
    String path = "pay.graded.tiers";
    if (tiers.isEmpty()) {
      v.add(Violation.of(path, ScoringRules.REQUIRED, "must list at least one tier", null));
      return;
    }
    for (int i = 0; i < tiers.size(); i++) {
      Tier t = tiers.get(i);
      String at = path + "[" + i + "]";
      if (t.min() == null || t.max() == null) {
        v.add(
            Violation.of(
                at + (t.min() == null ? ".min" : ".max"),
                ScoringRules.REQUIRED,
                "is required",
                null));
        return;
      }
      boolean minBounded = ScoringChecks.bounded(v, at + ".min", t.min());
      if (!(ScoringChecks.bounded(v, at + ".max", t.max()) && minBounded)) {
        return; // the order and gaps of unreadable bounds say nothing more
      }
      boolean factorBounded =
          t.factor().map(f -> ScoringChecks.bounded(v, at + ".factor", f)).orElse(true);
      if (t.min().compareTo(t.max()) >= 0
          || !ScoringChecks.isPercent(t.min())
          || !ScoringChecks.isPercent(t.max())) {
        v.add(
            Violation.of(
                at,
                ScoringRules.TIER_BOUNDS,
                "needs 0 <= min < max <= 100",
                t.min().toPlainString() + ".." + t.max().toPlainString()));
      }
      if (t.factor().isPresent() == t.amount().isPresent()) {
        v.add(
            Violation.of(
                at, ScoringRules.TIER_VALUE, "needs exactly one of factor and amount", null));
      }
      t.factor()
          .filter(f -> factorBounded && f.signum() < 0)
          .ifPresent(
              f ->
                  v.add(
                      Violation.of(
                          at + ".factor",
                          ScoringRules.NEGATIVE,
                          "must not be negative",
                          f.toPlainString())));
      t.factor()
          .filter(f -> factorBounded && f.compareTo(Tier.MAX_FACTOR) > 0)
          .ifPresent(
              f ->
                  v.add(
                      Violation.of(
                          at + ".factor",
                          ScoringRules.RANGE,
                          "must be at most " + Tier.MAX_FACTOR,
                          f)));
      if (i == 0 && t.min().signum() != 0) {
        v.add(
            Violation.of(
                at + ".min",
                ScoringRules.TIER_GAP,
                "the first tier must start at 0",
                t.min().toPlainString()));
      }
      if (i > 0) {
        Tier prev = tiers.get(i - 1);
        int cmp = t.min().compareTo(prev.max());
        if (cmp < 0) {
          v.add(
              Violation.of(
                  at + ".min",
                  ScoringRules.TIER_OVERLAP,
                  "overlaps the tier before, which ends at " + prev.max().toPlainString(),
                  t.min().toPlainString()));
        } else if (cmp > 0) {
          v.add(
              Violation.of(
                  at + ".min",
                  ScoringRules.TIER_GAP,
                  "leaves a gap after the tier before, which ends at " + prev.max().toPlainString(),
                  t.min().toPlainString()));
        }
      }
    }
    Tier last = tiers.get(tiers.size() - 1);
    if (last.max().compareTo(HUNDRED) != 0) {
      v.add(
          Violation.of(
              path + "[" + (tiers.size() - 1) + "].max",
              ScoringRules.TIER_GAP,
              "the last tier must end at 100",
              last.max().toPlainString()));
    }
  }
}
