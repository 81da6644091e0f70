package org.gridgov.open311;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading a server's parameter map, where a Java map may hold a null list for a name or a null
 * among its values: both read as not given, as a blank value does.
 */
final class Parameters {
  private Parameters() {}

  /** The values given for {@code name}, as given, less nulls and blanks; empty when none. */
  static List<String> given(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(Objects::nonNull).filter(v -> !v.isBlank()).toList();
  }
}
