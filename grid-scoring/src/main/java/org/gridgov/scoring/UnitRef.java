package org.gridgov.scoring;

import java.util.Comparator;
import java.util.Objects;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * One unit that indicators are attributed to: a kind and an id (a worker id, an area code or a
 * line id). Ordered by kind, then id, which is the tie-break order of every ranking.
 */
public record UnitRef(UnitKind kind, String id) implements Comparable<UnitRef> {
  private static final Comparator<UnitRef> ORDER =
      Comparator.comparing(UnitRef::kind).thenComparing(UnitRef::id);

  public UnitRef {
    Objects.requireNonNull(kind, "kind");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("unit id must not be blank");
    }
  }

  public static UnitRef worker(WorkerId worker) {
    return new UnitRef(UnitKind.WORKER, Objects.requireNonNull(worker, "worker").value());
  }

  public static UnitRef line(LineId line) {
    return new UnitRef(UnitKind.LINE, Objects.requireNonNull(line, "line").value());
  }

  /** The unit of a GRID, COMMUNITY or STREET code. */
  public static UnitRef area(AreaCode area) {
    Objects.requireNonNull(area, "area");
    return new UnitRef(kindOf(area.level()), area.value());
  }

  /** The unit kind of an area level: GRID, COMMUNITY or STREET. */
  public static UnitKind kindOf(Level level) {
    return switch (Objects.requireNonNull(level, "level")) {
      case GRID -> UnitKind.GRID;
      case COMMUNITY -> UnitKind.COMMUNITY;
      case STREET -> UnitKind.STREET;
      default -> throw new IllegalArgumentException(
          "units are GRID, COMMUNITY or STREET areas, not " + level);
    };
  }

  @Override
  public int compareTo(UnitRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
  }
}
