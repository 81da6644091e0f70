package org.gridgov.simulation.cli;

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
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof IllegalArgumentException) { // InvalidInputException, bad config values
        line.getErr().println("gridgov-simulate: " + e.getMessage());
        return 2;
      }
      line.getErr().println("gridgov-simulate: failed: " + e);
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        line.getErr().println("  caused by: " + cause);
      }
      return 1;
    });
    return cli.execute(args);
  }
}
