package org.gridgov.core.territory;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;

/**
 * Collects raw area rows (from files, code or another territory) and {@link #build() builds} a
 * {@link Territory} only when every row is valid. Rows are not checked as they arrive: {@code
 * build()} checks them all and throws one {@link InvalidInputException} listing every bad row by
 * {@code source:line} and {@link TerritoryRules rule}. Not thread-safe; use once.
 */
public final class TerritoryBuilder {
  private final CodeScheme scheme;
  private final List<RawArea> rows = new ArrayList<>();
  private final List<Violation> fileProblems = new ArrayList<>();

  TerritoryBuilder(CodeScheme scheme) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
  }

  /**
   * Adds one raw row. {@code level} is a {@link Level} name; {@code parentCode} is blank for a
   * root; {@code source} and {@code line} (1-based) locate the row in violations.
   */
  public TerritoryBuilder add(
      String code,
      String name,
      String level,
      String parentCode,
      Map<String, String> attributes,
      String source,
      int line) {
    rows.add(
        new RawArea(
            code, name, level, parentCode, attributes(attributes, source, line), source, line));
    return this;
  }

  /**
   * {@code attributes} without the entries {@link TerritoryRules#ATTRIBUTE} refuses (a null map, a
   * blank name, a null or blank value, as {@link Territory#withAttribute} refuses them: an area
   * without a value leaves the attribute out, as a CSV row's empty cell does), each refused one
   * listed as a violation of the row.
   */
  private ImmutableMap<String, String> attributes(
      Map<String, String> attributes, String source, int line) {
    String path = RawArea.path(source, line);
    if (attributes == null) {
      fileProblems.add(
          Violation.of(
              path,
              TerritoryRules.ATTRIBUTE,
              "attributes must not be null (use an empty map)",
              null));
      return ImmutableMap.of();
    }
    ImmutableMap.Builder<String, String> kept = ImmutableMap.builder();
    attributes.forEach(
        (key, value) -> {
          if (key == null || key.isBlank()) {
            fileProblems.add(
                Violation.of(
                    path, TerritoryRules.ATTRIBUTE, "attribute names must not be blank", key));
          } else if (value == null || value.isBlank()) {
            fileProblems.add(
                Violation.of(
                    path,
                    TerritoryRules.ATTRIBUTE,
                    "attribute " + key + " must not be blank (leave it out instead)",
                    value));
          } else {
            kept.put(key, value);
          }
        });
    return kept.buildOrThrow();
  }

  /** Adds an area built in code; {@code source} locates it in violations. */
  public TerritoryBuilder add(Area area, String source) {
    rows.add(
        new RawArea(
            area.code().value(),
            area.name(),
            area.level().name(),
            area.parent().map(AreaCode::value).orElse(""),
            area.attributes(),
            source,
            0));
    return this;
  }

  /** Adds every area of {@code territory}, for example to put grids below a loaded district. */
  public TerritoryBuilder addAll(Territory territory) {
    territory.areas().forEach(area -> add(area, "territory[" + area.code() + "]"));
    return this;
  }

  /** Adds the rows of a territory file (see {@code README.md}, "Territory files"). */
  public TerritoryBuilder addCsv(Reader reader, String sourceName) {
    TerritoryCsv.read(reader, sourceName, rows::add, fileProblems);
    return this;
  }

  /** Adds the rows of a UTF-8 territory file; violations name the file by its file name. */
  public TerritoryBuilder addCsv(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return addCsv(reader, file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read territory file " + file, e);
    }
  }

  /**
   * Validates every row and builds the territory.
   *
   * @throws InvalidInputException listing every violation; nothing is built
   */
  public Territory build() {
    List<Violation> violations = new ArrayList<>(fileProblems);
    Map<String, Area> valid = new LinkedHashMap<>();
    violations.addAll(new TerritoryValidation(scheme, rows).run(valid));
    if (!violations.isEmpty()) {
      throw new InvalidInputException("territory", violations);
    }
    return new Territory(scheme, valid.values());
  }
}
