package org.gridgov.simulation.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.gridgov.simulation.Progress;

/** A one-line progress bar on standard error, redrawn as simulated time passes. */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final String label;

  ProgressBar(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
  }

  @Override
  public void update(Instant now, Instant start, Instant end, long reported) {
    double done = (double) Duration.between(start, now).toSeconds()
        / Math.max(1, Duration.between(start, end).toSeconds());
    int filled = (int) Math.round(done * WIDTH);
    err.printf(Locale.ROOT, "\r%-10s [%s%s] %3.0f %%  %s  %,d cases", label, "#".repeat(filled),
        " ".repeat(WIDTH - filled), done * 100, LocalDate.ofInstant(now, ZoneOffset.ofHours(8)),
        reported);
    if (!now.isBefore(end)) {
      err.println();
    }
    err.flush();
  }
}
