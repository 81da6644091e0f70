package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.rules.returns.BounceLimitRule;

/**
 * Policy A against policy B on the same district, seed and behaviour: the research API. The runs
 * share their random numbers where the policy does not decide: the arrivals (when, where, what) are
 * one stream, and each case draws its people's behaviour from a stream of its own per step of its
 * history, so a case the two policies treat alike behaves alike in both, and a difference in the
 * results is the policy's, not resampling noise. Two {@link Scenario}s compare configurations as
 * well (another scoring policy: a different pay weighting pays the very same cases differently).
 *
 * <pre>{@code
 * Comparison c = Comparison.run(territory, config, twelveHours, twentyFourHours,
 *     InMemoryGridStorage::create);
 * assertThat(c.a().selfClaimRate()).isLessThan(c.b().selfClaimRate());
 * }</pre>
 */
public record Comparison(SimulationResult a, SimulationResult b) {
  /** The rule id of a comparison's own arguments; each run checks its own as simulation.run. */
  static final RuleId ID = RuleId.of("simulation.comparison");

  /**
   * A headline indicator: its name, how a run's result gives it, and whether it has one (a rate of
   * nothing, such as the median closure time of a run that closed no case, has none).
   */
  private record Indicator(
      String name, ToDoubleFunction<SimulationResult> value, Predicate<SimulationResult> defined) {
    Indicator(String name, ToDoubleFunction<SimulationResult> value) {
      this(name, value, r -> true);
    }

    /** {@code result}'s value, empty where it has none. */
    OptionalDouble of(SimulationResult result) {
      return defined.test(result)
          ? OptionalDouble.of(value.applyAsDouble(result))
          : OptionalDouble.empty();
    }
  }

  /** The indicators of {@link #rows()}, in order. */
  private static final ImmutableList<Indicator> INDICATORS =
      ImmutableList.of(
          new Indicator("reported", r -> r.reported()),
          new Indicator("closed", r -> r.closed()),
          new Indicator("closure rate", SimulationResult::closureRate, r -> r.registered() > 0),
          new Indicator("closed on time", SimulationResult::onTimeRate, r -> r.closed() > 0),
          new Indicator(
              "self-claim rate",
              SimulationResult::selfClaimRate,
              r -> r.selfClaimed() + r.autoAssigned() + r.manualAssigned() > 0),
          new Indicator("overdue", r -> r.overdue()),
          new Indicator("supervised", r -> r.supervised()),
          new Indicator("referred to the centre", r -> r.referred()),
          new Indicator("convened in joint meetings", r -> r.convened()),
          new Indicator("returned by departments", r -> r.returned()),
          new Indicator(
              "returns refused by the bounce limit",
              r -> r.refused(BounceLimitRule.BOUNCE_LIMIT_REACHED)),
          new Indicator("reopened after the callback", r -> r.reopened()),
          new Indicator("suspended", r -> r.suspended()),
          new Indicator("resumed after suspension", r -> r.resumed()),
          new Indicator("extended (延期)", r -> r.extended()),
          new Indicator("escalated by choice", r -> r.escalated(EscalationKind.REQUESTED)),
          new Indicator("escalations refused by quota", r -> r.refused("QUOTA_EXHAUSTED")),
          // of the closings: a case reopened and not closed again keeps its first closing's time
          new Indicator(
              "median closure hours",
              r -> r.closureTime(50).toMinutes() / 60.0,
              r -> !r.closureMinutes().isEmpty()),
          new Indicator(
              "90th percentile closure hours",
              r -> r.closureTime(90).toMinutes() / 60.0,
              r -> !r.closureMinutes().isEmpty()),
          new Indicator(
              "mean satisfaction", SimulationResult::meanSatisfaction, r -> r.rated() > 0),
          new Indicator(
              "community settlement rate",
              r -> r.settledShare(Level.COMMUNITY),
              Comparison::settledAny),
          new Indicator(
              "street settlement rate", r -> r.settledShare(Level.STREET), Comparison::settledAny),
          new Indicator(
              "district settlement rate",
              r -> r.settledShare(Level.DISTRICT),
              Comparison::settledAny),
          new Indicator("pay total (yuan)", Comparison::payTotal),
          new Indicator("pay spread p90 − p10 (yuan)", Comparison::paySpread));

  public Comparison {
    Checks.notNull(ID, "a", a);
    Checks.notNull(ID, "b", b);
  }

  /**
   * How a report names A: its policy ("kaixuan v1"), its setup when B's is another ("kaixuan v1,
   * setup more-staff"; "setup default" for settings made in code), and the scoring policy that
   * scored it when B was scored by another ("kaixuan v1, scored by kaixuan-graded-20 v1"), so that
   * two scenarios of one policy are told apart.
   */
  public String labelA() {
    return label(a, b);
  }

  /** How a report names B, as {@link #labelA()} names A. */
  public String labelB() {
    return label(b, a);
  }

  private static String label(SimulationResult side, SimulationResult other) {
    return label(
        side.policy(),
        side.setup(),
        scoredBy(side),
        !side.setup().equals(other.setup()),
        !scoredBy(side).equals(scoredBy(other)));
  }

  /**
   * How a report names one side among others: its policy, then its setup ("default" for settings
   * made in code) when {@code setups} differ, then its scoring policy when {@code scorings} do. One
   * rule for a comparison's two sides and a sweep's many.
   */
  static String label(
      String policy, String setup, String scoring, boolean setups, boolean scorings) {
    return policy
        + (setups ? ", setup " + setupName(setup) : "")
        + (scorings ? ", scored by " + scoring : "");
  }

  /** How a report names the setup {@code setup}: "default" for settings made in code. */
  public static String setupName(String setup) {
    return setup.isEmpty() ? "default" : setup;
  }

  /** The scoring policies that scored {@code result}'s months, one label when one did. */
  static String scoredBy(SimulationResult result) {
    return result.scores().stream()
        .map(Scores::scoringPolicy)
        .distinct()
        .collect(java.util.stream.Collectors.joining(" and "));
  }

  /**
   * One indicator side by side: each run's value, empty where that run has none ({@link #defined}:
   * a rate of nothing, such as the on-time rate of a run that closed no case).
   */
  public record Row(String indicator, OptionalDouble a, OptionalDouble b) {
    public Row {
      Checks.notNull(ID, "indicator", indicator);
      Checks.notNull(ID, "a", a);
      Checks.notNull(ID, "b", b);
    }

    /** B − A, empty unless both runs have the indicator. */
    public OptionalDouble delta() {
      return a.isPresent() && b.isPresent()
          ? OptionalDouble.of(b.getAsDouble() - a.getAsDouble())
          : OptionalDouble.empty();
    }
  }

  /**
   * Runs both policies, each on a fresh store from {@code storage}: an empty one, or the second run
   * is refused ({@code simulation.run}).
   */
  public static Comparison run(
      Territory divisions,
      SimulationConfig config,
      PolicySet a,
      PolicySet b,
      Supplier<? extends GridStorage> storage) {
    Checks.notNull(ID, "config", config);
    Checks.notNull(ID, "a", a);
    Checks.notNull(ID, "b", b);
    return run(divisions, new Scenario(config, a), new Scenario(config, b), storage);
  }

  /**
   * Runs both scenarios, each on a fresh store from {@code storage}: two configurations (another
   * scoring policy, staffing or behaviour), two policies, or both.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) when an argument is null or
   *     {@code b} does not run on {@code a}'s seed, first day, number of days and zone
   * @throws org.gridgov.core.InvalidInputException before either run, as {@link
   *     Simulation#checkReferences(PolicySet, SimulationConfig)} for either scenario
   */
  public static Comparison run(
      Territory divisions, Scenario a, Scenario b, Supplier<? extends GridStorage> storage) {
    Scenario.checkComparable(ID, a, b);
    Checks.notNull(ID, "storage", storage);
    // both policies checked before the first runs, which would otherwise take its time for nothing
    Simulation.checkReferences(a.policy(), a.config());
    Simulation.checkReferences(b.policy(), b.config());
    return new Comparison(
        Simulation.run(divisions, a.config(), a.policy(), storage.get()),
        Simulation.run(divisions, b.config(), b.policy(), storage.get()));
  }

  /**
   * The headline indicators, side by side: the cases and how they were handled, where closed cases
   * were settled (the shares a target split such as Dongcheng's 80–85 / 10–15 / at most 5 % is
   * about), and the grid workers' pay over the run (its total, and how far apart the best and the
   * worst paid are: the 90th minus the 10th percentile of each worker's pay over the run, what a
   * different pay weighting changes even when the total stays). A rate a run has none of (no case
   * closed, rated or settled) is empty in its row, not a 0 ({@link #defined}).
   */
  public ImmutableList<Row> rows() {
    return rows(values(a), values(b));
  }

  /** The names of the headline indicators, in the order of {@link #rows()}. */
  static ImmutableList<String> indicators() {
    return INDICATORS.stream().map(Indicator::name).collect(ImmutableList.toImmutableList());
  }

  /**
   * Whether {@code result} has a value for the headline {@code indicator}: a rate of nothing (no
   * case registered, closed, taken on, rated or settled) has none, and its 0 would read as a real
   * figure, a median closure of 0 h or a mean satisfaction of 0 on a scale of 1 to 5.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) naming the indicators when
   *     there is no such one
   */
  public static boolean defined(SimulationResult result, String indicator) {
    Checks.notNull(ID, "result", result);
    return named(ID, INDICATORS, Indicator::name, indicator).defined().test(result);
  }

  /**
   * {@code result}'s value of the headline {@code indicator}, as {@link #rows()} gives it: empty
   * where it has none ({@link #defined}).
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) naming the indicators when
   *     there is no such one
   */
  public static OptionalDouble value(SimulationResult result, String indicator) {
    Checks.notNull(ID, "result", result);
    return named(ID, INDICATORS, Indicator::name, indicator).of(result);
  }

  private static boolean settledAny(SimulationResult result) {
    return result.settlement().settled() > 0;
  }

  /**
   * One run's headline indicators, in the order of {@link #rows()}: empty where the run has none
   * ({@link #defined}).
   */
  static ImmutableList<OptionalDouble> values(SimulationResult result) {
    ImmutableList.Builder<OptionalDouble> values =
        ImmutableList.builderWithExpectedSize(INDICATORS.size());
    for (Indicator indicator : INDICATORS) {
      values.add(indicator.of(result));
    }
    return values.build();
  }

  /** The rows of two runs' {@link #values}. */
  static ImmutableList<Row> rows(List<OptionalDouble> a, List<OptionalDouble> b) {
    ImmutableList.Builder<Row> rows = ImmutableList.builderWithExpectedSize(INDICATORS.size());
    for (int i = 0; i < INDICATORS.size(); i++) {
      rows.add(new Row(INDICATORS.get(i).name(), a.get(i), b.get(i)));
    }
    return rows.build();
  }

  /**
   * One indicator of {@link #rows()} by its name ("self-claim rate").
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) naming the indicators when
   *     there is no such one
   */
  public Row row(String indicator) {
    return named(ID, rows(), Row::indicator, indicator);
  }

  /**
   * The one of {@code all} whose name is {@code indicator}.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@code rule}) naming the indicators when
   *     there is no such one, or when {@code indicator} is null
   */
  static <T> T named(RuleId rule, List<T> all, Function<T, String> name, String indicator) {
    Checks.notNull(rule, "indicator", indicator);
    for (T each : all) {
      if (name.apply(each).equals(indicator)) {
        return each;
      }
    }
    throw new RuleConfigurationException(
        rule,
        "indicator",
        "must be one of " + all.stream().map(name).toList() + ", was " + indicator);
  }

  /** Everything the scoring policy paid over the run, in yuan. */
  private static double payTotal(SimulationResult result) {
    long fen = 0;
    for (Scores month : result.scores()) {
      fen += month.payTotal().fen();
    }
    return fen / 100.0;
  }

  /**
   * The 90th minus the 10th percentile (nearest rank) of the grid workers' pay over the run, in
   * yuan; zero when the policy pays nothing.
   */
  private static double paySpread(SimulationResult result) {
    Map<WorkerId, Long> fen = new HashMap<>();
    for (Scores month : result.scores()) {
      month
          .pay()
          .ifPresent(
              pay ->
                  pay.lines()
                      .forEach(line -> fen.merge(line.worker(), line.total().fen(), Long::sum)));
    }
    if (fen.isEmpty()) {
      return 0;
    }
    long[] sorted = fen.values().stream().mapToLong(Long::longValue).sorted().toArray();
    return (sorted[SimulationResult.nearestRank(90, sorted.length)]
            - sorted[SimulationResult.nearestRank(10, sorted.length)])
        / 100.0;
  }
}
