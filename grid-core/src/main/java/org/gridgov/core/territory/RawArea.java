package org.gridgov.core.territory;

import com.google.common.collect.ImmutableMap;

/** One unvalidated row given to a {@link TerritoryBuilder}, with where it came from. */
record RawArea(
    String code,
    String name,
    String level,
    String parentCode,
    ImmutableMap<String, String> attributes,
    String source,
    int line) {

  RawArea {
    code = trim(code);
    name = name == null ? "" : name.strip();
    level = trim(level);
    parentCode = trim(parentCode);
  }

  /** {@code source:line}, the violation path of this row. */
  String path() {
    return path(source, line);
  }

  /** {@code source:line}, or {@code source} alone for a row not read from a file (line 0). */
  static String path(String source, int line) {
    return line > 0 ? source + ":" + line : source;
  }

  boolean hasParent() {
    return !parentCode.isEmpty();
  }

  private static String trim(String text) {
    return text == null ? "" : text.strip();
  }
}
