package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.gridgov.core.incident.Source;
import org.gridgov.core.people.Role;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.Divisions;
import org.gridgov.simulation.Arrivals;
import org.gridgov.simulation.CitySimulation;
import org.gridgov.simulation.Comparison;
import org.gridgov.simulation.Replications;
import org.gridgov.simulation.SimulationConfig;
import org.gridgov.simulation.SimulationSetup;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The main job's command line: exit codes and messages, and the files a run writes. */
class MainTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private PrintStream originalOut;

  @TempDir Path dir;

  @BeforeEach
  void capture() {
    originalErr = System.err;
    originalOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    System.setOut(originalOut);
  }

  /** A number in a JSON file, or none for its null. */
  private static OptionalDouble optional(JsonNode number) {
    return number.isNull() ? OptionalDouble.empty() : OptionalDouble.of(number.asDouble());
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_smallDistrictInMemory_writesReportCsvAndJson() throws Exception {
    int code =
        Main.run(
            "--district",
            "hangzhou-shangcheng",
            "--months",
            "1",
            "--rate",
            "0.05",
            "--store",
            "memory",
            "--compare",
            "dongcheng",
            "--quiet",
            "--out",
            dir.toString());

    assertThat(code).as(errors()).isZero();
    assertThat(dir.resolve("report.html"))
        .content()
        .contains("<svg")
        .contains("kaixuan v1")
        .contains("dongcheng v1")
        .contains("Department load")
        .contains("Pay");
    assertThat(dir.resolve("days.csv")).content().startsWith("day,reported,closed");
    assertThat(dir.resolve("hours.csv"))
        .content()
        .startsWith("hour,reported,registered,replied,closed\n0,")
        .contains("\n23,");
    assertThat(dir.resolve("report.html")).content().contains("Cases by hour of day");
    assertThat(dir.resolve("compare-result.json")).exists();
    assertThat(Files.readString(dir.resolve("result.json"))).contains("\"closureRate\"");
    assertThat(dir.resolve("report.html"))
        .content()
        .contains(
            "each section of one run's figures shows both runs, each under its policy's"
                + " name, <b>kaixuan v1</b> first")
        .contains("<h3>dongcheng v1</h3>\n<p>Share of the ")
        .contains("<th>target, Dongcheng's for reference</th><th>met</th>")
        .contains("<th>target, dongcheng v1's</th><th>met</th>")
        .doesNotContain("Escalations: {");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("kaixuan v1:")
        .contains("reported")
        .containsPattern("closed \\(\\d+\\.\\d % of [\\d,]+ registered\\)");
    // the closure rate is the cases closed of those registered, in percent to a tenth
    java.util.regex.Matcher line =
        java.util.regex.Pattern.compile(
                "kaixuan v1: [\\d,]+ reported,"
                    + " ([\\d,]+) closed \\(([\\d.]+) % of ([\\d,]+) registered\\)")
            .matcher(out.toString(StandardCharsets.UTF_8));
    assertThat(line.find()).isTrue();
    double closed = Double.parseDouble(line.group(1).replace(",", ""));
    double registered = Double.parseDouble(line.group(3).replace(",", ""));
    assertThat(registered).isPositive();
    assertThat(Double.parseDouble(line.group(2)))
        .isCloseTo(100 * closed / registered, org.assertj.core.api.Assertions.within(0.05));
  }

  /** Before: the compared policy's split was judged by the first policy's targets. */
  @Test
  void run_compareAPolicyWithOtherTargets_eachSplitJudgedByItsOwn() throws Exception {
    Path policy = dir.resolve("wide.yaml");
    Files.writeString(
        policy,
        """
        id: dongcheng-wide
        version: 1
        effectiveFrom: 2010-07-01
        zone: Asia/Shanghai
        source: test
        dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: SOFT, quota: {} }
        targets:
          COMMUNITY: { min: 0.50, max: 0.85 }
          STREET:    { min: 0.05, max: 0.30 }
          DISTRICT:  { min: 0.00, max: 0.30 }
        """);

    assertThat(
            small("--policy", "dongcheng", "--compare", policy.toString(), "--out", dir.toString()))
        .as(errors())
        .isZero();

    String report = Files.readString(dir.resolve("report.html"));
    String settled =
        report.substring(
            report.indexOf("<h2>Where cases were settled</h2>"),
            report.indexOf("<h2>Department load</h2>"));
    String first =
        settled.substring(
            settled.indexOf("<h3>dongcheng v1</h3>"),
            settled.indexOf("<h3>dongcheng-wide v1</h3>"));
    String second = settled.substring(settled.indexOf("<h3>dongcheng-wide v1</h3>"));
    assertThat(first)
        .containsPattern(
            "<tr><td>district</td><td>[0-9,]+</td><td>[0-9.]+ %</td>" + "<td>0.0 % – 5.0 %</td>");
    assertThat(second)
        .containsPattern(
            "<tr><td>district</td><td>[0-9,]+</td><td>[0-9.]+ %</td>" + "<td>0.0 % – 30.0 %</td>")
        .doesNotContain("– 5.0 %");
  }

  @Test
  void run_nothingReported_noRatesOf0OnStandardOutput() throws Exception {
    // a hundred-thousandth of a case per grid a day: no report in Shangcheng's month
    int code =
        Main.run(
            "--district",
            "hangzhou-shangcheng",
            "--rate",
            "0.00001",
            "--store",
            "memory",
            "--compare",
            "dongcheng",
            "--quiet",
            "--out",
            dir.toString());

    assertThat(code).as(errors()).isZero();
    JsonNode result = new ObjectMapper().readTree(dir.resolve("result.json").toFile());
    assertThat(result.get("result").get("registered").asLong()).isZero();
    // before the fix: "0 closed (0.0 % of 0 registered), 0.0 % on time"
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("kaixuan v1: 0 reported, 0 closed (– of 0 registered), – on time; report: ")
        .contains("dongcheng v1: 0 reported, 0 closed (– of 0 registered), – on time\n");

    out.reset();
    assertThat(
            Main.run(
                "--district",
                "hangzhou-shangcheng",
                "--rate",
                "0.00001",
                "--store",
                "memory",
                "--sweep",
                "kaixuan,dongcheng",
                "--replications",
                "2",
                "--quiet",
                "--out",
                dir.toString()))
        .as(errors())
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("sweep dongcheng v1: – closed, –" + " on time, – self-claimed (mean of 2 seeds)");
    assertThat(csvCell(dir.resolve("sweep.csv"), "\"closure rate\",2,"))
        .isEqualTo("\"closure rate\",2,\"dongcheng v1\",0,,0,,,,");
  }

  /** The line of {@code file} that starts with {@code prefix}. */
  private static String csvCell(Path file, String prefix) throws Exception {
    return Files.readAllLines(file).stream()
        .filter(line -> line.startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void run_againOnH2_withoutCompare_leavesNoDatabaseOfTheEarlierSecondRun() throws Exception {
    assertThat(
            Main.run(
                "--district",
                "hangzhou-shangcheng",
                "--rate",
                "0.05",
                "--quiet",
                "--store",
                "h2",
                "--compare",
                "dongcheng",
                "--out",
                dir.toString()))
        .as(errors())
        .isZero();
    assertThat(dir.resolve("gridgov-b.mv.db")).exists();

    assertThat(
            Main.run(
                "--district",
                "hangzhou-shangcheng",
                "--rate",
                "0.05",
                "--quiet",
                "--store",
                "h2",
                "--out",
                dir.toString()))
        .as(errors())
        .isZero();

    assertThat(dir.resolve("gridgov-a.mv.db")).exists();
    assertThat(dir.resolve("gridgov-b.mv.db")).doesNotExist();
  }

  @Test
  void run_badMonths_exitCode2NamingTheOption() {
    assertThat(Main.run("--months", "0", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors()).contains("--months must be between 1 and 120, was 0");
  }

  @Test
  void run_unknownOptionOrStore_exitCode2() {
    assertThat(Main.run("--colour", "red")).isEqualTo(2);
    assertThat(errors()).contains("Unknown options: '--colour'");
    assertThat(Main.run("--store", "mongodb://x", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors()).contains("--store must be memory, h2 or a jdbc:postgresql:");
  }

  @Test
  void run_badOption_theMessageAndAPointerToHelp_notTheWholeUsageBurying() {
    // before the fix: the 80-line usage followed, scrolling the one line that mattered away
    assertThat(Main.run("--months", "0", "--out", dir.toString())).isEqualTo(2);

    assertThat(errors().lines().toList())
        .containsExactly(
            "gridgov-simulate: --months must be between 1 and 120, was 0",
            "Try 'gridgov-simulate --help' for the options.");
  }

  @Test
  void run_badStartDate_saysTheFormat_notTheJavaClass() {
    assertThat(Main.run("--start", "2024-13-01", "--out", dir.toString())).isEqualTo(2);

    assertThat(errors())
        .contains(
            "Invalid value for option '--start': '2024-13-01' is not a date such as 2024-03-01"
                + " (year-month-day)")
        .doesNotContain("java.");
  }

  @Test
  void run_badStore_leavesNoOutputDirectoryItMade() {
    Path fresh = dir.resolve("fresh");
    assertThat(Main.run("--store", "mongodb://x", "--quiet", "--out", fresh.toString()))
        .isEqualTo(2);
    assertThat(onUnreachableDatabase(fresh)).isEqualTo(2);

    assertThat(errors()).contains("--store must be memory, h2", "--store cannot connect");
    assertThat(fresh).doesNotExist();
  }

  /** A run of the smallest district on a PostgreSQL URL nothing answers, into {@code out}. */
  private static int onUnreachableDatabase(Path out) {
    return Main.run(
        "--district",
        "hangzhou-shangcheng",
        "--quiet",
        "--store",
        "jdbc:postgresql://127.0.0.1:1/nodb",
        "--out",
        out.toString());
  }

  @Test
  void run_badPolicyFile_exitCode2ListingEveryViolation() throws Exception {
    Path policy = dir.resolve("bad.yaml");
    Files.writeString(
        policy,
        """
        id: bad
        version: 1
        effectiveFrom: 2024-01-01
        zone: Asia/Shanghai
        source: test
        dispatch: { claimWindow: -1h, replyWithin: 72h, supervisionAfter: 24h }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: HARD, quota: { STREET: 1.5 } }
        """);

    assertThat(Main.run("--policy", policy.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains("escalation.quota.STREET: must be between 0 and 1, was 1.5")
        .contains("dispatch.claimWindow");
  }

  @Test
  void run_policyFileWithAKeyGivenTwice_exitCode2ListingItWithTheOthers() throws Exception {
    // before the fix: "bad.yaml:7: is not valid: Duplicate field 'replyWithin'" alone
    Path policy = dir.resolve("bad.yaml");
    Files.writeString(
        policy,
        """
        id: bad
        version: 1
        effectiveFrom: 2024-01-01
        zone: Asia/Shanghai
        source: test
        dispatch:
          claimWindow: -1h
          replyWithin: 72h
          replyWithin: 48h
          supervisionAfter: 24h
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: HARD, quota: { STREET: 1.5 } }
        """);

    assertThat(Main.run("--policy", policy.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains("invalid policy " + policy + ": 3 violations")
        .contains(
            "dispatch.replyWithin: is given more than once (again on line 9)" + " [policy.syntax]")
        .contains(
            "dispatch.claimWindow: must be a duration such as 90s, 30m, 24h, 2d or PT24H, was"
                + " -1h [policy.duration]")
        .contains("escalation.quota.STREET: must be between 0 and 1, was 1.5 [policy.share]");
  }

  /** A valid policy file in {@code zone}. */
  private Path policyIn(String zone) throws Exception {
    return Files.writeString(
        dir.resolve("zoned.yaml"),
        """
        id: zoned
        version: 1
        effectiveFrom: 2024-01-01
        zone: %s
        source: test
        dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: HARD, quota: { STREET: 0.1 } }
        """
            .formatted(zone));
  }

  @Test
  void run_policyInAnotherZoneThanTheDistricts_exitCode2NamingBothBeforeAnyRun() throws Exception {
    // before the fix: run, its quota months and working time in UTC, its district in Shanghai
    Path utc = policyIn("UTC");

    assertThat(small("--policy", utc.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains("invalid policy zoned v1 on a simulated district")
        .contains(
            "zone: must be the simulation's zone Asia/Shanghai, whose days the district"
                + " lives by (the policy counts its quota months and working time in its own), was"
                + " UTC [simulation.run]");
    assertThat(dir.resolve("report.html")).doesNotExist();
    assertThat(small("--compare", utc.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(small("--sweep", "kaixuan," + utc, "--out", dir.toString())).isEqualTo(2);
    assertThat(dir.resolve("report.html")).doesNotExist();

    assertThat(small("--policy", policyIn("Asia/Shanghai").toString(), "--out", dir.toString()))
        .as(errors())
        .isZero();
    assertThat(dir.resolve("report.html")).content().contains("zoned v1");
  }

  @Test
  void run_comparedPolicyNamingALineTheDistrictLacks_exitCode2BeforeAnyRun() throws Exception {
    Path policy = dir.resolve("typo.yaml");
    Files.writeString(
        policy,
        """
        id: typo
        version: 1
        effectiveFrom: 2024-01-01
        zone: Asia/Shanghai
        source: test
        dispatch:
          claimWindow: 24h
          replyWithin: 72h
          supervisionAfter: 24h
          timeLimits: [{ line: sanitaton, replyWithin: 48h }]
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: HARD, quota: { STREET: 0.1 } }
        """);

    assertThat(Main.run("--compare", policy.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains("policy typo v1 on a simulated district")
        .contains(
            "dispatch.timeLimits[0].line: is not a line of the directory, was sanitaton"
                + " [policy.unknown-line]")
        .as("refused before the first policy ran")
        .doesNotContain("kaixuan 100 %");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void run_setupOverloadingALineNoCategoryHas_exitCode2NamingTheField() throws Exception {
    Path setup = dir.resolve("police.yaml");
    Files.writeString(
        setup,
        """
        overload: { line: public-security, workers: 2 }
        """);

    assertThat(small("--setup", setup.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains("gridgov-simulate: invalid simulation setup police: 1 violation")
        .contains(
            "overload.line: is the default line of no category of the catalogue, so no"
                + " arrival would fall in it, was public-security [simulation.overload]")
        .doesNotContain("failed");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void run_missingPolicyFileOrDistrict_exitCode2() {
    assertThat(Main.run("--policy", dir.resolve("none.yaml").toString())).isEqualTo(2);
    assertThat(errors()).contains("--policy must be kaixuan, dongcheng, yangling or a policy file");
    assertThat(Main.run("--district", "atlantis")).isEqualTo(2);
    assertThat(errors())
        .contains("--district must be one of [beijing-dongcheng, hangzhou-shangcheng]");
  }

  private static final String[] SMALL = {
    "--district",
    "hangzhou-shangcheng",
    "--months",
    "1",
    "--rate",
    "0.05",
    "--store",
    "memory",
    "--quiet"
  };

  private int small(String... more) {
    return Main.run(smallArgs(more));
  }

  private static String[] smallArgs(String... more) {
    String[] args = Arrays.copyOf(SMALL, SMALL.length + more.length);
    System.arraycopy(more, 0, args, SMALL.length, more.length);
    return args;
  }

  /** As {@link #small}, with each run's progress on standard error (no {@code --quiet}). */
  private int smallWithProgress(String... more) {
    return Main.run(withoutQuiet(smallArgs(more)));
  }

  private static String[] withoutQuiet(String... args) {
    return Arrays.stream(args).filter(a -> !a.equals("--quiet")).toArray(String[]::new);
  }

  /**
   * Runs {@code args} with {@code --out} a file, which is checked after every other option and file
   * has been read and before any run: exit code 2 naming {@code --out} alone says that every other
   * option was accepted, without simulating anything.
   */
  private void acceptedUpToOut(String... args) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "");
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--out";
    all[args.length + 1] = file.toString();
    err.reset();
    assertThat(Main.run(all)).as(errors()).isEqualTo(2);
    assertThat(errors())
        .as(String.join(" ", args))
        .startsWith("gridgov-simulate: --out must be a directory that can be written, was " + file);
  }

  @Test
  void run_eachBoundedOptionAtItsLargest_accepted_andOneBeyondRefused() throws Exception {
    // README: 1 to 120 months, 1 to 1,000 replications, a rate up to 100, 2 to 20 values a sweep
    acceptedUpToOut(
        "--district", "hangzhou-shangcheng", "--months", "120", "--store", "memory", "--quiet");
    acceptedUpToOut(smallArgs("--compare", "dongcheng", "--replications", "1000"));
    acceptedUpToOut(
        "--district", "hangzhou-shangcheng", "--rate", "100", "--store", "memory", "--quiet");
    String ticks =
        java.util.stream.IntStream.rangeClosed(1, 20)
            .mapToObj(m -> m + "m")
            .collect(java.util.stream.Collectors.joining(","));
    acceptedUpToOut(smallArgs("--sweep-field", "tick=" + ticks));

    err.reset();
    assertThat(Main.run("--months", "121", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors()).contains("--months must be between 1 and 120, was 121");
    assertThat(refused("--sweep-field", "tick=" + ticks + ",21m"))
        .contains("--sweep-field must name 2 to 20 values, was 21");
    err.reset();
    assertThat(
            Main.run(
                "--district",
                "hangzhou-shangcheng",
                "--rate",
                "100.5",
                "--store",
                "memory",
                "--quiet",
                "--out",
                dir.toString()))
        .isEqualTo(2);
    assertThat(errors())
        .contains(
            "--rate must be above 0 and at most 100.0 problems a grid a"
                + " day (Beijing 12345's volume is 6.2), was 100.5");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void run_withoutQuiet_eachRunsProgressOnStandardErrorNamedForItsRun() throws Exception {
    assertThat(smallWithProgress("--compare", "dongcheng", "--out", dir.toString()))
        .as(errors())
        .isZero();
    // standard error is no terminal here: a line at every tenth, the last on the run's last day
    assertThat(errors())
        .contains("kaixuan 100 %  2024-03-31  ")
        .contains("dongcheng 100 %  2024-03-31  ");

    err.reset();
    assertThat(
            smallWithProgress(
                "--compare-setup",
                noClaims().toString(),
                "--compare-scoring",
                "examples/kaixuan-scoring-graded-20.yaml",
                "--out",
                dir.toString()))
        .as(errors())
        .isZero();
    // the same policy twice: the second run named by what it changes
    assertThat(errors())
        .contains("kaixuan 100 %  2024-03-31  ")
        .contains("kaixuan, no-claims, kaixuan-graded-20 100 %  2024-03-31  ");
  }

  @Test
  void run_sweepOfAFieldOfAPolicyFile_variantsOfThatFile_eachRunCountedOnStandardError()
      throws Exception {
    int code =
        smallWithProgress(
            "--policy",
            "examples/kaixuan-12h.yaml",
            "--sweep-policy-field",
            "dispatch.claimWindow=6h,24h",
            "--replications",
            "2",
            "--out",
            dir.toString());

    assertThat(code).as(errors()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("sweep kaixuan-12h.claimWindow-6h v1: ")
        .contains("sweep kaixuan-12h.claimWindow-24h v1: ")
        .contains("(mean of 2 seeds)");
    // two variants on two seeds: four runs, the baseline's first seed on --store among them
    assertThat(errors()).contains("sweep: 4 of 4 runs done");
  }

  @Test
  void run_linesOnBufferedWritersWithoutAutoFlush_eachShownAtOnce_notLeftInTheBuffer() {
    // a caller's own writers, buffered and without picocli's auto-flush: nothing flushes them
    // after the command returns, so a line the command does not flush itself never shows
    StringWriter sweepErr = new StringWriter();
    StringWriter sweepOut = new StringWriter();
    CommandLine sweeping = new CommandLine(new SimulateCommand());
    sweeping.setErr(new PrintWriter(new BufferedWriter(sweepErr)));
    sweeping.setOut(new PrintWriter(new BufferedWriter(sweepOut)));

    int code =
        sweeping.execute(
            withoutQuiet(
                smallArgs(
                    "--sweep-policy-field",
                    "dispatch.claimWindow=12h,24h",
                    "--out",
                    dir.resolve("sweep").toString())));

    assertThat(code).as(sweepErr.toString()).isZero();
    // two variants on one seed: two runs, their lines written after every run's progress
    assertThat(sweepErr.toString()).contains("sweep: 2 of 2 runs done");
    assertThat(sweepOut.toString())
        .startsWith("kaixuan.claimWindow-12h v1: ")
        .contains("sweep kaixuan.claimWindow-24h v1: ");

    StringWriter studyErr = new StringWriter();
    CommandLine comparing = new CommandLine(new SimulateCommand());
    comparing.setErr(new PrintWriter(new BufferedWriter(studyErr)));
    comparing.setOut(new PrintWriter(new BufferedWriter(new StringWriter())));

    code =
        comparing.execute(
            withoutQuiet(
                smallArgs(
                    "--compare",
                    "dongcheng",
                    "--replications",
                    "2",
                    "--out",
                    dir.resolve("study").toString())));

    assertThat(code).as(studyErr.toString()).isZero();
    // one more seed for each of the two policies: two runs beyond the first pair
    assertThat(studyErr.toString()).contains("replications: 2 of 2 runs on other seeds done");
  }

  @Test
  void run_sweepWhereARateHasNoValueOnEverySeed_saysOverHowManySeeds() throws Exception {
    // two hundred-thousandths of a case per grid a day: one report over two seeds' months
    int code =
        Main.run(
            "--district",
            "hangzhou-shangcheng",
            "--rate",
            "0.00002",
            "--store",
            "memory",
            "--sweep",
            "kaixuan,dongcheng",
            "--replications",
            "2",
            "--quiet",
            "--out",
            dir.toString());

    assertThat(code).as(errors()).isZero();
    assertThat(csvCell(dir.resolve("sweep.csv"), "\"closure rate\",1,"))
        .as("the closure rate of one seed's run alone")
        .startsWith("\"closure rate\",1," + "\"kaixuan v1\",1,");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern(
            "sweep kaixuan v1: [0-9.]+ %"
                + " over 1 seed closed, [0-9.]+ % over 1 seed on time, [0-9.]+ % over 1 seed self-claimed"
                + " \\(mean of 2 seeds\\)");
  }

  @Test
  void run_theReportSaysWhenThePeopleWork() throws Exception {
    assertThat(small("--out", dir.resolve("default").toString())).as(errors()).isZero();
    assertThat(
            small(
                "--setup",
                "examples/setup-weekday-offices.yaml",
                "--out",
                dir.resolve("offices").toString()))
        .as(errors())
        .isZero();

    assertThat(dir.resolve("default/report.html"))
        .content()
        .contains(
            "Setup <b>default</b>: 0.05 problems a grid a day; the centre works around the"
                + " clock, grid workers around the clock, department staff around the clock");
    assertThat(
            small(
                "--setup",
                "examples/setup-night-street-order.yaml",
                "--out",
                dir.resolve("night").toString()))
        .as(errors())
        .isZero();
    Path shifts =
        Files.writeString(
            dir.resolve("shifts.yaml"),
            """
        behaviour:
          departmentHours: {hours: [08:30-17:30], workdays: [MONDAY, TUESDAY, WEDNESDAY,
            THURSDAY, FRIDAY]}
          lineHours: {utilities: 00:00-24:00}
        """);
    assertThat(small("--setup", shifts.toString(), "--out", dir.resolve("shifts").toString()))
        .as(errors())
        .isZero();
    assertThat(dir.resolve("shifts/report.html"))
        .content()
        .contains(
            "department staff"
                + " 08:30-17:30 on Mon, Tue, Wed, Thu, Fri, utilities staff around the clock (");
    assertThat(dir.resolve("night/report.html"))
        .content()
        .contains(
            "Setup <b>night-street-order</b>: 0.05 problems a grid a day, E04 on hours of"
                + " its own; the centre works 08:30-17:30 every day");
    assertThat(dir.resolve("offices/report.html"))
        .content()
        .contains(
            "Setup <b>weekday-offices</b>: 0.05 problems a grid a day, PATROL on hours of"
                + " its own;")
        .contains(
            "the centre works 08:30-12:00 and 13:30-17:30 on Mon, Tue, Wed, Thu, Fri, 19"
                + " holidays off, 8 make-up days worked, grid workers 08:00-18:00 every day, each"
                + " resting 2 days a week by rota, department staff 08:30-12:00 and 13:30-17:30 on"
                + " Mon");
  }

  @Test
  void run_startBeforeThePolicyOrOutOfRange_exitCode2BeforeSimulating() throws Exception {
    assertThat(small("--policy", "yangling", "--start", "2016-12-01", "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(errors()).contains("--start 2016-12-01 is before policy yangling v1 (--policy)");
    // a swept policy too, each named by its option before any run
    Path late =
        Files.writeString(
            dir.resolve("late.yaml"),
            Files.readString(Path.of("examples/kaixuan-12h.yaml"))
                .replace("id: kaixuan-12h", "id: late")
                .replace("effectiveFrom: 2012-01-01", "effectiveFrom: 2024-06-01"));
    assertThat(small("--sweep", "kaixuan," + late, "--out", dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(errors())
        .contains(
            "--start 2024-03-01 is before policy late v1 (--sweep) takes"
                + " effect, 2024-05-31T16:00:00Z");
    Files.delete(late);
    assertThat(small("--start", "3000-03-01", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors()).contains("--start must be between 1971-01-01 and 2200-12-31");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void run_outIsAFile_exitCode2BeforeSimulating() throws Exception {
    Path file = Files.writeString(dir.resolve("afile"), "hi");

    assertThat(small("--out", file.toString())).isEqualTo(2);
    assertThat(errors())
        .contains("--out must be a directory that can be written, was " + file + ": a file")
        .doesNotContain("java.");
    assertThat(file).hasContent("hi");

    assertThat(small("--out", file.resolve("sub").toString())).isEqualTo(2);
    assertThat(errors())
        .contains(
            "--out must be a directory that can be written, was "
                + file.resolve("sub")
                + ": "
                + file
                + " is a file")
        .doesNotContain("java.");
  }

  @Test
  void run_again_withoutCompare_leavesNoFileOfTheEarlierRun() throws Exception {
    // before the fix: replications.csv and replications.json of the first run stayed
    assertThat(small("--compare", "dongcheng", "--replications", "2", "--out", dir.toString()))
        .as(errors())
        .isZero();
    assertThat(dir.resolve("compare-result.json")).exists();
    assertThat(dir.resolve("replications.csv")).exists();

    assertThat(small("--seed", "7", "--out", dir.toString())).as(errors()).isZero();

    assertThat(dir.resolve("compare-result.json")).doesNotExist();
    assertThat(dir.resolve("result.json")).content().contains("\"seed\" : 7");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "report.html",
              "days.csv",
              "hours.csv",
              "lines.csv",
              "grids.csv",
              "workers.csv",
              "rankings.csv",
              "pay.csv",
              "streets.csv",
              "result.json",
              "setup.yaml");
    }
  }

  @Test
  void run_emptyOut_exitCode2InsteadOfWritingIntoTheWorkingDirectory() {
    assertThat(small("--out", "")).isEqualTo(2);
    assertThat(errors()).contains("--out must name a directory, was empty");
  }

  @Test
  void run_unreachableDatabase_exitCode2NamingTheStore_anExistingOutLeftAsItWas() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");

    assertThat(onUnreachableDatabase(dir)).isEqualTo(2);

    assertThat(errors()).contains("--store cannot connect to its database");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("notes.txt");
    }
  }

  @Test
  void run_districtWithoutCommunitiesOrNotUtf8_exitCode2NamingIt() throws Exception {
    Path bare =
        Files.writeString(
            dir.resolve("bare.csv"), "code,name,level,parent_code\n330102,上城区,DISTRICT,\n");
    assertThat(
            Main.run(
                "--district",
                bare.toString(),
                "--store",
                "memory",
                "--out",
                dir.resolve("o").toString()))
        .isEqualTo(2);
    // the command line's own refusal, naming the option, before the run would refuse the ladder
    assertThat(errors())
        .contains("--district " + bare + " has no COMMUNITY to place synthetic" + " grids in");

    Path gbk = dir.resolve("gbk.csv");
    Files.write(
        gbk,
        "code,name,level,parent_code\n330102,上城区,DISTRICT,\n"
            .getBytes(java.nio.charset.Charset.forName("GBK")));
    assertThat(
            Main.run(
                "--district",
                gbk.toString(),
                "--store",
                "memory",
                "--out",
                dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(errors()).contains("cannot be read as UTF-8 text");

    // before the fix: a grid of the file's own was silently left without staff or cases
    Path withGrid =
        Files.writeString(
            dir.resolve("grid.csv"),
            "code,name,level,parent_code\n"
                + "110101,东城区,DISTRICT,\n110101001,东华门街道,STREET,110101\n"
                + "110101001001,多福巷社区,COMMUNITY,110101001\n"
                + "110101001001999,网格九,GRID,110101001001\n");
    assertThat(
            Main.run(
                "--district",
                withGrid.toString(),
                "--store",
                "memory",
                "--out",
                dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(errors())
        .contains(
            "--district "
                + withGrid
                + " holds grids, such as"
                + " 110101001001999 (GRID): the simulation draws its own");
  }

  @Test
  void run_rateZeroOrBeyondAnyCity_exitCode2NamingTheOption() {
    assertThat(Main.run("--rate", "0", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors()).contains("--rate must be above 0 and at most 100.0");
    assertThat(Main.run("--rate", "1e9", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors()).contains("was 1.0E9");
  }

  @Test
  void run_compareTheSamePolicyVersion_exitCode2() {
    assertThat(small("--compare", "kaixuan", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains(
            "--compare must be another policy or version than --policy" + " (both are kaixuan v1)");
  }

  @Test
  void run_policyOrDistrictWithANulCharacter_exitCode2NamingTheOption() {
    // before the fix: exit code 2 with only "Nul character not allowed: a b", naming no option
    assertThat(Main.run("--policy", "a\u0000b", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains(
            "--policy must be kaixuan, dongcheng, yangling or a policy"
                + " file, was a\u0000b (Nul character not allowed");
    assertThat(Main.run("--district", "a\u0000b", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains(
            "--district must be one of [beijing-dongcheng,"
                + " hangzhou-shangcheng] or a divisions CSV file, was a\u0000b (Nul character not"
                + " allowed");
  }

  @Test
  void run_compareOnThreeSeeds_reportsTheStudyOfTheApi() throws Exception {
    int code =
        Main.run(
            "--district",
            "hangzhou-shangcheng",
            "--rate",
            "0.05",
            "--store",
            "memory",
            "--compare",
            "dongcheng",
            "--replications",
            "3",
            "--out",
            dir.toString());
    SimulationConfig config =
        SimulationConfig.defaults()
            .withSeed(42)
            .withPeriod(LocalDate.of(2024, 3, 1), 31)
            .withArrivals(Arrivals.defaults().withRate(0.05));
    Replications study =
        Replications.run(
            Divisions.load("hangzhou-shangcheng"),
            config,
            Presets.kaixuan(),
            Presets.dongcheng(),
            InMemoryGridStorage::create,
            3,
            1);

    assertThat(code).as(errors()).isZero();
    List<String> csv = Files.readAllLines(dir.resolve("replications.csv"));
    assertThat(csv.get(0))
        .isEqualTo(
            "indicator,replications,confidence,meanA,meanB,meanDelta,"
                + "deltaSd,low,high,significant");
    assertThat(csv).hasSize(1 + study.estimates().size());
    Replications.Estimate selfClaim = study.estimate("self-claim rate");
    assertThat(csv)
        .contains(
            "\"self-claim rate\",3,0.95,"
                + selfClaim.meanA().getAsDouble()
                + ","
                + selfClaim.meanB().getAsDouble()
                + ","
                + selfClaim.meanDelta().getAsDouble()
                + ","
                + selfClaim.deltaSd().getAsDouble()
                + ","
                + selfClaim.low().getAsDouble()
                + ","
                + selfClaim.high().getAsDouble()
                + ","
                + selfClaim.significant());
    assertThat(Files.readString(dir.resolve("replications.json")))
        .contains(
            "\"seeds\" : [ "
                + study.seeds().stream()
                    .map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "))
                + " ]");
    JsonNode runs =
        new ObjectMapper().readTree(dir.resolve("replications.json").toFile()).get("replications");
    assertThat(runs).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(runs.get(i).get("seed").asLong()).isEqualTo(study.seeds().get(i));
      JsonNode rows = runs.get(i).get("rows");
      List<Comparison.Row> expected = study.rows().get(i);
      assertThat(rows).hasSize(expected.size());
      for (int k = 0; k < expected.size(); k++) {
        assertThat(rows.get(k).get("indicator").asText()).isEqualTo(expected.get(k).indicator());
        assertThat(optional(rows.get(k).get("a"))).isEqualTo(expected.get(k).a());
        assertThat(optional(rows.get(k).get("b"))).isEqualTo(expected.get(k).b());
      }
    }
    assertThat(dir.resolve("report.html"))
        .content()
        .contains("<h2>Over 3 seeds</h2>")
        .contains("Student's t, 2 degrees of freedom")
        .contains("<th>beyond chance</th>");
    assertThat(errors()).contains("replications: 4 of 4 runs on other seeds done");
    List<String> beyond =
        study.estimates().stream()
            .filter(Replications.Estimate::significant)
            .map(Replications.Estimate::indicator)
            .toList();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "over 3 seeds, beyond chance at"
                + " 95 %: "
                + (beyond.isEmpty() ? "none" : String.join(", ", beyond))
                + " (of "
                + study.estimates().size()
                + " intervals, each on its own: about 1 in 20 leaves out zero by chance)");
  }

  @Test
  void run_replicationsWithoutCompareOrOutOfRange_exitCode2BeforeSimulating() {
    assertThat(Main.run("--replications", "3", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains(
            "--replications 3 needs --compare, --compare-scoring,"
                + " --compare-setup or a sweep: it repeats a comparison on more seeds");
    assertThat(Main.run("--replications", "0", "--compare", "dongcheng", "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(errors()).contains("--replications must be between 1 and 1000, was 0");
    assertThat(
            Main.run("--replications", "1001", "--compare", "dongcheng", "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(errors()).contains("--replications must be between 1 and 1000, was 1001");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void help_namesEachValueAsTheReadmeDoes_andTheExitCodes() {
    // before the fix: --months=<months>, --start=<start> (in no stated form), --seed=<seed>
    assertThat(Main.run("--help")).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--months=N", "--start=DATE", "--seed=N", "2024-03-01 (year-month-day)")
        .contains("Exit codes: 0 done, 2 bad options or input file, 1 failed during the run.")
        .doesNotContain("=<");
  }

  @Test
  void help_listsEveryOptionWithoutAFormattingWarning() {
    // before the fix: "95 %" in --replications' description made picocli warn on every --help
    assertThat(Main.run("--help")).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--replications=N")
        .contains("95 % confidence")
        .contains("--compare=FILE|PRESET")
        .contains("--scoring=FILE|PRESET")
        .contains("--compare-scoring=FILE|PRESET")
        .contains("--setup=FILE")
        .contains("--compare-setup=FILE")
        .contains("--sweep=FILE|PRESET")
        .contains("--sweep-setups=FILE");
    assertThat(errors()).doesNotContain("picocli WARN");
  }

  @Test
  void run_compareScoring_theSameCasesPaidByEachScoringPolicy() throws Exception {
    int code =
        small(
            "--compare-scoring",
            "examples/kaixuan-scoring-graded-20.yaml",
            "--out",
            dir.toString());

    assertThat(code).as(errors()).isZero();
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertThat(stdout)
        .contains("kaixuan v1, scored by kaixuan v1: ")
        .contains("kaixuan v1, scored by kaixuan-graded-20 v1: ");
    String report = Files.readString(dir.resolve("report.html"));
    assertThat(report)
        .contains(
            "<th>kaixuan v1, scored by kaixuan v1</th>"
                + "<th>kaixuan v1, scored by kaixuan-graded-20 v1</th><th>change, second − first</th>")
        .contains("<tr><td>closed</td>")
        .contains("<tr><td>pay total (yuan)</td>");
    // the same cases: no change in any row but the pay's
    assertThat(report)
        .containsPattern("<tr><td>closed</td><td>[0-9,]+</td><td>[0-9,]+</td>" + "<td>0</td></tr>");
    // at 0.05 cases a grid a day most grid workers score in the lowest tier (factor 0.5): half as
    // much of their base graded, they lose half as much
    assertThat(report)
        .containsPattern(
            "<tr><td>pay total \\(yuan\\)</td><td>[0-9,.]+</td>"
                + "<td>[0-9,.]+</td><td>\\+[0-9,.]+</td></tr>");
    assertThat(dir.resolve("compare-pay.csv")).exists();
  }

  @Test
  void run_badOrSameScoringPolicy_exitCode2NamingTheOption() throws Exception {
    assertThat(small("--compare-scoring", "kaixuan", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains(
            "--compare-scoring must be another scoring policy or version"
                + " than --scoring (both are kaixuan v1)");
    assertThat(small("--scoring", "nope", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains(
            "--scoring must be one of [kaixuan, yangling, l-community,"
                + " beijing-12345] or a scoring policy file, was nope");
    Path bad =
        Files.writeString(
            dir.resolve("bad-scoring.yaml"),
            Files.readString(Path.of("examples/kaixuan-scoring-graded-20.yaml"))
                .replace("share: 0.20", "share: 1.5"));
    assertThat(small("--compare-scoring", bad.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(errors()).contains("pay.graded.share");
    Path typo =
        Files.writeString(
            dir.resolve("typo-scoring.yaml"),
            Files.readString(Path.of("examples/kaixuan-scoring-graded-20.yaml"))
                .replace("grid-manager:", "grid-manger:"));
    assertThat(typo).content().contains("grid-manger:");
    assertThat(small("--scoring", typo.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains("names roles of no staffing template, whose weights would" + " never apply")
        .contains("[grid-manger]");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void run_setupFile_laidOverTheDefaultsOfBothRuns() throws Exception {
    Path setup = noClaims();

    int code =
        small("--setup", setup.toString(), "--compare", "dongcheng", "--out", dir.toString());

    assertThat(code).as(errors()).isZero();
    ObjectMapper json = new ObjectMapper();
    for (String file : List.of("result.json", "compare-result.json")) {
      JsonNode result = json.readTree(dir.resolve(file).toFile());
      assertThat(result.get("selfClaimRate").asDouble()).as(file).isZero();
      assertThat(result.get("result").get("autoAssigned").asLong()).as(file).isPositive();
    }
    assertThat(dir.resolve("report.html"))
        .content()
        .contains("hangzhou-shangcheng, 2024-03-01 + 1 month, setup no-claims<");
    // without it, grid workers claim cases themselves
    assertThat(small("--out", dir.resolve("defaults").toString())).as(errors()).isZero();
    assertThat(
            json.readTree(dir.resolve("defaults/result.json").toFile())
                .get("selfClaimRate")
                .asDouble())
        .isGreaterThan(0.2);
  }

  @Test
  void run_badOrMissingSetupFile_exitCode2ListingEveryViolation() throws Exception {
    Path setup =
        Files.writeString(
            dir.resolve("bad-setup.yaml"),
            """
        behaviour:
          claimShare: 1.5
          gridwork: 2h
        tick: 10s
        """);

    assertThat(small("--setup", setup.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains("invalid simulation setup " + setup + ": 3 violations")
        .contains("behaviour.claimShare: must be between 0 and 1, was 1.5 [simulation.behaviour]")
        .contains("behaviour.gridwork: is not a known field")
        .contains("tick: must be between PT1M and PT24H");
    assertThat(small("--setup", dir.resolve("none.yaml").toString(), "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(errors()).contains("--setup must be a setup file, was ");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void run_compareSetup_theSamePolicyOnTwoDistrictsNamedBySetup() throws Exception {
    Path noClaims = noClaims();

    int code = small("--compare-setup", noClaims.toString(), "--out", dir.toString());

    assertThat(code).as(errors()).isZero();
    // (standard error may hold a library's log line: Main.main quiets it, Main.run does not)
    assertThat(errors())
        .as("--quiet: no progress line of either run")
        .doesNotContainPattern("(?m)^kaixuan");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("kaixuan v1, setup default: ")
        .contains("kaixuan v1, setup no-claims: ");
    assertThat(dir.resolve("report.html"))
        .content()
        .contains(
            "<th>kaixuan v1, setup default</th><th>kaixuan v1, setup no-claims</th>"
                + "<th>change, second − first</th>");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(dir.resolve("result.json").toFile()).get("selfClaimRate").asDouble())
        .isGreaterThan(0.2);
    assertThat(
            json.readTree(dir.resolve("compare-result.json").toFile())
                .get("selfClaimRate")
                .asDouble())
        .isZero();
    // each side's setup written out: the compared one run again alone is the compared run
    assertThat(dir.resolve("setup.yaml")).content().doesNotContain("name:");
    assertThat(dir.resolve("compare-setup.yaml"))
        .content()
        .startsWith("name: no-claims\n")
        .contains("claimShare: 0.0");
    Path again = dir.resolve("again");
    assertThat(
            small(
                "--setup", dir.resolve("compare-setup.yaml").toString(), "--out", again.toString()))
        .as(errors())
        .isZero();
    assertThat(json.readTree(again.resolve("result.json").toFile()).get("result"))
        .isEqualTo(json.readTree(dir.resolve("compare-result.json").toFile()).get("result"));
  }

  @Test
  void run_compareSetupOfTheSameName_exitCode2BeforeSimulating() throws Exception {
    Path one = Files.writeString(dir.resolve("one.yaml"), "name: study\ntick: 5m\n");
    Path other = Files.writeString(dir.resolve("other.yaml"), "name: study\ntick: 10m\n");

    assertThat(
            small(
                "--setup",
                one.toString(),
                "--compare-setup",
                other.toString(),
                "--out",
                dir.toString()))
        .isEqualTo(2);
    assertThat(errors())
        .contains(
            "--compare-setup must be another setup than --setup (both are"
                + " named 'study'): give the compared file its own name");
    assertThat(dir.resolve("report.html")).doesNotExist();

    // before the fix: a file named "default" ran beside the default, both labelled alike
    Path named = Files.writeString(dir.resolve("named.yaml"), "name: default\ntick: 5m\n");
    assertThat(small("--compare-setup", named.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains(
            "--compare-setup must be another setup than the default (both"
                + " are named 'default')");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  /** A setup file in which nobody claims a case: every case is assigned. */
  private Path noClaims() throws java.io.IOException {
    return Files.writeString(dir.resolve("no-claims.yaml"), "behaviour:\n  claimShare: 0\n");
  }

  @Test
  void run_sweepOfPolicies_eachOnTheSameSeedsSideBySide() throws Exception {
    int code =
        small(
            "--sweep",
            "examples/kaixuan-12h.yaml,kaixuan",
            "--replications",
            "2",
            "--out",
            dir.toString());

    assertThat(code).as(errors()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("kaixuan-12h v1: ")
        .contains("sweep kaixuan-12h v1: ")
        .contains("sweep kaixuan v1: ")
        .contains("(mean of 2 seeds)");
    String report = Files.readString(dir.resolve("report.html"));
    assertThat(report)
        .contains("<h2>Sweep over 2 scenarios</h2>")
        .contains("Closure, timeliness and self-claims by scenario")
        .contains("<title>kaixuan-12h v1 closure rate: ")
        .contains("<title>kaixuan v1 median: ")
        .contains("<th>indicator</th><th>kaixuan-12h v1</th><th>kaixuan v1</th>")
        .contains("<th>change from the first</th><th>kaixuan v1</th>");
    List<String> rows = Files.readAllLines(dir.resolve("sweep.csv"));
    assertThat(rows).hasSize(1 + 2 * org.gridgov.simulation.Sweep.indicators().size());
    assertThat(rows.get(0))
        .isEqualTo(
            "indicator,scenario,label,seeds,mean,changeSeeds,changeFromFirst,low,high,significant");
    // the same arrivals under both windows: no change in what was reported
    assertThat(rows)
        .filteredOn(r -> r.startsWith("reported,2,"))
        .singleElement()
        .satisfies(r -> assertThat(r).contains(",0.0,0.0,0.0,false"));
    assertThat(errors()).as("--quiet: no line per run").doesNotContain("runs done");

    assertThat(small("--out", dir.toString())).as(errors()).isZero();
    assertThat(dir.resolve("sweep.csv")).as("no sweep: none left from the last run").doesNotExist();
  }

  @Test
  void run_sweepOfSetups_thePolicyOnEachDistrict() throws Exception {
    Path noClaims = noClaims();
    Path staffed = Files.writeString(dir.resolve("staffed.yaml"), "staffing: {perStreetLine: 8}\n");

    int code = small("--sweep-setups", staffed + "," + noClaims, "--out", dir.toString());

    assertThat(code).as(errors()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("sweep kaixuan v1, setup staffed: ")
        .containsPattern(
            "sweep kaixuan v1, setup no-claims: [0-9.]+ % closed, [0-9.]+ % on"
                + " time, 0.0 % self-claimed \\(mean of 1 seed\\)");
    assertThat(dir.resolve("report.html"))
        .content()
        .contains("hangzhou-shangcheng, 2024-03-01 + 1 month, setup staffed<")
        .doesNotContain("change from the first");
  }

  @Test
  void run_sweepOfOneField_eachValueOverTheSetupsDistrict() throws Exception {
    int code = small("--sweep-field", "behaviour.claimShare=0,.5", "--out", dir.toString());

    assertThat(code).as(errors()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern(
            "sweep kaixuan v1, setup claimShare-0: [0-9.]+ % closed, [0-9.]+ % on"
                + " time, 0.0 % self-claimed")
        .contains("sweep kaixuan v1, setup claimShare-.5: ");
    assertThat(dir.resolve("setup.yaml"))
        .content()
        .startsWith("name: claimShare-0\n")
        .contains("claimShare: 0.0");
    assertThat(dir.resolve("report.html"))
        .content()
        .as("the title names the setup of the first value's run, shown in detail")
        .contains("hangzhou-shangcheng, 2024-03-01 + 1 month, setup claimShare-0<");

    Path staffed = Files.writeString(dir.resolve("staffed.yaml"), "staffing: {perStreetLine: 8}\n");
    assertThat(
            small(
                "--setup",
                staffed.toString(),
                "--sweep-field",
                "tick=5m,15m",
                "--out",
                dir.toString()))
        .as(errors())
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("setup staffed.tick-5m: ")
        .contains("setup staffed.tick-15m: ");
    assertThat(dir.resolve("setup.yaml"))
        .content()
        .contains("perStreetLine: 8")
        .contains("tick: PT5M");
  }

  @Test
  void run_sweepOfOneMapEntry_theOtherEntriesKept() throws Exception {
    Path rates =
        Files.writeString(
            dir.resolve("rates.yaml"),
            "visiting: {perRole: {police-officer: 0.5, judicial-worker: 0}}\n");

    int code =
        small(
            "--setup",
            rates.toString(),
            "--sweep-field",
            "visiting.perRole.judicial-worker=3,0",
            "--out",
            dir.toString());

    assertThat(code).as(errors()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("sweep kaixuan v1, setup rates.perRole.judicial-worker-0: ")
        .contains("sweep kaixuan v1, setup rates.perRole.judicial-worker-3: ");
    // the first value's run, the baseline, writes its setup: the entry set, the other one kept
    assertThat(
            SimulationSetup.fromPath(dir.resolve("setup.yaml"), SimulationConfig.defaults())
                .visiting()
                .perRole())
        .containsEntry(Role.of("police-officer"), 0.5)
        .containsEntry(Role.of("judicial-worker"), 3.0)
        .hasSize(2);

    assertThat(
            small("--sweep-field", "arrivals.sources.HOTLINE_12345=80,40", "--out", dir.toString()))
        .as(errors())
        .isZero();
    assertThat(
            SimulationSetup.fromPath(dir.resolve("setup.yaml"), SimulationConfig.defaults())
                .arrivals()
                .sources())
        .as("the default's other sources kept")
        .containsEntry(Source.HOTLINE_12345, 80.0)
        .hasSameSizeAs(SimulationConfig.defaults().arrivals().sources());
  }

  @Test
  void run_sweepOfOnePolicyField_eachVariantNamedByTheFieldAndValue() throws Exception {
    int code =
        small("--sweep-policy-field", "dispatch.claimWindow=12h,24h", "--out", dir.toString());

    assertThat(code).as(errors()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("kaixuan.claimWindow-12h v1: ")
        .contains("sweep kaixuan.claimWindow-12h v1: ")
        .contains("sweep kaixuan.claimWindow-24h v1: ");
    List<String> rows = Files.readAllLines(dir.resolve("sweep.csv"));
    // the same arrivals under both windows, and the 24 h variant is the preset itself
    assertThat(rows)
        .filteredOn(r -> r.startsWith("reported,"))
        .extracting(r -> r.split(",")[4])
        .hasSize(2)
        .containsOnly("1132.0");
    Path plain = dir.resolve("plain");
    assertThat(small("--out", plain.toString())).as(errors()).isZero();
    double presetClosure =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(plain.resolve("result.json").toFile())
            .get("closureRate")
            .asDouble();
    assertThat(rows)
        .filteredOn(r -> r.startsWith("\"closure rate\",2,"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(Double.parseDouble(r.split(",")[4]))
                    .as("the 24 h variant runs as Kaixuan's preset")
                    .isEqualTo(presetClosure));

    assertThat(
            small(
                "--policy",
                "dongcheng",
                "--sweep-policy-field",
                "escalation.mode=HARD,SOFT",
                "--out",
                dir.toString()))
        .as(errors())
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("sweep dongcheng.mode-HARD v1: ")
        .contains("sweep dongcheng.mode-SOFT v1: ");
  }

  @Test
  void run_badSweepPolicyField_exitCode2NamingTheFieldOrValue() throws Exception {
    assertThat(refused("--sweep-policy-field", "dispatch=6h,12h"))
        .contains(
            "--sweep-policy-field must be FIELD=V1,V2,... with FIELD a policy field such"
                + " as dispatch.claimWindow or escalation.quota.GRID, was dispatch=6h,12h");
    assertThat(refused("--sweep-policy-field", "dispatch.claimWindw=6h,12h"))
        .contains("dispatch.claimWindw: is not a known field");
    assertThat(refused("--sweep-policy-field", "dispatch.claimWindow=6h,-1h"))
        .contains("dispatch.claimWindow: must be a duration")
        .contains("was -1h");
    assertThat(refused("--sweep-policy-field", "escalation.quota.GRID=0.1,2"))
        .contains("escalation.quota.GRID");
    assertThat(
            refused(
                "--sweep-policy-field",
                "dispatch.claimWindow=6h,12h",
                "--sweep-field",
                "tick=5m,15m"))
        .contains(
            "--sweep, --sweep-setups, --sweep-field and"
                + " --sweep-policy-field cannot be combined");
    assertThat(refused("--sweep-policy-field", "dispatch.claimWindow=6h"))
        .contains("--sweep-policy-field must name 2 to 20 values, was 1");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void run_badSweepField_exitCode2NamingTheFieldOrValue() throws Exception {
    assertThat(refused("--sweep-field", "tick"))
        .contains(
            "--sweep-field must be FIELD=V1,V2,..."
                + " with FIELD a setup field such as staffing.perStreetLine or tick, or a map's entry such"
                + " as visiting.perRole.police-officer, was tick");
    assertThat(refused("--sweep-field", "staffing.roleLines.grid.manager=a,b"))
        .contains("--sweep-field must be FIELD=V1,V2,...");
    // a map entry whose value is a list: the setup reader refuses the word by its path
    assertThat(refused("--sweep-field", "staffing.roleLines.grid-manager=community,sanitation"))
        .contains("staffing.roleLines.grid-manager");
    assertThat(refused("--sweep-field", "visiting.perRole.lifeguard=0,1"))
        .contains("visiting.perRole.lifeguard")
        .contains("simulation.visiting");
    assertThat(refused("--sweep-field", "tick.perRole.police-officer=0,1")).contains("tick");
    assertThat(refused("--sweep-field", "tick=5m,[1, 2]"))
        .contains("each value must be one number or word")
        .contains("was '[1'");
    assertThat(refused("--sweep-field", "tick=5m,null")).contains("was 'null'");
    assertThat(refused("--sweep-field", "tick=5m"))
        .contains("--sweep-field must name 2 to 20 values, was 1");
    assertThat(refused("--sweep-field", "staffing.perStreetLin=1,2"))
        .contains("staffing.perStreetLin: is not a known field");
    assertThat(refused("--sweep-field", "staffing.perStreetLine=1,-4"))
        .contains("staffing.perStreetLine: must be between 0 and 999, was -4");
    assertThat(refused("--sweep-field", "tick=5m,15m", "--sweep", "kaixuan,dongcheng"))
        .contains(
            "--sweep, --sweep-setups, --sweep-field and --sweep-policy-field cannot be"
                + " combined");
    assertThat(refused("--sweep-field", "arrivals.perGridPerDay=1,2")) // SMALL sets --rate
        .contains("--rate and --sweep-field arrivals.perGridPerDay cannot be combined");
    assertThat(refused("--sweep-field", "tick=5m,15m", "--compare", "dongcheng"))
        .contains("--sweep-field cannot be combined with --compare");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  /** Standard error of a run of {@code args} that must end with exit code 2. */
  private String refused(String... args) {
    err.reset();
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--out";
    all[args.length + 1] = dir.toString();
    assertThat(small(all)).as(errors()).isEqualTo(2);
    return errors();
  }

  @Test
  void run_badSweep_exitCode2BeforeSimulating() throws Exception {
    assertThat(small("--sweep", "kaixuan", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors()).contains("--sweep must name 2 to 20 values, was 1");
    assertThat(
            small("--sweep", "kaixuan,dongcheng", "--compare", "yangling", "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(errors()).contains("--sweep cannot be combined with --compare");
    assertThat(
            small("--sweep", "kaixuan,dongcheng", "--policy", "yangling", "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(errors()).contains("--sweep replaces --policy");
    assertThat(
            small(
                "--sweep",
                "kaixuan,dongcheng",
                "--sweep-setups",
                "a.yaml,b.yaml",
                "--out",
                dir.toString()))
        .isEqualTo(2);
    assertThat(errors())
        .contains(
            "--sweep, --sweep-setups, --sweep-field and"
                + " --sweep-policy-field cannot be combined");
    Path one = Files.writeString(dir.resolve("one.yaml"), "name: same\ntick: 5m\n");
    Path two = Files.writeString(dir.resolve("two.yaml"), "name: same\ntick: 10m\n");
    err.reset();
    assertThat(smallWithProgress("--sweep-setups", one + "," + two, "--out", dir.toString()))
        .isEqualTo(2);
    assertThat(errors())
        .as("refused before the first run: no progress of it")
        .startsWith("gridgov-simulate: ")
        .contains("scenarios[1] is labelled 'kaixuan v1' as scenarios[0] is");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void run_sweepNamingAValueTwice_exitCode2NamingTheOptionAndValue() throws Exception {
    // before the fix: "[simulation.sweep] scenarios[1] is labelled 'kaixuan v1' as scenarios[0]
    // is: give each ... (SimulationConfig.withSetup)", naming neither the option nor the value
    assertThat(small("--sweep", "kaixuan,dongcheng,kaixuan", "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains("--sweep: each value must be given once, was 'kaixuan' twice")
        .doesNotContain("scenarios[");
    Path setup = Files.writeString(dir.resolve("more.yaml"), "name: more\ntick: 5m\n");
    assertThat(small("--sweep-setups", setup + "," + setup, "--out", dir.toString())).isEqualTo(2);
    assertThat(errors())
        .contains("--sweep-setups: each value must be given once, was '" + setup + "' twice");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  /**
   * A run that fails once under way (here its database holds a view by the name of a table the
   * run's schema creates) exits 1 saying "failed" and why, and leaves the previous report in place,
   * whole.
   */
  /**
   * A run of a set (here a city's district, as a study's replication or a sweep's scenario would
   * be) that fails names itself and its seed after the error, whichever exit code the error gets.
   */
  @Test
  void failed_aRunOfASet_namedWithItsSeed_afterTheErrorOrTheBadInput() {
    StringWriter failure = new StringWriter();
    int failed =
        Main.failed(
            cityFailingWith(new IllegalStateException("no store")), new PrintWriter(failure, true));
    StringWriter badInput = new StringWriter();
    int refused =
        Main.failed(
            cityFailingWith(new IllegalArgumentException("no such store")),
            new PrintWriter(badInput, true));

    assertThat(failed).isEqualTo(1);
    assertThat(failure.toString().lines())
        .hasSize(2)
        .first()
        .isEqualTo("gridgov-simulate: failed: java.lang.IllegalStateException: no store");
    assertThat(failure.toString().lines())
        .last()
        .asString()
        .matches("  in district d1 \\(seed -?[0-9]+\\)");
    assertThat(refused).isEqualTo(2);
    assertThat(badInput.toString().lines())
        .containsExactly(
            "gridgov-simulate: no such store", failure.toString().lines().toList().get(1));
  }

  private static RuntimeException cityFailingWith(RuntimeException failure) {
    try {
      CitySimulation.run(
          Map.of("d1", Divisions.dongcheng()),
          SimulationConfig.defaults(),
          Presets.kaixuan(),
          () -> {
            throw failure;
          },
          1);
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("the district ran without a store");
  }

  @Test
  void run_failingUnderWay_exitCode1_previousReportWhole() throws Exception {
    assertThat(small("--out", dir.toString())).as(errors()).isZero();
    byte[] previous = Files.readAllBytes(dir.resolve("report.html"));
    err.reset();

    int code =
        Main.run(
            "--district",
            "hangzhou-shangcheng",
            "--months",
            "1",
            "--rate",
            "0.05",
            "--quiet",
            "--out",
            dir.toString(),
            "--store",
            "jdbc:h2:mem:main-exit1;INIT=CREATE VIEW"
                + " IF NOT EXISTS gridgov_sim_a_gridgov_event AS SELECT 1 AS x");

    assertThat(code).as(errors()).isEqualTo(1);
    assertThat(errors())
        .startsWith("gridgov-simulate: failed: ")
        .contains("StorageException: the gridgov schema")
        .contains("could not be migrated")
        .contains("\n  caused by: ");
    assertThat(dir.resolve("report.html")).hasBinaryContent(previous);
    assertThat(dir).isDirectoryNotContaining("glob:**/.gridgov-*");
  }
}
