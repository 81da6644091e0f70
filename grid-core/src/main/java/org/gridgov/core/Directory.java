package org.gridgov.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.line.Lines;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.territory.Territory;

/**
 * Everything the rules look up: the territory, the people, the lines (departments) and the
 * categories, checked against each other. Immutable; build a new one to change anything.
 */
public record Directory(
    Territory territory, Roster roster, Lines lines, CategoryCatalogue catalogue) {
  public static final RuleId UNKNOWN_LINE = RuleId.of("directory.unknown-line");

  /**
   * Builds a directory after checking every cross reference: workers' grids and units exist in the
   * territory, workers' lines exist, every category's default line exists and every line's
   * categories exist.
   *
   * @throws InvalidInputException listing every broken reference; nothing is built
   */
  public Directory {
    Objects.requireNonNull(territory, "territory");
    Objects.requireNonNull(roster, "roster");
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(catalogue, "catalogue");
    List<Violation> violations = new ArrayList<>(roster.validateAgainst(territory));
    violations.addAll(lines.check(catalogue));
    for (Worker worker : roster.workers()) {
      worker.lines().stream()
          .filter(line -> lines.find(line).isEmpty())
          .forEach(
              line ->
                  violations.add(
                      Violation.of(
                          "workers." + worker.id() + ".lines",
                          UNKNOWN_LINE,
                          "names no known line",
                          line)));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("directory", violations);
    }
  }

  /** A directory with the standard lines and category catalogue. */
  public static Directory of(Territory territory, Roster roster) {
    return new Directory(territory, roster, Lines.standard(), CategoryCatalogue.standard());
  }

  /**
   * Whether {@code other} holds the same content: code scheme, areas, workers, lines and
   * categories, each in the same order (a stored copy of this directory does; the components
   * compare by identity otherwise, as {@link #equals} does).
   */
  @SuppressWarnings("ReferenceEquality") // the same object first: nothing to compare
  public boolean sameContent(Directory other) {
    return other == this
        || other != null
            && territory.scheme().equals(other.territory.scheme())
            && territory.areas().equals(other.territory.areas())
            && roster.workers().equals(other.roster.workers())
            && lines.all().equals(other.lines.all())
            && catalogue.all().equals(other.catalogue.all());
  }

  public Directory withRoster(Roster newRoster) {
    return new Directory(territory, newRoster, lines, catalogue);
  }

  public Directory withTerritory(Territory newTerritory) {
    return new Directory(newTerritory, roster, lines, catalogue);
  }
}
