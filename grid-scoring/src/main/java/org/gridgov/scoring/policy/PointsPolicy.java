package org.gridgov.scoring.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import org.gridgov.scoring.indicator.Counter;

/**
 * Points (L community's 积分): static points for duty work ({@code staticPoints}, keyed {@code visit}
 * or a duty name, per visit or check record) and dynamic points for results ({@code dynamicPoints},
 * per unit of a worker's {@link Counter}), with star levels by total points.
 */
public record PointsPolicy(
    ImmutableMap<String, Long> staticPoints,
    ImmutableMap<Counter, Long> dynamicPoints,
    ImmutableList<StarLevel> stars) {
  public static final String VISIT = "visit";

  /**
   * The most points one unit of work may earn, static or dynamic: 1,000,000. With it a worker's
   * month stays far inside a {@code long} for any plausible number of visits, records and counts.
   */
  public static final long MAX_POINTS = 1_000_000;

  public PointsPolicy {
    staticPoints = ImmutableMap.copyOf(staticPoints);
    dynamicPoints = ImmutableMap.copyOf(dynamicPoints);
    stars = ImmutableList.copyOf(stars);
  }

  /** The stars earned with {@code points}: the highest level reached, 0 below the first. */
  public int starsFor(long points) {
    int stars = 0;
    for (StarLevel level : this.stars) {
      if (points >= level.minPoints()) {
        stars = level.stars();
      }
    }
    return stars;
  }
}
