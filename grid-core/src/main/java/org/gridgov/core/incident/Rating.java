package org.gridgov.core.incident;

import org.gridgov.core.InputRules;
import org.gridgov.core.internal.Checks;

/** A resident's rating of the handling: attitude, timeliness and satisfaction, each 1 to 5. */
public record Rating(int attitude, int timeliness, int satisfaction) {
  public static final int MIN = 1;
  public static final int MAX = 5;

  public Rating {
    check("attitude", attitude);
    check("timeliness", timeliness);
    check("satisfaction", satisfaction);
  }

  private static void check(String field, int value) {
    if (value < MIN || value > MAX) {
      throw Checks.invalid(
          "rating", field, InputRules.RANGE, "must be between " + MIN + " and " + MAX, value);
    }
  }
}
