package org.gridgov.core.spi;

import java.util.Objects;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.internal.Checks;

/** A stored value with the revision it was saved under (1 for the first save). */
public record Revision<T>(T value, long revision) {
  /**
   * @throws NullPointerException naming a null {@code value}
   * @throws InvalidInputException about the {@code stored revision} at {@code revision} ({@code
   *     input.range}) when it is below 1
   */
  public Revision {
    Objects.requireNonNull(value, "value");
    if (revision < 1) {
      throw Checks.invalid(
          "stored revision", "revision", InputRules.RANGE, "must be at least 1", revision);
    }
  }
}
