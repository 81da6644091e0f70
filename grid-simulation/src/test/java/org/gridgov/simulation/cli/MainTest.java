package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job's command line: exit codes and messages, and the files a run writes. */
class MainTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private PrintStream originalOut;

  @TempDir
  Path dir;

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

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_smallDistrictInMemory_writesReportCsvAndJson() throws Exception {
    int code = Main.run("--district", "hangzhou-shangcheng", "--months", "1", "--rate", "0.05",
        "--store", "memory", "--compare", "dongcheng", "--quiet", "--out", dir.toString());

    assertThat(code).as(errors()).isZero();
    assertThat(dir.resolve("report.html")).content().contains("<svg").contains("kaixuan v1")
        .contains("dongcheng v1").contains("Department load").contains("Pay");
    assertThat(dir.resolve("days.csv")).content().startsWith("day,reported,closed");
    assertThat(dir.resolve("compare-result.json")).exists();
    assertThat(Files.readString(dir.resolve("result.json"))).contains("\"closureRate\"");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("kaixuan v1:").contains("reported");
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
  void run_badPolicyFile_exitCode2ListingEveryViolation() throws Exception {
    Path policy = dir.resolve("bad.yaml");
    Files.writeString(policy, """
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
    assertThat(errors()).contains("escalation.quota.STREET: must be between 0 and 1, was 1.5")
        .contains("dispatch.claimWindow");
  }

  @Test
  void run_missingPolicyFileOrDistrict_exitCode2() {
    assertThat(Main.run("--policy", dir.resolve("none.yaml").toString())).isEqualTo(2);
    assertThat(errors()).contains("--policy must be kaixuan, dongcheng, yangling or a policy file");
    assertThat(Main.run("--district", "atlantis")).isEqualTo(2);
    assertThat(errors()).contains("--district must be one of [beijing-dongcheng, hangzhou-shangcheng]");
  }
}
