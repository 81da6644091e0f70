package org.gridgov.scoring.points;

import org.gridgov.core.people.WorkerId;

/** One worker's points for a period: static (duty work), dynamic (results), total and stars. */
public record PointsStatement(WorkerId worker, long staticPoints, long dynamicPoints, long total, int stars) {
  public PointsStatement {
    long sum;
    try {
      sum = Math.addExact(staticPoints, dynamicPoints);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("points of " + worker + ": " + staticPoints + " + "
          + dynamicPoints + " is out of range", e);
    }
    if (sum != total) {
      throw new IllegalArgumentException("points of " + worker + " do not add up");
    }
  }
}
