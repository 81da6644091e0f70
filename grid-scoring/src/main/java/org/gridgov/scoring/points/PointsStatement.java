package org.gridgov.scoring.points;

import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.people.WorkerId;

/**
 * One worker's points for a period: static (duty work), dynamic (results), total and stars.
 *
 * <p>Construction throws {@link InvalidInputException} at {@code total} when it is not {@code
 * staticPoints + dynamicPoints} ({@link InputRules#RANGE}), or that sum is beyond a {@code long}
 * ({@link PointsRules#OVERFLOW}).
 */
public record PointsStatement(
    WorkerId worker, long staticPoints, long dynamicPoints, long total, int stars) {
  public PointsStatement {
    long sum;
    try {
      sum = Math.addExact(staticPoints, dynamicPoints);
    } catch (ArithmeticException e) {
      throw refused(
          worker,
          Violation.of(
              "total",
              PointsRules.OVERFLOW,
              "staticPoints "
                  + staticPoints
                  + " + dynamicPoints "
                  + dynamicPoints
                  + " is beyond a long",
              total));
    }
    if (sum != total) {
      throw refused(
          worker,
          Violation.of(
              "total",
              InputRules.RANGE,
              "must be staticPoints "
                  + staticPoints
                  + " + dynamicPoints "
                  + dynamicPoints
                  + " = "
                  + sum,
              total));
    }
  }

  private static InvalidInputException refused(WorkerId worker, Violation violation) {
    return new InvalidInputException("points statement of worker " + worker, violation);
  }
}
