package org.gridgov.core.line;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.internal.Checks;

/**
 * An immutable registry of lines. The standard one is shipped as {@code standard-lines.csv}. A
 * category is held by at most one line explicitly; {@link #responsibleFor} prefers that line and
 * falls back to the category's default line.
 */
public final class Lines {
  public static final RuleId DUPLICATE_ID = RuleId.of("line.duplicate-id");
  public static final RuleId SHARED_CATEGORY = RuleId.of("line.shared-category");
  public static final RuleId UNKNOWN_DEFAULT_LINE = RuleId.of("line.unknown-default-line");
  public static final RuleId UNKNOWN_CATEGORY = RuleId.of("line.unknown-category");

  /** Lines given as no collection, or a null among them. */
  public static final RuleId MISSING_LINE = RuleId.of("line.missing-line");

  private static final String STANDARD = "standard-lines.csv";
  private static final Lines STANDARD_LINES = loadStandard();

  private final ImmutableSortedMap<LineId, Line> byId;
  private final Map<CategoryCode, Line> explicit;

  private Lines(ImmutableSortedMap<LineId, Line> byId, Map<CategoryCode, Line> explicit) {
    this.byId = byId;
    this.explicit = explicit;
  }

  public static Lines standard() {
    return STANDARD_LINES;
  }

  /**
   * A registry of exactly {@code lines}, for example as read back from storage.
   *
   * @throws InvalidInputException for duplicate ids and categories held twice
   */
  public static Lines of(Collection<Line> lines) {
    return empty().with(lines);
  }

  /** A registry of only the lines in a CSV file ({@code id,name,level,categories}). */
  public static Lines load(Reader reader, String source) {
    return empty().merge(LinesCsv.read(reader, source), source);
  }

  public Optional<Line> find(LineId id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Line require(LineId id) {
    Line line = byId.get(id);
    if (line == null) {
      throw new NoSuchElementException("no line " + id + " in the registry");
    }
    return line;
  }

  public ImmutableList<Line> all() {
    return byId.values().asList();
  }

  /** The line holding {@code category} explicitly, else its default line; empty if unknown. */
  public Optional<Line> responsibleFor(Category category) {
    Line line = explicit.get(category.code());
    return line != null ? Optional.of(line) : find(category.defaultLine());
  }

  /** This registry plus {@code extra}; refuses duplicate ids and categories held twice. */
  public Lines with(Collection<Line> extra) {
    Checks.noNullElements("lines", MISSING_LINE, "lines", extra);
    List<LinesCsv.Entry> entries = new ArrayList<>();
    int i = 0;
    for (Line line : extra) {
      entries.add(new LinesCsv.Entry("lines[" + i++ + "]", line));
    }
    return merge(entries, "lines");
  }

  public Lines with(Reader reader, String source) {
    return merge(LinesCsv.read(reader, source), source);
  }

  /**
   * Every category whose default line is unknown and every explicit category not in the catalogue.
   */
  public ImmutableList<Violation> check(CategoryCatalogue catalogue) {
    List<Violation> violations = new ArrayList<>();
    for (Category category : catalogue.all()) {
      if (!byId.containsKey(category.defaultLine())) {
        violations.add(
            Violation.of(
                "category." + category.code() + ".defaultLine",
                UNKNOWN_DEFAULT_LINE,
                "names no known line",
                category.defaultLine()));
      }
    }
    for (Line line : byId.values()) {
      for (CategoryCode code : line.categories()) {
        if (catalogue.find(code).isEmpty()) {
          violations.add(
              Violation.of(
                  "line." + line.id() + ".categories",
                  UNKNOWN_CATEGORY,
                  "names no known category",
                  code));
        }
      }
    }
    return ImmutableList.copyOf(violations);
  }

  /** Throws {@link InvalidInputException} listing every problem {@link #check} finds. */
  public void validate(CategoryCatalogue catalogue) {
    List<Violation> violations = check(catalogue);
    if (!violations.isEmpty()) {
      throw new InvalidInputException("lines and categories", violations);
    }
  }

  private Lines merge(List<LinesCsv.Entry> entries, String source) {
    TreeMap<LineId, Line> map = new TreeMap<>(byId);
    Map<CategoryCode, Line> held = new HashMap<>(explicit);
    List<Violation> violations = new ArrayList<>();
    for (LinesCsv.Entry entry : entries) {
      Line line = entry.line();
      if (map.putIfAbsent(line.id(), line) != null) {
        violations.add(Violation.of(entry.path(), DUPLICATE_ID, "duplicate line id", line.id()));
        continue;
      }
      for (CategoryCode code : line.categories()) {
        Line other = held.putIfAbsent(code, line);
        if (other != null) {
          violations.add(
              Violation.of(
                  entry.path(),
                  SHARED_CATEGORY,
                  "category already held by line " + other.id(),
                  code));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("lines " + source, violations);
    }
    return new Lines(ImmutableSortedMap.copyOfSorted(map), Map.copyOf(held));
  }

  private static Lines empty() {
    return new Lines(ImmutableSortedMap.of(), Map.of());
  }

  private static Lines loadStandard() {
    try (Reader reader =
        new InputStreamReader(Lines.class.getResourceAsStream(STANDARD), StandardCharsets.UTF_8)) {
      return empty().merge(LinesCsv.read(reader, STANDARD), STANDARD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "Lines" + byId.keySet();
  }
}
