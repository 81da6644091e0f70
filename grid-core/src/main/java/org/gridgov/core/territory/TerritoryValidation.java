package org.gridgov.core.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.IncidentEvent;

/** Checks the rows of a {@link TerritoryBuilder}, every rule on every row. */
final class TerritoryValidation {
  private final CodeScheme scheme;
  private final List<RawArea> rows;
  private final AreaCode[] codes;
  private final int[] parents;
  private final Map<String, Integer> firstRow = new HashMap<>();
  private final List<List<Violation>> found = new ArrayList<>();

  TerritoryValidation(CodeScheme scheme, List<RawArea> rows) {
    this.scheme = scheme;
    this.rows = List.copyOf(rows);
    this.codes = new AreaCode[rows.size()];
    this.parents = new int[rows.size()];
  }

  /** Puts every area into {@code valid} when all rows pass; returns the violations in row order. */
  List<Violation> run(Map<String, Area> valid) {
    for (int i = 0; i < rows.size(); i++) {
      found.add(new ArrayList<>());
      checkOwn(i);
    }
    for (int i = 0; i < rows.size(); i++) {
      checkParent(i);
    }
    checkCycles();
    List<Violation> all = new ArrayList<>();
    found.forEach(all::addAll);
    if (all.isEmpty()) {
      for (int i = 0; i < rows.size(); i++) {
        RawArea row = rows.get(i);
        Optional<AreaCode> parent =
            parents[i] < 0 ? Optional.empty() : Optional.of(codes[parents[i]]);
        valid.put(row.code(), new Area(codes[i], row.name(), parent, row.attributes()));
      }
    }
    return all;
  }

  private void checkOwn(int i) {
    RawArea row = rows.get(i);
    String nameProblem = IncidentEvent.textProblem(row.name());
    if (row.name().isEmpty()) {
      report(i, TerritoryRules.BLANK_NAME, "name must not be blank", row.code());
    } else if (nameProblem != null) { // the text is not shown
      report(i, TerritoryRules.TEXT, "name " + nameProblem, null);
    }
    row.attributes()
        .forEach(
            (key, value) -> {
              if (key == null || value == null) {
                return; // the builder reports these (territory.attribute)
              }
              String keyProblem = IncidentEvent.textProblem(key);
              String valueProblem = IncidentEvent.textProblem(value);
              if (keyProblem != null) {
                report(i, TerritoryRules.TEXT, "an attribute's name " + keyProblem, null);
              } else if (valueProblem != null) {
                report(i, TerritoryRules.TEXT, "attribute " + key + " " + valueProblem, null);
              }
            });
    Level level = level(row.level());
    if (level == null) {
      report(
          i,
          TerritoryRules.UNKNOWN_LEVEL,
          "level must be one of " + List.of(Level.values()),
          row.level());
    }
    if (row.code().isEmpty() || !row.code().chars().allMatch(c -> c >= '0' && c <= '9')) {
      report(i, TerritoryRules.CODE_FORMAT, "code must hold digits only", row.code());
    } else if (level != null) {
      codes[i] = code(i, row.code(), level);
    }
    String kind = row.attributes().get(AreaKind.ATTRIBUTE);
    if (kind != null && AreaKind.parse(kind).isEmpty()) {
      report(
          i,
          TerritoryRules.AREA_KIND,
          AreaKind.ATTRIBUTE + " must be one of " + List.of(AreaKind.values()),
          kind);
    }
    Integer first = firstRow.putIfAbsent(row.code(), i);
    if (first != null) {
      report(
          i,
          TerritoryRules.DUPLICATE_CODE,
          "code " + row.code() + " is already defined at " + rows.get(first).path(),
          row.code());
    }
  }

  private AreaCode code(int i, String value, Level level) {
    if (value.length() != scheme.length(level)) {
      report(
          i,
          TerritoryRules.CODE_LENGTH,
          "a "
              + level
              + " code has "
              + scheme.length(level)
              + " digits under this code scheme, was "
              + value.length(),
          value);
      return null;
    }
    Optional<String> problem = AreaCode.problem(value, level);
    if (problem.isPresent()) {
      report(i, TerritoryRules.CODE_FORMAT, level + " code: " + problem.get(), value);
      return null;
    }
    AreaCode code = AreaCode.of(value, level);
    problem = scheme.problem(code);
    if (problem.isPresent()) {
      report(i, TerritoryRules.CODE_FORMAT, level + " code: " + problem.get(), value);
      return null;
    }
    return code;
  }

  private void checkParent(int i) {
    RawArea row = rows.get(i);
    parents[i] = -1;
    if (firstRow.get(row.code()) != i) {
      return;
    }
    if (!row.hasParent()) {
      checkRoot(i);
      return;
    }
    Integer p = firstRow.get(row.parentCode());
    if (p == null) {
      report(
          i,
          TerritoryRules.UNKNOWN_PARENT,
          "parent " + row.parentCode() + " of " + row.code() + " is not in the territory",
          row.parentCode());
      return;
    }
    parents[i] = p;
    AreaCode child = codes[i];
    AreaCode parent = codes[p];
    if (child == null || parent == null) {
      return;
    }
    Optional<Level> expected = child.level().up();
    if (expected.isEmpty() || parent.level() != expected.get()) {
      report(
          i,
          TerritoryRules.LEVEL_ORDER,
          "the parent of a "
              + child.level()
              + " must be a "
              + expected.map(Level::name).orElse("nothing (a root)")
              + ", "
              + parent
              + " is a "
              + parent.level(),
          row.parentCode());
    } else if (!parent.isPrefixOf(child)) {
      report(
          i,
          TerritoryRules.PARENT_PREFIX,
          "code " + child + " does not start with its parent's code " + parent,
          row.code());
    }
  }

  /**
   * A root (no parent named) is fine unless an area its code nests in is in the territory too, at
   * any rung up: a GRID row whose parent cell was left blank, or a MICRO_GRID row whose grid row is
   * missing too, would otherwise stand apart from its community. One lookup a rung, so a file of
   * many roots stays linear.
   */
  private void checkRoot(int i) {
    AreaCode root = codes[i];
    if (root == null) {
      return;
    }
    for (Optional<Level> up = root.level().up(); up.isPresent(); up = up.get().up()) {
      Integer p = firstRow.get(enclosing(root.value(), up.get()));
      AreaCode other = p == null ? null : codes[p];
      if (other != null && other.level() == up.get() && other.isPrefixOf(root)) {
        report(
            i,
            TerritoryRules.MISSING_PARENT,
            root
                + " names no parent, but the "
                + other.level()
                + " "
                + other
                + " it nests in is in the territory",
            other.value());
        return;
      }
    }
  }

  /** The code at {@code level} that {@code value}, a valid code of a lower level, nests in. */
  private String enclosing(String value, Level level) {
    return switch (level) {
      case PROVINCE -> value.substring(0, 2) + "0000";
      case CITY -> value.substring(0, 4) + "00";
      default -> value.substring(0, scheme.length(level));
    };
  }

  private void checkCycles() {
    int[] state = new int[rows.size()]; // 0 unvisited, 1 on the current path, 2 done
    for (int start = 0; start < rows.size(); start++) {
      List<Integer> path = new ArrayList<>();
      int at = start;
      while (at >= 0 && state[at] == 0) {
        state[at] = 1;
        path.add(at);
        at = parents[at];
      }
      if (at >= 0 && state[at] == 1) {
        List<Integer> cycle = path.subList(path.indexOf(at), path.size());
        StringBuilder chain = new StringBuilder();
        cycle.forEach(c -> chain.append(rows.get(c).code()).append(" -> "));
        chain.append(rows.get(at).code());
        for (int member : cycle) {
          report(
              member,
              TerritoryRules.CYCLE,
              "following parents leads back to " + rows.get(member).code() + ": " + chain,
              rows.get(member).code());
        }
      }
      path.forEach(c -> state[c] = 2);
    }
  }

  private static Level level(String text) {
    try {
      return Level.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void report(int i, org.gridgov.core.RuleId rule, String message, String value) {
    found.get(i).add(Violation.of(rows.get(i).path(), rule, message, value));
  }
}
