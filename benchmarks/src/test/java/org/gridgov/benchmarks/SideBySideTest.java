package org.gridgov.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SideBySideTest {

  @Test
  void warmMedian_leavesTheColdRoundOut() {
    assertThat(SideBySide.warmMedian(new double[] {30, 4, 6, 5})).isEqualTo(5);
    assertThat(SideBySide.warmMedian(new double[] {30, 6, 4})).isEqualTo(5);
  }

  @Test
  void badOptions_exitTwoNamingTheOptionAndRule(@TempDir Path dir) throws Exception {
    Path jar = Files.createFile(dir.resolve("a.jar"));

    assertThat(run("--rounds", "1", jar.toString(), jar.toString()))
        .startsWith("2: --rounds must be at least 2 (the first is cold), was 1");
    assertThat(run("--days", "0", jar.toString(), jar.toString()))
        .startsWith("2: --days must be at least 1, was 0");
    assertThat(run("--rate", "-1", jar.toString(), jar.toString()))
        .startsWith("2: --rate must be positive, was -1.0");
    assertThat(run(jar.toString(), dir.resolve("missing.jar").toString()))
        .startsWith("2: JAR no such file: " + dir.resolve("missing.jar"));
    assertThat(run(jar.toString()))
        .startsWith("2: positional parameter at index 0..* (JAR)" + " requires at least 2 values");
    assertThat(run(jar.toString(), jar.toString()))
        .startsWith(
            "2: JAR "
                + jar
                + " holds no gridgov simulation with this API: java.lang.ClassNotFoundException");
  }

  /** The exit code, a colon and what the command wrote to its error stream. */
  private static String run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new SideBySide()).setErr(new PrintWriter(err));
    int code = command.execute(args);
    return code + ": " + err;
  }
}
