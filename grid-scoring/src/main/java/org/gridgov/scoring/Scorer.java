package org.gridgov.scoring;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Iterables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.indicator.Indicator;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.indicator.Rate;
import org.gridgov.scoring.indicator.UnitIndicators;
import org.gridgov.scoring.policy.IndicatorWeight;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.TeamPolicy;
import org.gridgov.scoring.policy.ThreeRateWeights;

/**
 * Turns an {@link IndicatorReport} into a {@link ScoreCard}. Normalisation of an indicator with
 * weight w: a rate r scores r (1 − r when lower is better), or 0 when that score is below its
 * {@code zeroBelow} (so on a lower-is-better rate a threshold of 0.6 zeroes rates above 0.4); a
 * count n with target t scores min(1, n ÷ t) (max(0, 1 − n ÷ t) when lower is better), t being one
 * worker's month's target, held in part to a period of part of one month ({@link #monthShare}) and,
 * for an area or a line, multiplied by its workers in the directory ({@link #workers}; a count does
 * not apply to one that has none). Score = 100 × Σ w × value ÷ Σ w over the applicable indicators,
 * rounded half-up to 2 decimals.
 */
final class Scorer {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int SCALE = 10;
  private static final Map<UnitKind, Level> LEVELS =
      Map.of(
          UnitKind.GRID,
          Level.GRID,
          UnitKind.COMMUNITY,
          Level.COMMUNITY,
          UnitKind.STREET,
          Level.STREET);

  private Scorer() {}

  static ScoreCard score(ScoringPolicy policy, IndicatorReport report, Directory directory) {
    ImmutableSortedMap.Builder<UnitRef, Score> scores = ImmutableSortedMap.naturalOrder();
    ImmutableSortedMap.Builder<UnitRef, ThreeRates> rates = ImmutableSortedMap.naturalOrder();
    BigDecimal share = monthShare(report.period());
    Map<UnitRef, Integer> workers = workers(report.units().keySet(), directory.roster());
    for (UnitIndicators unit : report.units().values()) {
      int staff = unit.unit().kind() == UnitKind.WORKER ? 1 : workers.getOrDefault(unit.unit(), 0);
      scores.put(unit.unit(), score(weights(policy, unit.unit(), directory), unit, share, staff));
      policy.threeRates().ifPresent(w -> rates.put(unit.unit(), threeRates(w, unit)));
    }
    ImmutableSortedMap<UnitRef, Score> all = scores.build();
    ImmutableSortedMap.Builder<UnitRef, BigDecimal> bundled = ImmutableSortedMap.naturalOrder();
    for (Score s : all.values()) {
      if (s.unit().kind() == UnitKind.WORKER) {
        Optional<Worker> worker =
            directory.roster().find(org.gridgov.core.people.WorkerId.of(s.unit().id()));
        bundled.put(
            s.unit(),
            worker.flatMap(w -> policy.team().map(t -> bundle(t, w, s, all))).orElse(s.value()));
      }
    }
    return new ScoreCard(report.period(), policy.id(), all, bundled.build(), rates.build());
  }

  /**
   * The weights of {@code unit}: a worker's by their roles ({@link ScoringPolicy#scoreFor}), every
   * other unit's (and a worker no longer on the roster's) the policy's {@code score}.
   */
  private static Map<Indicator, IndicatorWeight> weights(
      ScoringPolicy policy, UnitRef unit, Directory directory) {
    if (unit.kind() != UnitKind.WORKER || policy.roleScores().isEmpty()) {
      return policy.score();
    }
    return directory
        .roster()
        .find(org.gridgov.core.people.WorkerId.of(unit.id()))
        .map(worker -> policy.scoreFor(worker.roles()))
        .orElse(policy.score());
  }

  /**
   * The share of a month's count targets {@code period} is held to: days ÷ days in the month for
   * part of one calendar month (a run's first or last month), as monthly pay is prorated; 1 for a
   * whole month or a period over several (whose targets are the policy's as they are).
   */
  static BigDecimal monthShare(Period period) {
    return period
        .calendarMonth()
        .filter(month -> period.days() < month.lengthOfMonth())
        .map(
            month ->
                BigDecimal.valueOf(period.days())
                    .divide(BigDecimal.valueOf(month.lengthOfMonth()), SCALE, RoundingMode.HALF_UP))
        .orElse(BigDecimal.ONE);
  }

  /**
   * The roster workers of each area and line among {@code units}: of an area (grid, community or
   * street), those whose unit or one of whose grids lies within it by code (equal to or starting
   * with its code, as a grid's cases count for its community and street, {@link Areas}); of a line,
   * those who act for it. An area or line with none is left out.
   */
  static Map<UnitRef, Integer> workers(Collection<UnitRef> units, Roster roster) {
    Map<String, AreaCode> areas = new HashMap<>();
    for (UnitRef unit : units) {
      if (unit.kind() != UnitKind.WORKER && unit.kind() != UnitKind.LINE) {
        areas.put(unit.id(), AreaCode.of(unit.id(), LEVELS.get(unit.kind())));
      }
    }
    Map<UnitRef, Integer> counts = new HashMap<>();
    Set<UnitRef> within = new HashSet<>();
    for (Worker worker : roster.workers()) {
      within.clear();
      for (AreaCode code : Iterables.concat(List.of(worker.unit()), worker.grids())) {
        for (int length = 1; length <= code.value().length(); length++) {
          AreaCode area = areas.get(code.value().substring(0, length));
          if (area != null && (area.equals(code) || area.isPrefixOf(code))) {
            within.add(UnitRef.area(area));
          }
        }
      }
      worker.lines().forEach(line -> within.add(UnitRef.line(line)));
      within.forEach(unit -> counts.merge(unit, 1, Integer::sum));
    }
    return counts;
  }

  static Score score(
      Map<Indicator, IndicatorWeight> weights,
      UnitIndicators unit,
      BigDecimal monthShare,
      int workers) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal applicable = BigDecimal.ZERO;
    ImmutableMap.Builder<Indicator, BigDecimal> parts = ImmutableMap.builder();
    for (Map.Entry<Indicator, IndicatorWeight> e : weights.entrySet()) {
      if (!e.getKey().unitKinds().contains(unit.unit().kind())) {
        continue;
      }
      Optional<BigDecimal> value = normalise(e.getKey(), e.getValue(), unit, monthShare, workers);
      if (value.isPresent()) {
        parts.put(e.getKey(), value.get());
        sum = sum.add(e.getValue().weight().multiply(value.get()));
        applicable = applicable.add(e.getValue().weight());
      }
    }
    BigDecimal score =
        applicable.signum() == 0
            ? BigDecimal.ZERO.setScale(2)
            : sum.multiply(HUNDRED).divide(applicable, 2, RoundingMode.HALF_UP);
    return new Score(unit.unit(), score, parts.build());
  }

  /**
   * The value of {@code indicator} for {@code unit}, empty when it does not apply: a rate with
   * nothing due, a count of a unit with no {@code workers} (a worker is 1) to hold to its target.
   */
  static Optional<BigDecimal> normalise(
      Indicator indicator,
      IndicatorWeight weight,
      UnitIndicators unit,
      BigDecimal monthShare,
      int workers) {
    Rate rate = unit.rate(indicator);
    boolean lower = indicator.better() == Indicator.Better.LOWER;
    if (indicator.kind() == Indicator.Kind.COUNT) {
      if (workers == 0) {
        return Optional.empty();
      }
      BigDecimal target =
          weight.target().orElseThrow().multiply(monthShare).multiply(BigDecimal.valueOf(workers));
      BigDecimal share =
          rate.numerator().divide(target, SCALE, RoundingMode.HALF_UP).min(BigDecimal.ONE);
      return Optional.of(lower ? BigDecimal.ONE.subtract(share) : share);
    }
    return rate.value()
        .map(v -> lower ? BigDecimal.ONE.subtract(v) : v)
        .map(
            v ->
                weight.zeroBelow().filter(z -> v.compareTo(z) < 0).isPresent()
                    ? BigDecimal.ZERO
                    : v);
  }

  private static ThreeRates threeRates(ThreeRateWeights w, UnitIndicators unit) {
    Rate response = unit.rate(Indicator.RESPONSE_RATE);
    Rate resolution = unit.rate(Indicator.RESOLUTION_RATE);
    Rate satisfaction = unit.rate(Indicator.SATISFACTION_RATE);
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal applicable = BigDecimal.ZERO;
    Rate[] parts = {response, resolution, satisfaction};
    BigDecimal[] weights = {w.response(), w.resolution(), w.satisfaction()};
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].applies()) {
        sum = sum.add(weights[i].multiply(parts[i].value().orElseThrow()));
        applicable = applicable.add(weights[i]);
      }
    }
    Optional<BigDecimal> composite =
        applicable.signum() == 0
            ? Optional.empty()
            : Optional.of(sum.multiply(HUNDRED).divide(applicable, 2, RoundingMode.HALF_UP));
    return new ThreeRates(response, resolution, satisfaction, composite);
  }

  /** own × own score + grid × the mean score of the worker's grids (own score when none). */
  private static BigDecimal bundle(
      TeamPolicy team, Worker worker, Score own, Map<UnitRef, Score> all) {
    BigDecimal total = BigDecimal.ZERO;
    int grids = 0;
    for (AreaCode grid : worker.grids()) {
      if (grid.level() == Level.GRID) {
        Score s = all.get(UnitRef.area(grid));
        total = total.add(s == null ? BigDecimal.ZERO : s.value());
        grids++;
      }
    }
    if (grids == 0) {
      return own.value();
    }
    TeamPolicy.Split split = team.splitFor(worker);
    BigDecimal mean = total.divide(BigDecimal.valueOf(grids), SCALE, RoundingMode.HALF_UP);
    return own.value()
        .multiply(split.own())
        .add(mean.multiply(split.grid()))
        .setScale(2, RoundingMode.HALF_UP);
  }
}
