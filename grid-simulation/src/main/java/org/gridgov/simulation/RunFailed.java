package org.gridgov.simulation;

/**
 * Which run of a set (a city's district, a study's replication, a sweep's scenario on one seed)
 * threw the unchecked exception that carries this among its {@linkplain Throwable#getSuppressed()
 * suppressed} ones: the exception keeps its own type and message for the caller, and this names the
 * run, its seed included, so that it can be run again alone ("replication 3 (seed …) of B,
 * kaixuan-12h v1 failed"). A checked failure is wrapped instead, in an {@link
 * IllegalStateException} with the same message.
 */
public final class RunFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String run;

  RunFailed(String run) {
    super(run + " failed", null, false, false); // no stack: the run's own exception has it
    this.run = run;
  }

  /**
   * The run, as the set labels it ("district d1 (seed …)", "scenario 2 (kaixuan-12h v1) on seed
   * 42").
   */
  public String run() {
    return run;
  }
}
