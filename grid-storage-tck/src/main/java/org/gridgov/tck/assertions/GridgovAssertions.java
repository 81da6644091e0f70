package org.gridgov.tck.assertions;

import org.gridgov.core.Directory;
import org.gridgov.core.incident.Incident;

/** Entry point for gridgov's domain assertions: {@code assertThat(incident).isAt(Stage.CLOSED)}. */
public final class GridgovAssertions {
  private GridgovAssertions() {}

  public static IncidentAssert assertThat(Incident actual) {
    return new IncidentAssert(actual);
  }

  public static DirectoryAssert assertThat(Directory actual) {
    return new DirectoryAssert(actual);
  }
}
