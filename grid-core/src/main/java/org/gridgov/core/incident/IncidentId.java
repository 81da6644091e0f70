package org.gridgov.core.incident;

import org.gridgov.core.internal.Ids;

/**
 * An incident's id inside gridgov: a token ({@link Ids#isToken}), compared by its value.
 *
 * <p>A final class rather than a record so that it keeps its hash: ids are the keys of every hot
 * map (the stores' entries, the scorer's tracks, a simulation's counters), and a record's hash
 * reads the value's {@code String} each time, a second object to fetch for every lookup of a case
 * nobody touched for a while.
 */
public final class IncidentId implements Comparable<IncidentId> {
  private final String value;
  private final int hash;

  public IncidentId(String value) {
    this.value = Ids.token("incident id", value);
    this.hash = value.hashCode();
  }

  public static IncidentId of(String value) {
    return new IncidentId(value);
  }

  public String value() {
    return value;
  }

  @Override
  public int compareTo(IncidentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof IncidentId that && hash == that.hash && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
