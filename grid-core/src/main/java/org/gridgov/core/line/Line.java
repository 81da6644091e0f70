package org.gridgov.core.line;

import com.google.common.collect.ImmutableSet;
import org.gridgov.core.RuleId;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.territory.Level;

/**
 * A line (条线): a department that handles categories of problems, working at one level. {@code
 * categories} are the categories it holds explicitly; when empty it holds those whose default line
 * is this line (see {@link Lines#responsibleFor}); they iterate in code order, whatever order they
 * were given in.
 */
public record Line(LineId id, String name, Level level, ImmutableSet<CategoryCode> categories) {
  public static final RuleId ID = RuleId.of("line.id");
  public static final RuleId NAME = RuleId.of("line.name");
  public static final RuleId LEVEL = RuleId.of("line.level");

  public Line {
    Checks.notNull(ID, "id", id);
    Checks.storableText(NAME, "name", name);
    Checks.notNull(LEVEL, "level", level);
    // Sorted: a HashSet's or Set.of's hash order may change from one run to the next.
    categories =
        ImmutableSet.copyOf(
            Checks.noNulls(ID, "categories", categories).stream().sorted().toList());
  }

  public static Line of(LineId id, String name, Level level) {
    return new Line(id, name, level, ImmutableSet.of());
  }
}
