package org.gridgov.scoring;

import com.google.common.collect.ImmutableSortedMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.people.WorkerId;
import org.gridgov.scoring.ranking.Ranking;

/**
 * The scores of one period: every unit's own {@link Score}, every roster worker's bundled score
 * (own and grid scores by the team weights; the own score when the policy has no team part), and
 * the three rates when the policy weighs them. {@code policyId} is the {@link
 * org.gridgov.scoring.policy.ScoringPolicy#id() id} of the policy it was scored under: a run pays
 * and compares only cards of its own policy ({@link ScoringRun#POLICY_MISMATCH}).
 */
public record ScoreCard(
    Period period,
    String policyId,
    ImmutableSortedMap<UnitRef, Score> scores,
    ImmutableSortedMap<UnitRef, BigDecimal> bundled,
    ImmutableSortedMap<UnitRef, ThreeRates> threeRates) {

  /**
   * @throws NullPointerException naming a null part
   * @throws IllegalArgumentException when {@code policyId} is not a policy id (a token of letters,
   *     digits and {@code . _ : -}, as every validated policy's id is)
   */
  public ScoreCard {
    Objects.requireNonNull(period, "period");
    Ids.token("score card policyId", Objects.requireNonNull(policyId, "policyId"));
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(bundled, "bundled");
    Objects.requireNonNull(threeRates, "threeRates");
  }

  /** The unit's own score, empty when the unit was not scored. */
  public Optional<Score> score(UnitRef unit) {
    return Optional.ofNullable(scores.get(Objects.requireNonNull(unit, "unit")));
  }

  /** Whether {@code worker} was scored: on the roster the period was scored with. */
  public boolean hasWorker(WorkerId worker) {
    return bundled.containsKey(UnitRef.worker(worker));
  }

  /** A worker's bundled score (what pay and rankings use), 0 when the worker was not scored. */
  public BigDecimal workerScore(WorkerId worker) {
    return bundled.getOrDefault(UnitRef.worker(worker), BigDecimal.ZERO.setScale(2));
  }

  /** The unit's three rates, empty when the unit was not scored or the policy has none. */
  public Optional<ThreeRates> threeRates(UnitRef unit) {
    return Optional.ofNullable(threeRates.get(Objects.requireNonNull(unit, "unit")));
  }

  /**
   * The ranking value of every unit of {@code kind}: bundled scores for workers, else own scores.
   */
  public ImmutableSortedMap<UnitRef, BigDecimal> values(UnitKind kind) {
    Objects.requireNonNull(kind, "kind");
    if (kind == UnitKind.WORKER) {
      return bundled;
    }
    ImmutableSortedMap.Builder<UnitRef, BigDecimal> b = ImmutableSortedMap.naturalOrder();
    scores.values().stream()
        .filter(s -> s.unit().kind() == kind)
        .forEach(s -> b.put(s.unit(), s.value()));
    return b.build();
  }

  /**
   * The period's ranking of {@code kind} (standard competition ranking, ties ordered by id): every
   * unit of that kind on this card. For workers that is every roster worker, department staff too;
   * rank those a scheme assesses with {@link #ranking(UnitKind, Collection)}.
   */
  public Ranking ranking(UnitKind kind) {
    return Ranking.of(period.label(), kind, values(kind));
  }

  /**
   * The period's ranking of the units of {@code kind} in {@code among}, ranked against each other
   * only: the grid workers whom a graded-pay scheme covers, or the workers of one community, as
   * Kaixuan ranks them every month. A duplicate in {@code among} counts once; an empty {@code
   * among} is an empty ranking.
   *
   * @throws NullPointerException when {@code kind} or {@code among} is null
   * @throws InvalidInputException naming each {@code among[i]} that is null, of another kind or not
   *     scored on this card ({@link Ranking#INPUT}); nothing is ranked then
   */
  public Ranking ranking(UnitKind kind, Collection<UnitRef> among) {
    ImmutableSortedMap<UnitRef, BigDecimal> values = values(kind);
    Objects.requireNonNull(among, "among");
    List<Violation> violations = new ArrayList<>();
    Map<UnitRef, BigDecimal> chosen = new HashMap<>();
    int i = 0;
    for (UnitRef unit : among) {
      String path = "among[" + i++ + "]";
      if (unit == null) {
        violations.add(Violation.of(path, Ranking.INPUT, "must not be null", null));
      } else if (unit.kind() != kind) {
        violations.add(
            Violation.of(
                path,
                Ranking.INPUT,
                "must be a " + kind + " unit, was a " + unit.kind() + " unit",
                unit));
      } else if (!values.containsKey(unit)) {
        violations.add(
            Violation.of(
                path,
                Ranking.INPUT,
                "was not scored in " + period.label() + " under " + policyId,
                unit));
      } else {
        chosen.put(unit, values.get(unit));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("ranking " + period.label(), violations);
    }
    return Ranking.of(period.label(), kind, chosen);
  }
}
