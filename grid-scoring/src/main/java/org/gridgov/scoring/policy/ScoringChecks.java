package org.gridgov.scoring.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridgov.core.Money;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Decimals;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.policy.PolicyRules;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.indicator.Indicator;

/**
 * The checks of a scoring policy, each violation at the path of the field it names. A number of a
 * policy built in code is held to the reader's bounds ({@link #bounded}) before it enters a sum or
 * comparison: {@code 1e-999999999} added to 0.5 would need a billion digits.
 */
final class ScoringChecks {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private final List<Violation> v = new ArrayList<>();

  static List<Violation> check(ScoringPolicy p) {
    ScoringChecks c = new ScoringChecks();
    c.header(p);
    c.indicators(p.indicators());
    c.score("score", p.score());
    p.roleScores().forEach((role, weights) -> c.roleScore("roleScores." + role.id(), weights));
    p.threeRates()
        .ifPresent(
            t ->
                c.weights(
                    "threeRates",
                    Map.of(
                        "response",
                        t.response(),
                        "resolution",
                        t.resolution(),
                        "satisfaction",
                        t.satisfaction())));
    p.team().ifPresent(c::team);
    p.pay().ifPresent(c::pay);
    p.points().ifPresent(points -> c.points(points, p));
    p.duties()
        .forEach(
            (name, d) -> {
              c.rule(
                  d.times() < 1,
                  "duties." + name + ".times",
                  ScoringRules.RANGE,
                  "must be at least 1",
                  d.times());
              c.rule(
                  d.level() != Level.GRID
                      && d.level() != Level.COMMUNITY
                      && d.level() != Level.STREET,
                  "duties." + name + ".level",
                  ScoringRules.ENUM,
                  "must be GRID, COMMUNITY or STREET",
                  d.level());
            });
    return c.v;
  }

  /** The violations of indicator settings built in code, at the paths a policy gives them. */
  static List<Violation> check(IndicatorSettings settings) {
    ScoringChecks c = new ScoringChecks();
    c.indicators(settings);
    return c.v;
  }

  private void header(ScoringPolicy p) {
    rule(
        !Ids.isToken(p.id()),
        "id",
        ScoringRules.ID,
        "must be a token of letters, digits and . _ : -",
        p.id());
    rule(p.version() < 1, "version", ScoringRules.RANGE, "must be at least 1", p.version());
    rule(
        p.source() == null || p.source().isBlank(),
        "source",
        ScoringRules.REQUIRED,
        "must not be blank",
        null);
  }

  private void indicators(IndicatorSettings s) {
    positive("indicators.respondWithin", s.respondWithin());
    positive("indicators.closeWithin", s.closeWithin());
    rule(
        s.settleAfter().isNegative(),
        "indicators.settleAfter",
        ScoringRules.DURATION,
        "must not be negative",
        s.settleAfter());
    notTooLong("indicators.settleAfter", s.settleAfter());
    rule(
        s.satisfiedAtLeast() < 1 || s.satisfiedAtLeast() > 5,
        "indicators.satisfiedAtLeast",
        ScoringRules.RANGE,
        "must be a mark from 1 to 5",
        s.satisfiedAtLeast());
    share("indicators.lateReplyCredit", s.lateReplyCredit());
    rule(
        s.highIncidenceTop() < 1,
        "indicators.highIncidenceTop",
        ScoringRules.RANGE,
        "must be at least 1",
        s.highIncidenceTop());
    s.registerWithin()
        .forEach((grade, limit) -> positive("indicators.registerWithin." + grade, limit));
    s.verifyWithin().forEach((kind, limit) -> positive("indicators.verifyWithin." + kind, limit));
    s.workingTime()
        .ifPresent(
            working -> {
              // counted in working time, a limit must still end within MAX_WINDOW of calendar time,
              // as the dispatch policy's do within theirs
              for (WorkingTime.Limit limit : working.appliesTo()) {
                rule(
                    limit != WorkingTime.Limit.REGISTRATION
                        && limit != WorkingTime.Limit.VERIFICATION,
                    "indicators.workingTime.appliesTo",
                    PolicyRules.WORKING_HOURS,
                    "must name registerWithin or verifyWithin, the limits of indicators it can apply to",
                    limit.field());
              }
              Map<String, Duration> counted = new java.util.LinkedHashMap<>();
              if (working.appliesTo().contains(WorkingTime.Limit.REGISTRATION)) {
                s.registerWithin()
                    .forEach(
                        (grade, limit) -> counted.put("indicators.registerWithin." + grade, limit));
              }
              if (working.appliesTo().contains(WorkingTime.Limit.VERIFICATION)) {
                s.verifyWithin()
                    .forEach(
                        (kind, limit) -> counted.put("indicators.verifyWithin." + kind, limit));
              }
              v.addAll(working.limitsBeyond(counted, IndicatorSettings.MAX_WINDOW));
            });
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i < s.percentiles().size(); i++) {
      Integer p = s.percentiles().get(i);
      String path = "indicators.percentiles[" + i + "]";
      rule(p == null, path, ScoringRules.REQUIRED, "is required", null);
      if (p != null) {
        rule(p < 1 || p > 100, path, ScoringRules.RANGE, "must be 1 to 100", p);
        rule(!seen.add(p), path, ScoringRules.DUPLICATE, "is listed twice", p);
      }
    }
  }

  /**
   * A role's weights: as {@link #score}'s, not empty, and only of indicators attributed to workers
   * (any other weight would never count).
   */
  private void roleScore(String path, Map<Indicator, IndicatorWeight> weights) {
    rule(
        weights.isEmpty(), path, ScoringRules.REQUIRED, "must weight at least one indicator", null);
    weights
        .keySet()
        .forEach(
            indicator ->
                rule(
                    !indicator.unitKinds().contains(UnitKind.WORKER),
                    path + "." + indicator.id(),
                    ScoringRules.NOT_SCORABLE,
                    "is not attributed to workers",
                    indicator.id()));
    score(path, weights);
  }

  private void score(String at, Map<Indicator, IndicatorWeight> score) {
    if (score.isEmpty()) {
      return;
    }
    Map<String, BigDecimal> weights = new java.util.LinkedHashMap<>();
    score.forEach(
        (indicator, w) -> {
          String path = at + "." + indicator.id();
          weights.put(indicator.id(), w.weight());
          rule(
              indicator.kind() == Indicator.Kind.DURATION,
              path,
              ScoringRules.NOT_SCORABLE,
              "is a duration: durations are reported, not scored",
              indicator.id());
          boolean count = indicator.kind() == Indicator.Kind.COUNT;
          w.target().ifPresent(t -> bounded(v, path + ".target", t));
          // as written (40), not as the reader keeps it without trailing zeros (4E+1); an extreme
          // exponent as it is (1E+999999999 would have a billion digits written out)
          String target = w.target().map(Decimals::shown).orElse(null);
          rule(
              count && w.target().map(t -> t.signum() <= 0).orElse(true),
              path + ".target",
              ScoringRules.TARGET,
              "a count needs a positive target",
              target);
          rule(
              !count && w.target().isPresent(),
              path + ".target",
              ScoringRules.TARGET,
              "applies to counts only",
              target);
          rule(
              count && w.zeroBelow().isPresent(),
              path + ".zeroBelow",
              ScoringRules.TARGET,
              "applies to rates only",
              w.zeroBelow().map(Decimals::shown).orElse(null));
          w.zeroBelow().ifPresent(z -> share(path + ".zeroBelow", z));
        });
    weights(at, weights);
  }

  private void team(TeamPolicy t) {
    weights("team", Map.of("own", t.split().own(), "grid", t.split().grid()));
    t.roles()
        .forEach(
            (role, s) -> weights("team.roles." + role, Map.of("own", s.own(), "grid", s.grid())));
    t.poolWeights()
        .forEach(
            (role, w) ->
                rule(
                    w < 0,
                    "team.poolWeights." + role,
                    ScoringRules.NEGATIVE,
                    "must not be negative",
                    w));
  }

  private void pay(PayScheme pay) {
    pay.graded()
        .ifPresent(
            g -> {
              share("pay.graded.share", g.share());
              new TierChecks(v).check(g.tiers());
              for (int i = 0; i < g.tiers().size(); i++) {
                String path = "pay.graded.tiers[" + i + "].amount";
                g.tiers().get(i).amount().ifPresent(a -> money(path, a));
              }
            });
    pay.pieceRates()
        .ifPresent(
            r -> {
              money("pay.pieceRates.qualityReport", r.qualityReport());
              money("pay.pieceRates.majorEventMin", r.majorEventMin());
              money("pay.pieceRates.majorEventMax", r.majorEventMax());
              rule(
                  r.majorEventMin() != null
                      && r.majorEventMax() != null
                      && r.majorEventMax().compareTo(r.majorEventMin()) < 0,
                  "pay.pieceRates.majorEventMax",
                  ScoringRules.PIECE_RATE_ORDER,
                  "must not be below majorEventMin " + r.majorEventMin(),
                  r.majorEventMax());
            });
    pay.allowance()
        .ifPresent(
            a -> {
              money("pay.allowance.monthly", a.monthly());
              rule(
                  a.basicShare() == null,
                  "pay.allowance.basicShare",
                  ScoringRules.REQUIRED,
                  "is required",
                  null);
              rule(
                  a.assessedShare() == null,
                  "pay.allowance.assessedShare",
                  ScoringRules.REQUIRED,
                  "is required",
                  null);
              if (a.basicShare() != null && a.assessedShare() != null) {
                weights(
                    "pay.allowance",
                    Map.of("basicShare", a.basicShare(), "assessedShare", a.assessedShare()));
              }
            });
  }

  private void points(PointsPolicy points, ScoringPolicy p) {
    points
        .staticPoints()
        .forEach(
            (key, n) -> {
              rule(n < 0, "points.static." + key, ScoringRules.NEGATIVE, "must not be negative", n);
              rule(
                  n > PointsPolicy.MAX_POINTS,
                  "points.static." + key,
                  ScoringRules.RANGE,
                  "must be at most " + PointsPolicy.MAX_POINTS,
                  n);
              rule(
                  !key.equals(PointsPolicy.VISIT) && !p.duties().containsKey(key),
                  "points.static." + key,
                  ScoringRules.ENUM,
                  "must be 'visit' or a duty named under duties",
                  key);
            });
    points
        .dynamicPoints()
        .forEach(
            (counter, n) -> {
              String path =
                  "points.dynamic."
                      + counter.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
              rule(n < 0, path, ScoringRules.NEGATIVE, "must not be negative", n);
              rule(
                  n > PointsPolicy.MAX_POINTS,
                  path,
                  ScoringRules.RANGE,
                  "must be at most " + PointsPolicy.MAX_POINTS,
                  n);
            });
    for (int i = 0; i < points.stars().size(); i++) {
      StarLevel s = points.stars().get(i);
      rule(
          s.minPoints() < 0,
          "points.stars[" + i + "].minPoints",
          ScoringRules.NEGATIVE,
          "must not be negative",
          s.minPoints());
      if (i > 0) {
        StarLevel prev = points.stars().get(i - 1);
        rule(
            s.stars() <= prev.stars() || s.minPoints() <= prev.minPoints(),
            "points.stars[" + i + "]",
            ScoringRules.STAR_ORDER,
            "stars and minPoints must both increase over the level before",
            s.stars() + " stars at " + s.minPoints());
      }
    }
  }

  /** Each weight not negative, and all adding up to exactly 1. */
  private void weights(String path, Map<String, BigDecimal> weights) {
    BigDecimal sum = BigDecimal.ZERO;
    boolean refused = false;
    for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
      if (!bounded(v, path + "." + e.getKey(), e.getValue())) {
        refused = true; // said already; the sum is left unchecked rather than made slow
        continue;
      }
      rule(
          e.getValue().signum() < 0,
          path + "." + e.getKey(),
          ScoringRules.NEGATIVE,
          "must not be negative",
          e.getValue().toPlainString());
      sum = sum.add(e.getValue());
    }
    rule(
        !refused && sum.compareTo(BigDecimal.ONE) != 0,
        path,
        ScoringRules.WEIGHT_SUM,
        "weights must add up to 1",
        sum.toPlainString());
  }

  /** A share in [0, 1]; a policy built in code may leave it null, which is refused. */
  private void share(String path, BigDecimal value) {
    rule(value == null, path, ScoringRules.REQUIRED, "is required", null);
    if (value != null
        && bounded(v, path, value)
        && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
      v.add(
          Violation.of(path, ScoringRules.SHARE, "must be between 0 and 1", value.toPlainString()));
    }
  }

  /**
   * Whether {@code value} has at most {@link ScoringRules#MAX_INTEGER_DIGITS} digits before the
   * point and {@link ScoringRules#MAX_DECIMALS} after (trailing zeros aside), as the reader
   * requires of every number; else a {@link ScoringRules#RANGE} violation at {@code path}. Read
   * from the scale and precision only, so that a number such as {@code 1e-999999999} costs nothing.
   */
  static boolean bounded(List<Violation> violations, String path, BigDecimal value) {
    if (Decimals.within(value, ScoringRules.MAX_INTEGER_DIGITS, ScoringRules.MAX_DECIMALS)) {
      return true;
    }
    // toString, not toPlainString: 1e999999999 is eleven characters, its plain form a billion
    violations.add(
        Violation.of(
            path,
            ScoringRules.RANGE,
            ScoringRules.BEYOND_BOUNDS,
            value.stripTrailingZeros().toString()));
    return false;
  }

  /**
   * An amount from 0 to {@link Money#MAX_AMOUNT}; a policy built in code may leave it null, which
   * is refused.
   */
  private void money(String path, Money amount) {
    rule(amount == null, path, ScoringRules.REQUIRED, "is required", null);
    rule(
        amount != null && amount.isNegative(),
        path,
        ScoringRules.NEGATIVE,
        "must not be negative",
        amount);
    rule(
        amount != null && amount.compareTo(Money.MAX_AMOUNT) > 0,
        path,
        ScoringRules.MONEY,
        "must be at most " + Money.MAX_AMOUNT,
        amount);
  }

  private void positive(String path, Duration d) {
    rule(d.isNegative() || d.isZero(), path, ScoringRules.DURATION, "must be positive", d);
    notTooLong(path, d);
  }

  private void notTooLong(String path, Duration d) {
    rule(
        d.compareTo(IndicatorSettings.MAX_WINDOW) > 0,
        path,
        ScoringRules.DURATION,
        "must be at most " + IndicatorSettings.MAX_WINDOW.toDays() + "d",
        d);
  }

  private void rule(boolean broken, String path, RuleId rule, String message, Object value) {
    if (broken) {
      v.add(Violation.of(path, rule, message, value));
    }
  }

  static boolean isPercent(BigDecimal value) {
    return value.signum() >= 0 && value.compareTo(HUNDRED) <= 0;
  }
}
