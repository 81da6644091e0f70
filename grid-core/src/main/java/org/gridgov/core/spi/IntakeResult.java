package org.gridgov.core.spi;

import java.util.Objects;
import org.gridgov.core.incident.Incident;

/**
 * The result of an intake: the incident, and whether this call created it ({@code false} when an
 * incident with the same external reference already existed and nothing was appended).
 */
public record IntakeResult(Incident incident, boolean created) {
  public IntakeResult {
    Objects.requireNonNull(incident, "incident");
  }
}
