package org.gridgov.simulation;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Money;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.RoleRequirement;
import org.gridgov.core.people.StaffingTemplates;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPresets;

/**
 * Everything a run depends on besides the territory and the policy: the seed, the period, the
 * staffing, the arrival process and the behaviour. Same config, territory, policy and seed: same
 * result, on any storage adapter.
 *
 * @param tick how often timers are fired ({@code GridGovernance.advance}); timers fire at most one
 *     tick late. Between a minute and a day: a finer tick would fire billions of times
 * @param scoring the scoring policy that ranks units and computes pay over the period
 * @param baseSalary the monthly base salary assumed for every grid worker, for graded pay (an
 *     assumption: the seeds give shares, not salaries)
 * @param paidRoles the grid roles whose holders the grid system employs and the scoring policy's
 *     pay scheme pays (graded pay, allowances); holders of the other grid roles (police officers,
 *     firefighters and judicial workers seconded from their departments, volunteers, party
 *     secretaries) work cases and are ranked with the grid's team but paid by their own
 *     organisations. At least one must be a role of the staffing template
 * @param visiting how often grid workers visit households, which the scoring counts; each role it
 *     gives a rate of its own ({@link Visiting#perRole}) a role of the staffing template, as no
 *     other role is staffed and its rate would never apply
 * @param setup the name of the setup these settings came from ({@link SimulationSetup}), which
 *     names a run's side in a comparison of two setups: empty for settings made in code, else 1 to
 *     64 letters, digits, dots, dashes and underscores starting with a letter or digit
 */
public record SimulationConfig(
    long seed,
    LocalDate start,
    int days,
    ZoneId zone,
    Staffing staffing,
    Arrivals arrivals,
    Behaviour behaviour,
    Optional<Overload> overload,
    Duration tick,
    ScoringPolicy scoring,
    Money baseSalary,
    ImmutableSet<Role> paidRoles,
    Visiting visiting,
    String setup) {
  static final RuleId ID = RuleId.of("simulation.config");

  /** Every role of a shipped staffing template, in order. */
  static final List<Role> TEMPLATE_ROLES =
      StaffingTemplates.all().stream()
          .flatMap(template -> template.requirements().stream())
          .map(RoleRequirement::role)
          .distinct()
          .sorted()
          .toList();

  /** The simulated clock counts nanoseconds from 1970 in a long: these keep a run inside it. */
  public static final LocalDate FIRST_START = LocalDate.of(1971, 1, 1);

  public static final LocalDate LAST_START = LocalDate.of(2200, 12, 31);
  static final Duration MIN_TICK = Duration.ofMinutes(1);
  static final Duration MAX_TICK = Duration.ofDays(1);

  /**
   * The default {@link #paidRoles()}: the grid system's own staff. [assumed] Kaixuan's graded pay
   * is a share of a social worker's monthly pay (domain.md §6), and its grid managers are community
   * social workers; Yangling's full-time grid worker holds the allowance. The 7+X roles seconded
   * from other organisations are not paid by the grid system.
   */
  public static final ImmutableSet<Role> PAID_ROLES =
      ImmutableSet.of(Role.GRID_MANAGER, Role.SOCIAL_WORKER, Role.FULL_TIME_GRID_WORKER);

  private static final java.util.regex.Pattern SETUP_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** What a setup's name may hold, for a refusal. */
  static final String SETUP_NAME_RULE =
      "1 to 64 letters, digits, '.', '-' and '_' starting with a letter or digit";

  public SimulationConfig {
    Checks.notNull(ID, "start", start);
    Checks.check(
        ID,
        "start",
        !start.isBefore(FIRST_START) && !start.isAfter(LAST_START),
        "must be between " + FIRST_START + " and " + LAST_START + ", was " + start);
    Checks.between(ID, "days", 1, 3660, days);
    Checks.notNull(ID, "zone", zone);
    Checks.notNull(ID, "staffing", staffing);
    Checks.notNull(ID, "arrivals", arrivals);
    Checks.notNull(ID, "behaviour", behaviour);
    Checks.notNull(ID, "overload", overload);
    Checks.notNull(ID, "tick", tick);
    Checks.check(
        ID,
        "tick",
        tick.compareTo(MIN_TICK) >= 0 && tick.compareTo(MAX_TICK) <= 0,
        "must be between " + MIN_TICK + " and " + MAX_TICK + ", was " + tick);
    Checks.notNull(ID, "scoring", scoring);
    Checks.notNull(ID, "baseSalary", baseSalary);
    Checks.check(ID, "baseSalary", baseSalary.fen() > 0, "must be positive, was " + baseSalary);
    Checks.notNull(ID, "paidRoles", paidRoles);
    List<Role> templateRoles =
        StaffingTemplates.all().stream()
            .filter(t -> t.id().equals(staffing.template()))
            .flatMap(t -> t.requirements().stream())
            .map(RoleRequirement::role)
            .toList();
    Checks.check(
        ID,
        "paidRoles",
        paidRoles.stream().anyMatch(templateRoles::contains),
        "must name a role of staffing template "
            + staffing.template()
            + " "
            + templateRoles.stream().map(Role::id).toList()
            + ", or nobody is paid; was "
            + paidRoles.stream().map(Role::id).toList());
    // a role no template has is a typo in the scoring file: its weights would never apply
    List<String> strangers =
        scoringRoles(scoring)
            .filter(role -> !TEMPLATE_ROLES.contains(role))
            .map(Role::id)
            .distinct()
            .toList();
    Checks.check(
        ID,
        "scoring",
        strangers.isEmpty(),
        "names roles of no staffing template, whose"
            + " weights would never apply (scoring policy "
            + scoring.id()
            + "): "
            + strangers);
    Checks.notNull(ID, "visiting", visiting);
    // a rate for a role this template lacks is a typo, or one left over from another template
    List<Violation> unstaffed =
        visiting.perRole().keySet().stream()
            .filter(role -> !templateRoles.contains(role))
            .map(
                role ->
                    Violation.of(
                        "visiting.perRole." + role,
                        Visiting.ID,
                        "is not a role of staffing template "
                            + staffing.template()
                            + ", whose holders alone"
                            + " visit, expected one of "
                            + templateRoles.stream().map(Role::id).toList(),
                        role.id()))
            .toList();
    if (!unstaffed.isEmpty()) {
      throw new InvalidInputException("simulation config", unstaffed);
    }
    Checks.notNull(ID, "setup", setup);
    Checks.check(
        ID,
        "setup",
        setup.isEmpty() || isSetupName(setup),
        "must be empty or " + SETUP_NAME_RULE + ", was '" + setup + "'");
  }

  /** The roles {@code scoring} gives weights or shares: its role scores and its team's. */
  private static Stream<Role> scoringRoles(ScoringPolicy scoring) {
    return Stream.concat(
        scoring.roleScores().keySet().stream(),
        scoring.team().stream()
            .flatMap(
                team ->
                    Stream.concat(
                        team.roles().keySet().stream(), team.poolWeights().keySet().stream())));
  }

  /**
   * One month of March 2024 in Beijing time, seed 42, Dongcheng staffing, default behaviour,
   * Kaixuan's scoring, a base salary of ¥6,000 a month paid to the {@link #PAID_ROLES} and {@link
   * Visiting#defaults()}.
   */
  public static SimulationConfig defaults() {
    return new SimulationConfig(
        42,
        LocalDate.of(2024, 3, 1),
        31,
        ZoneId.of("Asia/Shanghai"),
        Staffing.dongcheng(),
        Arrivals.defaults(),
        Behaviour.defaults(),
        Optional.empty(),
        Duration.ofMinutes(15),
        ScoringPresets.kaixuan(),
        Money.ofYuan("6000"),
        PAID_ROLES,
        Visiting.defaults(),
        "");
  }

  public SimulationConfig withScoring(ScoringPolicy value) {
    return new SimulationConfig(
        seed,
        start,
        days,
        zone,
        staffing,
        arrivals,
        behaviour,
        overload,
        tick,
        value,
        baseSalary,
        paidRoles,
        visiting,
        setup);
  }

  public SimulationConfig withSeed(long value) {
    return new SimulationConfig(
        value,
        start,
        days,
        zone,
        staffing,
        arrivals,
        behaviour,
        overload,
        tick,
        scoring,
        baseSalary,
        paidRoles,
        visiting,
        setup);
  }

  public SimulationConfig withPeriod(LocalDate from, int length) {
    return new SimulationConfig(
        seed,
        from,
        length,
        zone,
        staffing,
        arrivals,
        behaviour,
        overload,
        tick,
        scoring,
        baseSalary,
        paidRoles,
        visiting,
        setup);
  }

  public SimulationConfig withStaffing(Staffing value) {
    return new SimulationConfig(
        seed,
        start,
        days,
        zone,
        value,
        arrivals,
        behaviour,
        overload,
        tick,
        scoring,
        baseSalary,
        paidRoles,
        visiting,
        setup);
  }

  public SimulationConfig withArrivals(Arrivals value) {
    return new SimulationConfig(
        seed,
        start,
        days,
        zone,
        staffing,
        value,
        behaviour,
        overload,
        tick,
        scoring,
        baseSalary,
        paidRoles,
        visiting,
        setup);
  }

  public SimulationConfig withBehaviour(Behaviour value) {
    return new SimulationConfig(
        seed,
        start,
        days,
        zone,
        staffing,
        arrivals,
        value,
        overload,
        tick,
        scoring,
        baseSalary,
        paidRoles,
        visiting,
        setup);
  }

  public SimulationConfig withOverload(Overload value) {
    Checks.notNull(ID, "overload", value);
    return new SimulationConfig(
        seed,
        start,
        days,
        zone,
        staffing,
        arrivals,
        behaviour,
        Optional.of(value),
        tick,
        scoring,
        baseSalary,
        paidRoles,
        visiting,
        setup);
  }

  public SimulationConfig withTick(Duration value) {
    return new SimulationConfig(
        seed,
        start,
        days,
        zone,
        staffing,
        arrivals,
        behaviour,
        overload,
        value,
        scoring,
        baseSalary,
        paidRoles,
        visiting,
        setup);
  }

  /** These settings with graded pay computed on a monthly base salary of {@code value}. */
  public SimulationConfig withBaseSalary(Money value) {
    return new SimulationConfig(
        seed, start, days, zone, staffing, arrivals, behaviour, overload, tick, scoring, value,
        paidRoles, visiting, setup);
  }

  /** These settings with graded pay and allowances paid to the holders of {@code value}. */
  public SimulationConfig withPaidRoles(Set<Role> value) {
    Checks.noNulls(ID, "paidRoles", value);
    return new SimulationConfig(
        seed,
        start,
        days,
        zone,
        staffing,
        arrivals,
        behaviour,
        overload,
        tick,
        scoring,
        baseSalary,
        ImmutableSet.copyOf(value),
        visiting,
        setup);
  }

  /** Whether {@code name} can name a setup: {@value #SETUP_NAME_RULE}. */
  static boolean isSetupName(String name) {
    return SETUP_NAME.matcher(name).matches();
  }

  /** These settings named as the setup {@code value} ({@link #setup()}). */
  public SimulationConfig withSetup(String value) {
    return new SimulationConfig(
        seed,
        start,
        days,
        zone,
        staffing,
        arrivals,
        behaviour,
        overload,
        tick,
        scoring,
        baseSalary,
        paidRoles,
        visiting,
        value);
  }

  public SimulationConfig withVisiting(Visiting value) {
    return new SimulationConfig(
        seed,
        start,
        days,
        zone,
        staffing,
        arrivals,
        behaviour,
        overload,
        tick,
        scoring,
        baseSalary,
        paidRoles,
        value,
        setup);
  }
}
