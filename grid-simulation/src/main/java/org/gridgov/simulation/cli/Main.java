package org.gridgov.simulation.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.gridgov.simulation.RunFailed;
import picocli.CommandLine;

/** {@code java -jar gridgov-simulate.jar --help}. */
public final class Main {
  /** Held so the level set below is not lost when the logger is collected. */
  private static final java.util.logging.Logger VALIDATOR_LOG =
      java.util.logging.Logger.getLogger("org.hibernate.validator");

  private Main() {}

  public static void main(String[] args) {
    // Hibernate Validator announces its version at INFO through java.util.logging
    VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args));
  }

  /** Runs the command and returns its exit code: 0 done, 2 bad options or policy file, 1 failed. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new SimulateCommand());
    cli.registerConverter(LocalDate.class, Main::date);
    cli.setParameterExceptionHandler(Main::badOption);
    cli.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line.getErr()));
    return cli.execute(args);
  }

  /**
   * A bad option: its message and where the options are listed, exit code 2; not the whole usage,
   * whose 80 lines would scroll the one that matters out of sight.
   */
  private static int badOption(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("gridgov-simulate: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try 'gridgov-simulate --help' for the options.");
    err.flush();
    return 2;
  }

  /** A date option's value, refused in the words of the other options, not the parser's. */
  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a date such as 2024-03-01 (year-month-day)");
    }
  }

  /**
   * Tells {@code err} why the command failed and returns the exit code: 2 for bad input ({@code
   * InvalidInputException}, bad config values), with its message; 1 for anything else, with its
   * causes. Either way it then names the run of a study or a sweep that threw it, when there is one
   * (a replication's seed, a sweep's scenario: {@link RunFailed}).
   */
  static int failed(Exception e, PrintWriter err) {
    int code;
    if (e instanceof IllegalArgumentException) {
      err.println("gridgov-simulate: " + e.getMessage());
      code = 2;
    } else {
      err.println("gridgov-simulate: failed: " + e);
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        err.println("  caused by: " + cause);
      }
      code = 1;
    }
    for (Throwable suppressed : e.getSuppressed()) {
      if (suppressed instanceof RunFailed run) {
        err.println("  in " + run.run());
      }
    }
    return code;
  }
}
