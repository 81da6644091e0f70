package org.gridgov.benchmarks;

import org.gridgov.core.people.Worker;

/**
 * A candidate worker as a rule-engine fact: the worker, their open cases and whether they are
 * absent at the decision's instant. JavaBean getters, as Drools reads properties through them.
 */
public final class CandidateFact {
  private final Worker worker;
  private final String id;
  private final int openCases;
  private final boolean absent;

  public CandidateFact(Worker worker, int openCases, boolean absent) {
    this.worker = worker;
    this.id = worker.id().value();
    this.openCases = openCases;
    this.absent = absent;
  }

  public Worker getWorker() {
    return worker;
  }

  /** The worker id's text; ordered as {@code WorkerId} is. */
  public String getId() {
    return id;
  }

  public int getOpenCases() {
    return openCases;
  }

  public boolean isAbsent() {
    return absent;
  }

  @Override
  public String toString() {
    return "Candidate[" + id + ", open " + openCases + (absent ? ", absent]" : "]");
  }
}
