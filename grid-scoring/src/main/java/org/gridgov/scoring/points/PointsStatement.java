package org.gridgov.scoring.points;

import org.gridgov.core.people.WorkerId;

/** One worker's points for a period: static (duty work), dynamic (results), total and stars. */
public record PointsStatement(WorkerId worker, long staticPoints, long dynamicPoints, long total, int stars) {
  public PointsStatement {
    if (staticPoints + dynamicPoints != total) {
      throw new IllegalArgumentException("points of " + worker + " do not add up");
    }
  }
}
