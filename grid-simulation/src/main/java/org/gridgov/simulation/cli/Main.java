package org.gridgov.simulation.cli;

import picocli.CommandLine;

/** {@code java -jar gridgov-simulate.jar --help}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
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
      return 1;
    });
    return cli.execute(args);
  }
}
