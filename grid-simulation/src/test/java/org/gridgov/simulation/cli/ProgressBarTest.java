package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The progress bar: redrawn on a terminal, a line a tenth in a log. */
class ProgressBarTest {
  private static final Instant START = Instant.parse("2024-02-29T16:00:00Z"); // 1 March, Beijing
  private static final Instant END = START.plus(Duration.ofDays(30));

  /** Updates every six simulated hours and at the end, as a run gives them. */
  private static String run(boolean redraw, ZoneId zone) {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), "kaixuan", zone, redraw);
    long reported = 0;
    for (Instant at = START; at.isBefore(END); at = at.plus(Duration.ofHours(6))) {
      bar.update(at, START, END, reported);
      reported += 50;
    }
    bar.update(END, START, END, reported);
    return text.toString();
  }

  @Test
  void notATerminal_writesOneLineAtEachTenthAndNoCarriageReturn() {
    String log = run(false, ZoneId.of("Asia/Shanghai"));

    assertThat(log).doesNotContain("\r");
    assertThat(log.lines()).hasSize(11);
    assertThat(log.lines().findFirst()).hasValue("kaixuan   0 %  2024-03-01  0 cases");
    assertThat(log.lines().skip(5).findFirst()).hasValue("kaixuan  50 %  2024-03-16  3,000 cases");
    // the run's last day (30 days from 1 March), not the midnight after it, as before the fix
    assertThat(log).endsWith("kaixuan 100 %  2024-03-30  6,000 cases" + System.lineSeparator());
  }

  @Test
  void terminal_redrawsOneLineAndEndsIt() {
    String screen = run(true, ZoneId.of("Asia/Shanghai"));

    assertThat(screen.split("\n", -1)).as("one line, ended once").hasSize(2);
    assertThat(screen.split("\r", -1)).hasSize(122); // an empty head, then 121 redraws
    assertThat(screen)
        .contains("\rkaixuan    [###############               ]  50 %  2024-03-16")
        .endsWith(
            "[##############################] 100 %  2024-03-30  6,000 cases"
                + System.lineSeparator());
  }

  @Test
  void dates_areTheRunsOwnZone() {
    assertThat(run(false, ZoneOffset.UTC).lines().findFirst())
        .hasValue("kaixuan   0 %  2024-02-29  0 cases");
  }

  @Test
  void update_eachLineShownAtOnce_notLeftInABuffer() {
    // standard error wrapped in a buffer, as a PrintWriter over an OutputStreamWriter is
    for (boolean redraw : new boolean[] {false, true}) {
      StringWriter text = new StringWriter();
      ProgressBar bar =
          new ProgressBar(
              new PrintWriter(new java.io.BufferedWriter(text)), "kaixuan", ZoneOffset.UTC, redraw);

      bar.update(START, START, END, 0);

      assertThat(text.toString()).as("redraw %s", redraw).contains("kaixuan").contains("0 %");
    }
  }

  @Test
  void interactive_standardErrorNotATerminal_false() {
    // the tests' standard error is a pipe to the build tool, as a log file's or a CI job's is
    assertThat(ProgressBar.interactive()).isFalse();
  }
}
