package org.gridgov.scoring.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.Money;
import org.gridgov.core.incident.Source;
import org.gridgov.core.internal.TreeReader;
import org.gridgov.core.internal.WorkingTimeTree;
import org.gridgov.core.people.Role;
import org.gridgov.core.policy.Allowance;
import org.gridgov.core.policy.PieceRates;
import org.gridgov.core.policy.TimeLimit;
import org.gridgov.core.policy.WorkingTime;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.indicator.Counter;
import org.gridgov.scoring.indicator.Indicator;

/** Maps a scoring policy tree (from YAML or JSON) onto {@link ScoringPolicy}. */
final class ScoringTree {
  /** Scoring policies' rule ids; negative money is refused by the checks, as other negatives. */
  private static final TreeReader.Rules RULES =
      new TreeReader.Rules(
          ScoringRules.REQUIRED,
          ScoringRules.UNKNOWN_FIELD,
          ScoringRules.TYPE,
          ScoringRules.RANGE,
          ScoringRules.DURATION,
          ScoringRules.MONEY,
          ScoringRules.ENUM,
          null,
          ScoringRules.MAX_INTEGER_DIGITS,
          ScoringRules.MAX_DECIMALS,
          ScoringRules.BEYOND_BOUNDS);

  /** The limits of {@code indicators} that may count in its working time, by field. */
  private static final Map<String, WorkingTime.Limit> STEP_LIMITS =
      ImmutableMap.of(
          "registerWithin",
          WorkingTime.Limit.REGISTRATION,
          "verifyWithin",
          WorkingTime.Limit.VERIFICATION);

  private final TreeReader r = new TreeReader(RULES);

  TreeReader reader() {
    return r;
  }

  /** The policy read from {@code root}; null when the root is not an object. */
  ScoringPolicy read(JsonNode root) {
    JsonNode n =
        r.object(
            root,
            "",
            true,
            "id",
            "version",
            "source",
            "indicators",
            "score",
            "threeRates",
            "team",
            "pay",
            "points",
            "duties",
            "roleScores");
    if (n == null) {
      return null;
    }
    Integer version = r.integer(n.get("version"), "version", true);
    return new ScoringPolicy(
        r.text(n.get("id"), "id", true),
        version == null ? 0 : version,
        r.text(n.get("source"), "source", true),
        indicators(n.get("indicators")),
        score(n.get("score"), "score"),
        Optional.ofNullable(threeRates(n.get("threeRates"))),
        Optional.ofNullable(team(n.get("team"))),
        Optional.ofNullable(pay(n.get("pay"))),
        Optional.ofNullable(points(n.get("points"))),
        duties(n.get("duties")),
        roleScores(n.get("roleScores")));
  }

  /** Weights by role, in the file's order; empty when absent. */
  private ImmutableMap<Role, ImmutableMap<Indicator, IndicatorWeight>> roleScores(JsonNode node) {
    ImmutableMap.Builder<Role, ImmutableMap<Indicator, IndicatorWeight>> b = ImmutableMap.builder();
    r.entries(node, "roleScores", this::score)
        .forEach(
            (key, weights) ->
                role(key, "roleScores." + key).ifPresent(role -> b.put(role, weights)));
    return b.buildKeepingLast();
  }

  private IndicatorSettings indicators(JsonNode node) {
    JsonNode n =
        r.object(
            node,
            "indicators",
            true,
            "respondWithin",
            "closeWithin",
            "settleAfter",
            "satisfiedAtLeast",
            "lateReplyCredit",
            "percentiles",
            "threeRateSources",
            "registerWithin",
            "verifyWithin",
            "highIncidenceTop",
            "workingTime");
    if (n == null) {
      return new IndicatorSettings(
          Duration.ofHours(24),
          Duration.ofHours(96),
          Duration.ZERO,
          4,
          BigDecimal.ZERO,
          ImmutableList.of(),
          ImmutableSet.of());
    }
    Integer satisfied = r.integer(n.get("satisfiedAtLeast"), "indicators.satisfiedAtLeast", true);
    Integer top = r.integer(n.get("highIncidenceTop"), "indicators.highIncidenceTop", false);
    return new IndicatorSettings(
        orElse(
            r.duration(n.get("respondWithin"), "indicators.respondWithin", true),
            Duration.ofHours(24)),
        orElse(
            r.duration(n.get("closeWithin"), "indicators.closeWithin", true), Duration.ofHours(96)),
        orElse(r.duration(n.get("settleAfter"), "indicators.settleAfter", false), Duration.ZERO),
        satisfied == null ? 4 : satisfied,
        orElse(
            r.decimal(n.get("lateReplyCredit"), "indicators.lateReplyCredit", false),
            BigDecimal.ZERO),
        r.list(n.get("percentiles"), "indicators.percentiles", (v, p) -> r.integer(v, p, true)),
        ImmutableSet.copyOf(
            r.list(
                n.get("threeRateSources"),
                "indicators.threeRateSources",
                (v, p) -> r.enumValue(r.text(v, p, true), p, Source.class))),
        r.durationsBy(n.get("registerWithin"), "indicators.registerWithin", TimeLimit.Grade.class),
        r.durationsBy(n.get("verifyWithin"), "indicators.verifyWithin", AreaKind.class),
        top == null ? IndicatorSettings.DEFAULT_HIGH_INCIDENCE_TOP : top,
        Optional.ofNullable(
            WorkingTimeTree.read(r, n.get("workingTime"), "indicators.workingTime", STEP_LIMITS)));
  }

  /** Indicator weights at {@code path} ({@code score}, or a role's under {@code roleScores}). */
  private ImmutableMap<Indicator, IndicatorWeight> score(JsonNode node, String path) {
    ImmutableMap.Builder<Indicator, IndicatorWeight> b = ImmutableMap.builder();
    r.entries(
            node,
            path,
            (v, p) -> {
              JsonNode w = r.object(v, p, true, "weight", "zeroBelow", "target");
              return w == null
                  ? null
                  : new IndicatorWeight(
                      orElse(r.decimal(w.get("weight"), p + ".weight", true), BigDecimal.ZERO),
                      Optional.ofNullable(r.decimal(w.get("zeroBelow"), p + ".zeroBelow", false)),
                      Optional.ofNullable(r.decimal(w.get("target"), p + ".target", false)));
            })
        .forEach(
            (key, weight) ->
                Indicator.byId(key)
                    .ifPresentOrElse(
                        i -> b.put(i, weight),
                        () ->
                            r.fail(
                                TreeReader.join(path, key),
                                ScoringRules.ENUM,
                                "is not an indicator id such as reply-index",
                                key)));
    return b.buildKeepingLast();
  }

  private ThreeRateWeights threeRates(JsonNode node) {
    JsonNode n = r.object(node, "threeRates", false, "response", "resolution", "satisfaction");
    return n == null
        ? null
        : new ThreeRateWeights(
            orElse(r.decimal(n.get("response"), "threeRates.response", true), BigDecimal.ZERO),
            orElse(r.decimal(n.get("resolution"), "threeRates.resolution", true), BigDecimal.ZERO),
            orElse(
                r.decimal(n.get("satisfaction"), "threeRates.satisfaction", true),
                BigDecimal.ZERO));
  }

  private TeamPolicy team(JsonNode node) {
    JsonNode n = r.object(node, "team", false, "own", "grid", "roles", "poolWeights");
    if (n == null) {
      return null;
    }
    ImmutableMap.Builder<Role, TeamPolicy.Split> roles = ImmutableMap.builder();
    r.entries(
            n.get("roles"),
            "team.roles",
            (v, p) -> {
              JsonNode s = r.object(v, p, true, "own", "grid");
              return s == null ? null : split(s, p);
            })
        .forEach(
            (key, split) ->
                role(key, "team.roles." + key).ifPresent(role -> roles.put(role, split)));
    ImmutableMap.Builder<Role, Integer> pool = ImmutableMap.builder();
    r.entries(n.get("poolWeights"), "team.poolWeights", (v, p) -> r.integer(v, p, true))
        .forEach(
            (key, w) -> role(key, "team.poolWeights." + key).ifPresent(role -> pool.put(role, w)));
    return new TeamPolicy(split(n, "team"), roles.buildKeepingLast(), pool.buildKeepingLast());
  }

  private TeamPolicy.Split split(JsonNode n, String path) {
    return new TeamPolicy.Split(
        orElse(r.decimal(n.get("own"), path + ".own", true), BigDecimal.ZERO),
        orElse(r.decimal(n.get("grid"), path + ".grid", true), BigDecimal.ZERO));
  }

  private PayScheme pay(JsonNode node) {
    JsonNode n = r.object(node, "pay", false, "graded", "pieceRates", "allowance");
    if (n == null) {
      return null;
    }
    JsonNode g = r.object(n.get("graded"), "pay.graded", false, "share", "tiers");
    JsonNode rates =
        r.object(
            n.get("pieceRates"),
            "pay.pieceRates",
            false,
            "qualityReport",
            "majorEventMin",
            "majorEventMax");
    JsonNode a =
        r.object(
            n.get("allowance"), "pay.allowance", false, "monthly", "basicShare", "assessedShare");
    return new PayScheme(
        Optional.ofNullable(
            g == null
                ? null
                : new GradedPayPolicy(
                    orElse(r.decimal(g.get("share"), "pay.graded.share", true), BigDecimal.ZERO),
                    r.list(g.get("tiers"), "pay.graded.tiers", this::tier))),
        Optional.ofNullable(
            rates == null
                ? null
                : new PieceRates(
                    r.money(rates.get("qualityReport"), "pay.pieceRates.qualityReport", true),
                    r.money(rates.get("majorEventMin"), "pay.pieceRates.majorEventMin", true),
                    r.money(rates.get("majorEventMax"), "pay.pieceRates.majorEventMax", true))),
        Optional.ofNullable(
            a == null
                ? null
                : new Allowance(
                    r.money(a.get("monthly"), "pay.allowance.monthly", true),
                    r.decimal(a.get("basicShare"), "pay.allowance.basicShare", true),
                    r.decimal(a.get("assessedShare"), "pay.allowance.assessedShare", true))));
  }

  private Tier tier(JsonNode node, String path) {
    JsonNode t = r.object(node, path, true, "min", "max", "factor", "amount");
    if (t == null) {
      return null;
    }
    BigDecimal min = r.decimal(t.get("min"), path + ".min", true);
    BigDecimal max = r.decimal(t.get("max"), path + ".max", true);
    Optional<BigDecimal> factor =
        Optional.ofNullable(r.decimal(t.get("factor"), path + ".factor", false));
    Optional<Money> amount = Optional.ofNullable(r.money(t.get("amount"), path + ".amount", false));
    return min == null || max == null ? null : new Tier(min, max, factor, amount);
  }

  private PointsPolicy points(JsonNode node) {
    JsonNode n = r.object(node, "points", false, "static", "dynamic", "stars");
    if (n == null) {
      return null;
    }
    Map<String, Long> fixed = r.entries(n.get("static"), "points.static", this::whole);
    ImmutableMap.Builder<Counter, Long> dynamic = ImmutableMap.builder();
    r.entries(n.get("dynamic"), "points.dynamic", this::whole)
        .forEach(
            (key, points) -> {
              Counter c =
                  r.enumValue(
                      key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                      "points.dynamic." + key,
                      Counter.class);
              if (c != null) {
                dynamic.put(c, points);
              }
            });
    ImmutableList<StarLevel> stars =
        r.list(
            n.get("stars"),
            "points.stars",
            (v, p) -> {
              JsonNode s = r.object(v, p, true, "stars", "minPoints");
              Integer count = s == null ? null : r.integer(s.get("stars"), p + ".stars", true);
              Long min = s == null ? null : whole(s.get("minPoints"), p + ".minPoints");
              return count == null || min == null ? null : new StarLevel(count, min);
            });
    return new PointsPolicy(ImmutableMap.copyOf(fixed), dynamic.buildKeepingLast(), stars);
  }

  private ImmutableMap<String, DutyRule> duties(JsonNode node) {
    return ImmutableMap.copyOf(
        r.entries(
            node,
            "duties",
            (v, p) -> {
              JsonNode d = r.object(v, p, true, "level", "every", "times");
              if (d == null) {
                return null;
              }
              Level level =
                  r.enumValue(
                      r.text(d.get("level"), p + ".level", true), p + ".level", Level.class);
              DutyRule.Cadence every =
                  r.enumValue(
                      r.text(d.get("every"), p + ".every", true),
                      p + ".every",
                      DutyRule.Cadence.class);
              Integer times = r.integer(d.get("times"), p + ".times", false);
              return level == null || every == null
                  ? null
                  : new DutyRule(level, every, times == null ? 1 : times);
            }));
  }

  private Long whole(JsonNode node, String path) {
    Integer value = r.integer(node, path, true);
    return value == null ? null : value.longValue();
  }

  private Optional<Role> role(String key, String path) {
    try {
      return Optional.of(Role.of(key));
    } catch (IllegalArgumentException e) {
      r.fail(path, ScoringRules.ENUM, "is not a role id such as grid-manager", key);
      return Optional.empty();
    }
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
