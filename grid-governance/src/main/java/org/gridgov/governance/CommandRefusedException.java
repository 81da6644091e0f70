package org.gridgov.governance;

import java.util.Objects;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Step;
import org.gridgov.rules.Refusal;

/**
 * A rule refused a command: the actor may not take the step, a quota is exhausted, the bounce limit
 * is reached… The refusal names the rule, a stable code and the figures. Nothing was stored.
 */
public class CommandRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final IncidentId incident;
  private final Step step;
  private final Refusal refusal;

  public CommandRefusedException(IncidentId incident, Step step, Refusal refusal) {
    super(
        "command "
            + step.commandName()
            + (incident == null ? "" : " on incident " + incident)
            + " refused: "
            + Objects.requireNonNull(refusal));
    this.incident = incident;
    this.step = step;
    this.refusal = refusal;
  }

  /** The incident, or null for a refused report. */
  public IncidentId incident() {
    return incident;
  }

  public Step step() {
    return step;
  }

  public Refusal refusal() {
    return refusal;
  }

  /** The refusal's code, such as {@code QUOTA_EXHAUSTED} or {@code NOT_AUTHORIZED}. */
  public String code() {
    return refusal.code();
  }
}
