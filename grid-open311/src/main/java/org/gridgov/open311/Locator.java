package org.gridgov.open311;

import java.util.Optional;
import org.gridgov.core.territory.AreaCode;

/**
 * Finds the grid a WGS84 point lies in, for reports posted with {@code lat} and {@code long}
 * instead of an {@code address_id}. gridgov holds no grid boundaries, so a deployment that has them
 * (a GIS service, a PostGIS table, JTS polygons) plugs them in here. Open311 coordinates are WGS84:
 * convert to GCJ-02 or BD-09 inside, if the boundaries are kept in one of those.
 */
@FunctionalInterface
public interface Locator {
  /**
   * The grid or micro-grid holding the point, or empty when none of the territory does.
   *
   * @param latitude degrees north, from -90 to 90
   * @param longitude degrees east, from -180 to 180
   */
  Optional<AreaCode> locate(double latitude, double longitude);
}
