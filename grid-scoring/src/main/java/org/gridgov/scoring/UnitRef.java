package org.gridgov.scoring;

import java.util.Comparator;
import java.util.Objects;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * One unit that indicators are attributed to: a kind and an id (a worker id, an area code or a line
 * id). Ordered by kind, then id, which is the tie-break order of every ranking.
 *
 * <p>Construction throws {@link InvalidInputException} at {@code id} ({@link InputRules#REQUIRED})
 * when it is null or blank.
 */
public record UnitRef(UnitKind kind, String id) implements Comparable<UnitRef> {
  private static final Comparator<UnitRef> ORDER =
      Comparator.comparing(UnitRef::kind).thenComparing(UnitRef::id);

  public UnitRef {
    Objects.requireNonNull(kind, "kind");
    if (id == null || id.isBlank()) {
      throw new InvalidInputException(
          "unit " + kind, Violation.of("id", InputRules.REQUIRED, "must not be blank", id));
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

  /**
   * The unit kind of an area level: GRID, COMMUNITY or STREET.
   *
   * @throws InvalidInputException at {@code level} ({@link InputRules#RANGE}) for another level
   */
  public static UnitKind kindOf(Level level) {
    return switch (Objects.requireNonNull(level, "level")) {
      case GRID -> UnitKind.GRID;
      case COMMUNITY -> UnitKind.COMMUNITY;
      case STREET -> UnitKind.STREET;
      default ->
          throw new InvalidInputException(
              "unit kind",
              Violation.of("level", InputRules.RANGE, "must be GRID, COMMUNITY or STREET", level));
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
