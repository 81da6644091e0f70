package org.gridgov.tck.assertions;

import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.Stage;

/** Assertions on an {@link Incident}. */
public final class IncidentAssert extends AbstractAssert<IncidentAssert, Incident> {
  IncidentAssert(Incident actual) {
    super(actual, IncidentAssert.class);
  }

  public IncidentAssert isAt(Stage stage) {
    isNotNull();
    if (actual.stage() != stage) {
      failWithMessage(
          "expected incident %s at stage %s but was at %s", actual.id(), stage, actual.stage());
    }
    return this;
  }

  public IncidentAssert hasVersion(long version) {
    isNotNull();
    if (actual.version() != version) {
      failWithMessage(
          "expected incident %s at version %s but was at %s",
          actual.id(), version, actual.version());
    }
    return this;
  }

  /** Equal in every field: the same fold of the same history. */
  public IncidentAssert isSameStateAs(Incident expected) {
    isNotNull();
    if (!Objects.equals(actual, expected)) {
      failWithMessage("expected incident state%n  %s%nbut was%n  %s", expected, actual);
    }
    return this;
  }
}
