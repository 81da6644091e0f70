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

  /**
   * Written out rather than left to the record: ids are the keys of every hot map, and the
   * generated method-handle versions showed in the dispatch loop's profile.
   */
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof WorkerId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
