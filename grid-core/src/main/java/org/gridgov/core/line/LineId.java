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
}
