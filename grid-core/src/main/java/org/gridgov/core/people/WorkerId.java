package org.gridgov.core.people;

import org.gridgov.core.internal.Ids;

/** A worker's stable id (a staff number, never a name or phone number). */
public record WorkerId(String value) implements Comparable<WorkerId> {
  public WorkerId {
    Ids.token("worker id", value);
  }

  public static WorkerId of(String value) {
    return new WorkerId(value);
  }

  @Override
  public int compareTo(WorkerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
