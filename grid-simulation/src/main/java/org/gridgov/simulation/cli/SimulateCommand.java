package org.gridgov.simulation.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.scoring.policy.ScoringPolicyLoader;
import org.gridgov.scoring.policy.ScoringPresets;
import org.gridgov.simulation.Arrivals;
import org.gridgov.simulation.Comparison;
import org.gridgov.simulation.Progress;
import org.gridgov.simulation.Replications;
import org.gridgov.simulation.Scenario;
import org.gridgov.simulation.Simulation;
import org.gridgov.simulation.SimulationConfig;
import org.gridgov.simulation.SimulationResult;
import org.gridgov.simulation.SimulationSetup;
import org.gridgov.simulation.Sweep;
import org.gridgov.simulation.report.HtmlReport;
import org.gridgov.simulation.report.ResultFiles;
import org.gridgov.storage.memory.InMemoryGridStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The main job: simulate a district under a policy and write an HTML report, CSV and JSON. */
@Command(
    name = "gridgov-simulate",
    mixinStandardHelpOptions = true,
    version = "gridgov 0.1.0",
    description =
        "Simulates a district under a grid-governance policy and writes report.html, "
            + "CSV tables and result.json.",
    footer = "Exit codes: 0 done, 2 bad options or input file, 1 failed during the run.",
    sortOptions = false)
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--district",
      defaultValue = "beijing-dongcheng",
      paramLabel = "NAME|CSV",
      description =
          "A shipped division ladder (${COMPLETION-CANDIDATES}) or a divisions CSV "
              + "file (code,name,level,parent_code). Default: ${DEFAULT-VALUE}.",
      completionCandidates = Districts.class)
  String district;

  @Option(
      names = "--months",
      defaultValue = "1",
      paramLabel = "N",
      description = "Months to simulate, 1 to 120. Default: ${DEFAULT-VALUE}.")
  int months;

  @Option(
      names = "--start",
      defaultValue = "2024-03-01",
      paramLabel = "DATE",
      description = "First day, as 2024-03-01 (year-month-day). Default: ${DEFAULT-VALUE}.")
  LocalDate start;

  @Option(
      names = "--policy",
      defaultValue = "kaixuan",
      paramLabel = "FILE|PRESET",
      description =
          "A policy YAML/JSON file or a preset (kaixuan, dongcheng, yangling). Default: ${DEFAULT-VALUE}.")
  String policy;

  @Option(
      names = "--compare",
      paramLabel = "FILE|PRESET",
      description = "A second policy to run on the same seed and compare side by side.")
  String compare;

  @Option(
      names = "--scoring",
      defaultValue = "kaixuan",
      paramLabel = "FILE|PRESET",
      description =
          "A scoring policy YAML/JSON file or a preset (kaixuan, yangling, l-community,"
              + " beijing-12345): how each month is scored, ranked and paid."
              + " Default: ${DEFAULT-VALUE}.")
  String scoring;

  @Option(
      names = "--compare-scoring",
      paramLabel = "FILE|PRESET",
      description =
          "A second scoring policy (a different pay weighting) for the compared run: the"
              + " same cases, scored and paid by it; with --compare, the second policy's run.")
  String compareScoring;

  @Option(
      names = "--replications",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "With --compare, --compare-scoring or --compare-setup: the comparison on N"
              + " seeds in all (--seed, then seeds drawn from it, the others in memory), each"
              + " indicator's mean change with its 95 %% confidence interval in the report; with a"
              + " sweep, every value on the same N seeds. Default: ${DEFAULT-VALUE}.")
  int replications;

  @Option(
      names = "--setup",
      paramLabel = "FILE",
      description =
          "A setup YAML/JSON file laid over the default district: staffing, arrivals,"
              + " behaviour, an overloaded department, visits, tick, base salary; what it leaves out"
              + " keeps the default. Both runs of a comparison use it; --rate overrides its rate."
              + " Every run writes the setup it simulated to setup.yaml.")
  String setup;

  @Option(
      names = "--compare-setup",
      paramLabel = "FILE",
      description =
          "A second setup file (more department staff, another claim behaviour) for the"
              + " compared run, laid over the default district; with --compare, the second"
              + " policy's run.")
  String compareSetup;

  @Option(
      names = "--sweep",
      split = ",",
      paramLabel = "FILE|PRESET",
      description =
          "Two to 20 policies, comma-separated, instead of --policy: each run on the"
              + " same seeds (--replications N of them) and reported side by side, the first as the"
              + " baseline shown in detail.")
  List<String> sweep;

  @Option(
      names = "--sweep-setups",
      split = ",",
      paramLabel = "FILE",
      description =
          "Two to 20 setup files, comma-separated, instead of --setup: the policy run"
              + " on each district, as --sweep runs policies.")
  List<String> sweepSetups;

  @Option(
      names = "--sweep-field",
      paramLabel = "FIELD=V1,V2,...",
      description =
          "One setup field and 2 to 20 values for it (staffing.perStreetLine=2,4,8;"
              + " behaviour.claimShare=0.3,0.5,0.7; tick=5m,15m; a map's entry as"
              + " visiting.perRole.police-officer=0,0.5,2, its other entries kept): the policy run"
              + " on the district (--setup's, or the default) with each value, as --sweep-setups"
              + " runs files.")
  String sweepField;

  @Option(
      names = "--sweep-policy-field",
      paramLabel = "FIELD=V1,V2,...",
      description =
          "One field of --policy and 2 to 20 values for it"
              + " (dispatch.claimWindow=12h,24h; escalation.quota.GRID=0.1,0.05): each variant,"
              + " named after the field and the value, run on the same seeds as --sweep runs"
              + " policies.")
  String sweepPolicyField;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "N",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--rate",
      paramLabel = "N",
      description =
          "Problems per grid per day (default 0.3, Dongcheng's pilots; Beijing "
              + "12345's 2023 volume is 6.2 requests, 2.6 demands).")
  Double rate;

  @Option(
      names = "--store",
      defaultValue = "h2",
      paramLabel = "memory|h2|JDBC-URL",
      description = "Where incidents are kept during the run. Default: ${DEFAULT-VALUE}.")
  String store;

  @Option(
      names = "--out",
      defaultValue = "gridgov-report",
      paramLabel = "DIR",
      description = "Output directory. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (months < 1 || months > 120) {
      throw new ParameterException(
          spec.commandLine(), "--months must be between 1 and 120, was " + months);
    }
    LocalDate earliest = SimulationConfig.FIRST_START;
    LocalDate latest = SimulationConfig.LAST_START;
    if (start.isBefore(earliest) || start.isAfter(latest)) { // the config's bounds, option words
      throw new ParameterException(
          spec.commandLine(),
          "--start must be between " + earliest + " and " + latest + ", was " + start);
    }
    if (replications < 1 || replications > Replications.MAX_REPLICATIONS) {
      throw new ParameterException(
          spec.commandLine(),
          "--replications must be between 1 and "
              + Replications.MAX_REPLICATIONS
              + ", was "
              + replications);
    }
    boolean comparing = compare != null || compareScoring != null || compareSetup != null;
    Optional<SweptField> setupField =
        Optional.ofNullable(sweepField)
            .map(
                text ->
                    SweptField.parse(
                        "--sweep-field",
                        text,
                        SETUP_FIELD,
                        "a setup field such as staffing.perStreetLine or tick, or a map's entry such as"
                            + " visiting.perRole.police-officer",
                        spec.commandLine()));
    Optional<SweptField> policyField =
        Optional.ofNullable(sweepPolicyField)
            .map(
                text ->
                    SweptField.parse(
                        "--sweep-policy-field",
                        text,
                        POLICY_FIELD,
                        "a policy field such as dispatch.claimWindow or escalation.quota.GRID",
                        spec.commandLine()));
    boolean sweeping =
        sweep != null || sweepSetups != null || setupField.isPresent() || policyField.isPresent();
    checkSweep(comparing, setupField, policyField);
    if (replications > 1 && !comparing && !sweeping) {
      throw new ParameterException(
          spec.commandLine(),
          "--replications "
              + replications
              + " needs --compare, --compare-scoring, --compare-setup or a sweep: it repeats a"
              + " comparison on more seeds");
    }
    Territory territory = territory();
    PolicySet given = sweep != null ? policy(sweep.get(0), "--sweep") : policy(policy, "--policy");
    // each variant read as a file of the policy with that one field would be, before any run
    List<PolicySet> variants =
        policyField
            .map(
                f ->
                    f.values().stream()
                        .map(value -> f.policy(policyText(policy), given.id(), value))
                        .toList())
            .orElse(List.of());
    PolicySet a = variants.isEmpty() ? given : variants.get(0);
    Optional<PolicySet> b =
        !comparing
            ? Optional.empty()
            : Optional.of(compare == null ? a : policy(compare, "--compare"));
    if (compare != null && b.get().id().equals(a.id()) && b.get().version() == a.version()) {
      throw new ParameterException(
          spec.commandLine(),
          "--compare must be another policy or"
              + " version than --policy (both are "
              + a.id()
              + " v"
              + a.version()
              + "): give the"
              + " compared file its own id or version");
    }
    ScoringPolicy scoredA = scoringPolicy(scoring, "--scoring");
    ScoringPolicy scoredB =
        compareScoring == null ? scoredA : scoringPolicy(compareScoring, "--compare-scoring");
    if (compareScoring != null
        && scoredB.id().equals(scoredA.id())
        && scoredB.version() == scoredA.version()) {
      throw new ParameterException(
          spec.commandLine(),
          "--compare-scoring must be another"
              + " scoring policy or version than --scoring (both are "
              + scoredA.id()
              + " v"
              + scoredA.version()
              + "): give the compared file its own id or version");
    }
    int days = (int) ChronoUnit.DAYS.between(start, start.plusMonths(months));
    SimulationConfig defaults = SimulationConfig.defaults().withSeed(seed).withPeriod(start, days);
    SimulationConfig config =
        sweepSetups != null
            ? setup(sweepSetups.get(0), "--sweep-setups", defaults)
            : setup(setup, "--setup", defaults);
    SimulationConfig fieldBase = config;
    if (setupField.isPresent()) {
      config = setupField.get().setup(fieldBase, setupField.get().values().get(0));
    }
    SimulationConfig configB =
        compareSetup == null ? config : setup(compareSetup, "--compare-setup", defaults);
    // compared by the names a report shows, where the settings made in code are "default"
    if (compareSetup != null
        && Comparison.setupName(configB.setup()).equals(Comparison.setupName(config.setup()))) {
      throw new ParameterException(
          spec.commandLine(),
          "--compare-setup must be another setup"
              + " than "
              + (setup == null ? "the default" : "--setup")
              + " (both are named '"
              + Comparison.setupName(config.setup())
              + "'): give the compared file its own name");
    }
    checkUsable(
        a,
        sweep != null ? "--sweep" : policyField.isPresent() ? "--sweep-policy-field" : "--policy",
        config);
    if (compare != null) {
      checkUsable(b.get(), "--compare", configB);
    }
    if (rate != null && !(rate > 0 && rate <= Arrivals.MAX_PER_GRID_PER_DAY)) {
      throw new ParameterException(
          spec.commandLine(),
          "--rate must be above 0 and at most "
              + Arrivals.MAX_PER_GRID_PER_DAY
              + " problems a grid a day (Beijing 12345's volume is"
              + " 6.2), was "
              + rate);
    }
    SimulationConfig runA = rated(config).withScoring(scoredA);
    SimulationConfig runB = rated(configB).withScoring(scoredB);
    List<Scenario> scenarios =
        sweeping
            ? scenarios(a, runA, defaults, fieldBase, setupField, variants, scoredA)
            : List.of();
    if (sweeping) {
      Sweep.labels(scenarios); // two values told apart by nothing are refused before any run
    }
    Path staging = outputDirectory();
    Thread onExit = OutputFiles.onExit(staging, this::removeMade);
    Runtime.getRuntime().addShutdownHook(onExit);
    PrintWriter err = spec.commandLine().getErr();
    SimulationResult first;
    Optional<SimulationResult> second;
    Optional<Replications> study;
    Optional<Sweep> swept;
    try {
      try (Stores stores = Stores.parse(store, out, spec.commandLine())) {
        first = Simulation.run(territory, runA, a, stores.open("a"), progress(err, a.id(), runA));
        second =
            b.isEmpty()
                ? Optional.empty()
                : Optional.of(
                    Simulation.run(
                        territory,
                        runB,
                        b.get(),
                        stores.open("b"),
                        progress(
                            err,
                            compare != null
                                ? b.get().id()
                                : a.id()
                                    + (compareSetup == null ? "" : ", " + runB.setup())
                                    + (compareScoring == null ? "" : ", " + scoredB.id()),
                            runB)));
        if (b.isEmpty()) {
          stores.discard("b");
        }
      }
      study =
          replications == 1 || !comparing
              ? Optional.empty()
              : Optional.of(
                  replicate(
                      new Comparison(first, second.orElseThrow()),
                      territory,
                      new Scenario(runA, a),
                      new Scenario(runB, b.orElseThrow()),
                      err));
      swept = sweeping ? Optional.of(sweep(first, territory, scenarios, err)) : Optional.empty();
      String title =
          "gridgov simulation: "
              + district
              + ", "
              + start
              + " + "
              + months
              + (months == 1 ? " month" : " months")
              + (setup == null && sweepSetups == null && setupField.isEmpty()
                  ? ""
                  : ", setup " + runA.setup());
      Files.writeString(
          staging.resolve("report.html"),
          HtmlReport.render(
              title,
              first,
              a.targets(),
              second,
              b.map(PolicySet::targets).orElse(a.targets()),
              study,
              swept),
          StandardCharsets.UTF_8);
      ResultFiles.write(first, staging, "");
      second.ifPresent(r -> ResultFiles.write(r, staging, "compare-"));
      // the district each run simulated, as a setup file: --setup reruns it
      Files.writeString(
          staging.resolve("setup.yaml"), SimulationSetup.toYaml(runA), StandardCharsets.UTF_8);
      if (second.isPresent()) {
        Files.writeString(
            staging.resolve("compare-setup.yaml"),
            SimulationSetup.toYaml(runB),
            StandardCharsets.UTF_8);
      }
      study.ifPresent(r -> ResultFiles.writeReplications(r, staging));
      swept.ifPresent(w -> ResultFiles.writeSweep(w, staging));
      OutputFiles.publish(staging, out);
    } catch (Exception | Error e) {
      OutputFiles.discard(staging);
      removeMade();
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException stopping) {
        // the JVM is stopping and runs it: it finds the staging directory gone
      }
    }
    PrintWriter stdout = spec.commandLine().getOut();
    Optional<Comparison> both = second.map(r -> new Comparison(first, r));
    stdout.printf(
        Locale.ROOT,
        "%s: %,d reported, %,d closed (%s of %,d registered), " + "%s on time; report: %s%n",
        both.map(Comparison::labelA).orElse(first.policy()),
        first.reported(),
        first.closed(),
        percent(first, "closure rate"),
        first.registered(),
        percent(first, "closed on time"),
        out.resolve("report.html"));
    both.ifPresent(
        c ->
            stdout.printf(
                Locale.ROOT,
                "%s: %,d reported, %,d closed (%s of %,d registered), %s on time%n",
                c.labelB(),
                c.b().reported(),
                c.b().closed(),
                percent(c.b(), "closure rate"),
                c.b().registered(),
                percent(c.b(), "closed on time")));
    swept.ifPresent(
        w -> {
          for (int i = 0; i < w.labels().size(); i++) {
            stdout.printf(
                Locale.ROOT,
                "sweep %s: %s closed, %s on time, %s self-claimed" + " (mean of %d %s)%n",
                w.labels().get(i),
                mean(w, "closure rate", i),
                mean(w, "closed on time", i),
                mean(w, "self-claim rate", i),
                w.seeds().size(),
                w.seeds().size() == 1 ? "seed" : "seeds");
          }
        });
    study.ifPresent(
        r -> {
          List<String> beyond =
              r.estimates().stream()
                  .filter(Replications.Estimate::significant)
                  .map(Replications.Estimate::indicator)
                  .toList();
          stdout.printf(
              Locale.ROOT,
              "over %d seeds, beyond chance at 95 %%: %s (of %d intervals, each on its own:"
                  + " about 1 in 20 leaves out zero by chance)%n",
              replications,
              beyond.isEmpty() ? "none" : String.join(", ", beyond),
              r.estimates().size());
        });
    stdout.flush();
    return 0;
  }

  /**
   * {@code result}'s rate {@code indicator} in percent ("87.5 %"), "–" where it has none (no case
   * registered for the closure rate, none closed for the on-time rate).
   */
  private static String percent(SimulationResult result, String indicator) {
    return percent(Comparison.value(result, indicator));
  }

  /** A rate in percent ("87.5 %"), "–" when there is none. */
  private static String percent(OptionalDouble rate) {
    return rate.isPresent() ? String.format(Locale.ROOT, "%.1f %%", rate.getAsDouble() * 100) : "–";
  }

  /**
   * Scenario {@code i}'s mean of a rate in percent, "–" when no seed's run has it, and with the
   * seeds it is over when fewer than all ("75.0 % over 2 seeds").
   */
  private static String mean(Sweep sweep, String indicator, int i) {
    OptionalDouble mean = sweep.means(indicator).get(i);
    int with = sweep.seedsWith(indicator).get(i);
    return percent(mean)
        + (mean.isPresent() && with < sweep.seeds().size()
            ? " over " + with + (with == 1 ? " seed" : " seeds")
            : "");
  }

  /**
   * The comparison on {@code --replications} seeds in all: {@code first} is the one just run on
   * {@code --store}; the others run in memory on every core, with a line on standard error as each
   * run finishes unless {@code --quiet}.
   */
  private Replications replicate(
      Comparison first, Territory territory, Scenario a, Scenario b, PrintWriter err) {
    int runs = 2 * (replications - 1);
    IntConsumer finished =
        quiet
            ? done -> {}
            : done -> {
              synchronized (err) {
                err.printf(
                    Locale.ROOT, "replications: %d of %d runs on other seeds done%n", done, runs);
                err.flush();
              }
            };
    return Replications.extend(
        first,
        territory,
        a,
        b,
        () -> InMemoryGridStorage.builder().keepArchived(false).build(),
        replications,
        Runtime.getRuntime().availableProcessors(),
        finished);
  }

  /** {@code base} with the setup file {@code value} laid over it; {@code base} without one. */
  private SimulationConfig setup(String value, String option, SimulationConfig base) {
    return value == null
        ? base
        : SimulationSetup.fromPath(
            existingFile(value, option + " must be a setup file, was " + value), base);
  }

  /**
   * The text of the policy {@code --policy} names: a preset's shipped YAML or the file's, which was
   * read once already (so it exists and is a valid policy).
   */
  private String policyText(String value) {
    Optional<String> preset = Presets.yaml(value);
    if (preset.isPresent()) {
      return preset.get();
    }
    try {
      return Files.readString(Path.of(value), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the policy " + value + " again", e);
    }
  }

  /** {@code config} at {@code --rate}, when given. */
  private SimulationConfig rated(SimulationConfig config) {
    return rate == null ? config : config.withArrivals(config.arrivals().withRate(rate));
  }

  /**
   * A sweep is one list of policies, of setups, or of one setup or policy field's values, apart
   * from a comparison, with 2 to 20 values, in place of the option it sweeps (a field's sweep
   * varies a field of {@code --setup}'s district or of {@code --policy}, so it replaces nothing).
   */
  private void checkSweep(
      boolean comparing, Optional<SweptField> setupField, Optional<SweptField> policyField) {
    List<String> values =
        sweep != null
            ? sweep
            : sweepSetups != null
                ? sweepSetups
                : setupField.or(() -> policyField).map(SweptField::values).orElse(null);
    if (values == null) {
      return;
    }
    String option =
        sweep != null
            ? "--sweep"
            : sweepSetups != null
                ? "--sweep-setups"
                : setupField.or(() -> policyField).orElseThrow().option();
    int sweeps =
        (sweep != null ? 1 : 0)
            + (sweepSetups != null ? 1 : 0)
            + (setupField.isPresent() ? 1 : 0)
            + (policyField.isPresent() ? 1 : 0);
    if (sweeps > 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--sweep, --sweep-setups, --sweep-field"
              + " and --sweep-policy-field cannot be combined: sweep one setting at a time");
    }
    if (comparing) {
      throw new ParameterException(
          spec.commandLine(),
          option
              + " cannot be combined with"
              + " --compare, --compare-scoring or --compare-setup: a sweep compares its own values");
    }
    if (rate != null
        && setupField.filter(f -> f.field().equals("arrivals.perGridPerDay")).isPresent()) {
      throw new ParameterException(
          spec.commandLine(),
          "--rate and --sweep-field"
              + " arrivals.perGridPerDay cannot be combined: --rate would set every value's rate");
    }
    String replaced = sweep != null ? "--policy" : sweepSetups != null ? "--setup" : null;
    if (replaced != null && spec.commandLine().getParseResult().hasMatchedOption(replaced)) {
      throw new ParameterException(
          spec.commandLine(),
          option + " replaces " + replaced + ": its first value is the baseline shown in detail");
    }
    if (values.size() < 2 || values.size() > Sweep.MAX_SCENARIOS) {
      throw new ParameterException(
          spec.commandLine(),
          option + " must name 2 to " + Sweep.MAX_SCENARIOS + " values, was " + values.size());
    }
    SweptField.checkOnce(spec.commandLine(), option, values);
  }

  /**
   * The sweep's scenarios: its policies on one district, or the policy on its districts (setup
   * files, or {@code fieldBase} with each of {@code fieldValues}).
   */
  private List<Scenario> scenarios(
      PolicySet first,
      SimulationConfig run,
      SimulationConfig defaults,
      SimulationConfig fieldBase,
      Optional<SweptField> setupField,
      List<PolicySet> variants,
      ScoringPolicy scoring) {
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(new Scenario(run, first));
    if (setupField.isPresent()) {
      List<String> values = setupField.get().values();
      for (String value : values.subList(1, values.size())) {
        scenarios.add(
            new Scenario(
                rated(setupField.get().setup(fieldBase, value)).withScoring(scoring), first));
      }
    } else if (!variants.isEmpty()) {
      for (PolicySet variant : variants.subList(1, variants.size())) {
        checkUsable(variant, "--sweep-policy-field", run);
        scenarios.add(new Scenario(run, variant));
      }
    } else if (sweep != null) {
      for (String value : sweep.subList(1, sweep.size())) {
        PolicySet other = policy(value, "--sweep");
        checkUsable(other, "--sweep", run);
        scenarios.add(new Scenario(run, other));
      }
    } else {
      for (String value : sweepSetups.subList(1, sweepSetups.size())) {
        scenarios.add(
            new Scenario(
                rated(setup(value, "--sweep-setups", defaults)).withScoring(scoring), first));
      }
    }
    return scenarios;
  }

  /**
   * The sweep's runs but {@code first} (the baseline on the first seed, run on {@code --store}), in
   * memory on every core ({@code --replications} seeds each), with a line on standard error as each
   * run finishes unless {@code --quiet}.
   */
  private Sweep sweep(
      SimulationResult first, Territory territory, List<Scenario> scenarios, PrintWriter err) {
    int runs = scenarios.size() * replications;
    IntConsumer finished =
        quiet
            ? done -> {}
            : done -> {
              synchronized (err) {
                err.printf(Locale.ROOT, "sweep: %d of %d runs done%n", done, runs);
                err.flush();
              }
            };
    return Sweep.extend(
        first,
        territory,
        scenarios,
        () -> InMemoryGridStorage.builder().keepArchived(false).build(),
        replications,
        Runtime.getRuntime().availableProcessors(),
        finished);
  }

  /**
   * The policy must name only lines and categories the simulated district has, count in the
   * district's zone, and be in force from the first simulated day on: checked for every policy
   * before the first run starts.
   */
  private void checkUsable(PolicySet p, String option, SimulationConfig config) {
    Simulation.checkReferences(p, config);
    java.time.Instant first = config.start().atStartOfDay(config.zone()).toInstant();
    if (p.effectiveFrom().isAfter(first)) {
      throw new ParameterException(
          spec.commandLine(),
          "--start "
              + start
              + " is before policy "
              + p.id()
              + " v"
              + p.version()
              + " ("
              + option
              + ") takes effect, "
              + p.effectiveFrom()
              + ": choose a later --start");
    }
  }

  /**
   * Makes {@code --out} (or finds it unusable before any simulating) and a staging directory in it
   * for this run's files, which are moved into place only when all are written.
   */
  private Path outputDirectory() {
    if (out.toString().isBlank()) { // Path.of("") is the working directory, not what was meant
      throw new ParameterException(spec.commandLine(), "--out must name a directory, was empty");
    }
    made.clear();
    for (Path dir = out.toAbsolutePath();
        dir != null && Files.notExists(dir);
        dir = dir.getParent()) {
      made.add(dir);
    }
    try {
      Files.createDirectories(out);
      return OutputFiles.staging(out);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      removeMade();
      throw new ParameterException(
          spec.commandLine(),
          "--out must be a directory that can be written, was " + out + ": " + whyNot(e));
    }
  }

  /** The directories {@link #outputDirectory()} made for {@code --out}, deepest first. */
  private final List<Path> made = new ArrayList<>();

  /**
   * Removes the directories made for {@code --out}, deepest first, as long as they are empty: a run
   * refused or failed leaves no directory of its own making behind, an H2 store's files keep
   * theirs.
   */
  private void removeMade() {
    for (Path dir : made) {
      try {
        Files.delete(dir);
      } catch (java.io.IOException e) {
        return; // not empty (a database file, another's file) or gone: the rest hold it
      }
    }
  }

  /** Why {@code --out} cannot be used, in words rather than the exception's class. */
  private String whyNot(Exception e) {
    for (Path dir = out.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        return dir.equals(out.toAbsolutePath()) ? "a file" : dir + " is a file";
      }
    }
    Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied at " + denied.getFile();
    }
    if (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    return String.valueOf(cause.getMessage());
  }

  private Territory territory() {
    Territory territory;
    if (Divisions.names().contains(district)) {
      territory = Divisions.load(district);
    } else {
      Path file =
          existingFile(
              district,
              "--district must be one of "
                  + Divisions.names()
                  + " or a divisions CSV file, was "
                  + district);
      try {
        territory = Territory.builder().addCsv(file).build();
      } catch (java.io.UncheckedIOException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--district file " + district + " cannot be read as UTF-8 text (" + e.getCause() + ")");
      }
    }
    if (territory.areas().stream().noneMatch(area -> area.level() == Level.COMMUNITY)) {
      throw new ParameterException(
          spec.commandLine(),
          "--district " + district + " has no COMMUNITY to place synthetic grids in");
    }
    territory.areas().stream()
        .filter(area -> area.level().compareTo(Level.GRID) >= 0)
        .findFirst()
        .ifPresent(
            grid -> {
              throw new ParameterException(
                  spec.commandLine(),
                  "--district "
                      + district
                      + " holds grids, such as "
                      + grid.code()
                      + " ("
                      + grid.level()
                      + "): the simulation"
                      + " draws its own 2 to 5 grids in each community; give the divisions down to the"
                      + " communities only");
            });
    return territory;
  }

  private PolicySet policy(String value, String option) {
    switch (value) {
      case "kaixuan":
        return Presets.kaixuan();
      case "dongcheng":
        return Presets.dongcheng();
      case "yangling":
        return Presets.yangling();
      default:
        return PolicyLoader.fromPath(
            existingFile(
                value,
                option + " must be kaixuan, dongcheng, yangling or a policy file, was " + value));
    }
  }

  private ScoringPolicy scoringPolicy(String value, String option) {
    for (ScoringPolicy preset : ScoringPresets.all()) {
      if (preset.id().equals(value)) {
        return preset;
      }
    }
    return ScoringPolicyLoader.fromPath(
        existingFile(
            value,
            option
                + " must be one of "
                + ScoringPresets.all().stream().map(ScoringPolicy::id).toList()
                + " or a scoring policy file, was "
                + value));
  }

  /**
   * The regular file {@code value} names, or a bad option saying {@code refusal} (with the reason
   * when {@code value} is no path at all, such as one holding a NUL character).
   */
  private Path existingFile(String value, String refusal) {
    Path file;
    try {
      file = Path.of(value);
    } catch (InvalidPathException e) {
      throw new ParameterException(spec.commandLine(), refusal + " (" + e.getMessage() + ")");
    }
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), refusal);
    }
    return file;
  }

  private Progress progress(PrintWriter err, String name, SimulationConfig config) {
    return quiet
        ? Progress.NONE
        : new ProgressBar(err, name, config.zone(), ProgressBar.interactive());
  }

  /**
   * A swept setup field: a top-level one, one of a section's, or an entry of a section's map (a
   * role's visits, a source's weight), by name.
   */
  private static final java.util.regex.Pattern SETUP_FIELD =
      java.util.regex.Pattern.compile("[A-Za-z]+(\\.[A-Za-z]+(\\.[A-Za-z0-9_-]+)?)?");

  /** A swept policy field: a section's, or an entry of one of its maps (a level's quota). */
  private static final java.util.regex.Pattern POLICY_FIELD =
      java.util.regex.Pattern.compile("[A-Za-z]+\\.[A-Za-z]+(\\.[A-Za-z0-9_-]+)?");

  /** The shipped ladders, for the help text. */
  static final class Districts extends java.util.ArrayList<String> {
    Districts() {
      super(Divisions.names());
    }
  }
}
