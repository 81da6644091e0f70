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
public final class IncidentId implements Comparable<IncidentId>, java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Characters of the value that {@link #order} holds, seven bits each (tokens are ASCII). */
  private static final int ORDER_CHARS = 9;

  private final String value;
  private final int hash;

  /**
   * The value's first {@value #ORDER_CHARS} characters, seven bits each, a missing one as 0: two
   * ids whose orders differ compare as them without reading their strings (a timer heap breaks ties
   * between cases due at the same instant, cases nobody touched for days, by their ids).
   */
  private final long order;

  public IncidentId(String value) {
    this.value = Ids.token("incident id", value);
    this.hash = value.hashCode();
    long packed = 0;
    for (int i = 0; i < ORDER_CHARS; i++) {
      packed = packed << 7 | (i < value.length() ? value.charAt(i) : 0);
    }
    this.order = packed;
  }

  public static IncidentId of(String value) {
    return new IncidentId(value);
  }

  /** A deserialized id is checked and its hash and order computed as when it is built. */
  private Object readResolve() {
    return new IncidentId(value);
  }

  public String value() {
    return value;
  }

  @Override
  public int compareTo(IncidentId other) {
    // a token's characters are below 128 and never 0, so the first nine decide as the strings do
    // wherever they differ; with the same nine, the strings decide
    return order != other.order ? Long.compare(order, other.order) : value.compareTo(other.value);
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
