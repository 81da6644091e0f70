package org.gridgov.simulation.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.gridgov.simulation.Progress;

/**
 * Progress on standard error: on a terminal, one line redrawn as simulated time passes; otherwise
 * (a log file, a CI job) a plain line at every tenth of the run, so a log is not one long line of
 * carriage returns.
 */
final class ProgressBar implements Progress {
  private static final int WIDTH = 30;
  private static final int STEPS = 10;
  private final PrintWriter err;
  private final String label;
  private final ZoneId zone;
  private final boolean redraw;

  /** The last tenth written as a line, when not redrawing. */
  private int lastStep = -1;

  ProgressBar(PrintWriter err, String label, ZoneId zone, boolean redraw) {
    this.err = err;
    this.label = label;
    this.zone = zone;
    this.redraw = redraw;
  }

  /** Whether standard error is likely a terminal that a carriage return redraws. */
  @SuppressWarnings("SystemConsoleNull") // both: null up to Java 21, isTerminal from Java 22
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false; // Java 17 to 21: no console when the streams are redirected
    }
    try { // Java 22 and later always give a console and tell whether it is a terminal
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException noSuchMethod) {
      return true;
    }
  }

  @Override
  public void update(Instant now, Instant start, Instant end, long reported) {
    double done =
        Math.min(
            1,
            (double) Duration.between(start, now).toSeconds()
                / Math.max(1, Duration.between(start, end).toSeconds()));
    boolean finished = !now.isBefore(end);
    // the day the clock is on; once finished, the run's last day, not the midnight after it
    LocalDate day = LocalDate.ofInstant(finished ? end.minusNanos(1) : now, zone);
    if (redraw) {
      int filled = (int) Math.round(done * WIDTH);
      err.printf(
          Locale.ROOT,
          "\r%-10s [%s%s] %3.0f %%  %s  %,d cases",
          label,
          "#".repeat(filled),
          " ".repeat(WIDTH - filled),
          done * 100,
          day,
          reported);
      if (finished) {
        err.println();
      }
    } else {
      int step = finished ? STEPS : (int) Math.floor(done * STEPS);
      if (step == lastStep) {
        return;
      }
      lastStep = step;
      err.printf(
          Locale.ROOT, "%s %3d %%  %s  %,d cases%n", label, step * 100 / STEPS, day, reported);
    }
    err.flush();
  }
}
