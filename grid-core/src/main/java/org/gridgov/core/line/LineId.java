package org.gridgov.core.line;

import org.gridgov.core.internal.Ids;

/** The id of a line (条线): a department responsible for categories of problems. */
public record LineId(String value) implements Comparable<LineId> {
  public LineId {
    Ids.token("line id", value);
  }

  public static LineId of(String value) {
    return new LineId(value);
  }

  @Override
  public int compareTo(LineId other) {
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
    return this == other || other instanceof LineId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
