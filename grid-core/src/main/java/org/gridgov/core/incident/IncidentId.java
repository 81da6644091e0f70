package org.gridgov.core.incident;

import org.gridgov.core.internal.Ids;

/** An incident's id inside gridgov. */
public record IncidentId(String value) implements Comparable<IncidentId> {
  public IncidentId {
    Ids.token("incident id", value);
  }

  public static IncidentId of(String value) {
    return new IncidentId(value);
  }

  @Override
  public int compareTo(IncidentId other) {
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
    return this == other || other instanceof IncidentId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
