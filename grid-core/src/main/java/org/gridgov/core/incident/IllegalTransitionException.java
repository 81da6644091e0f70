package org.gridgov.core.incident;

/**
 * A command the state machine does not allow in the incident's current stage, or whose event
 * contradicts the incident (a second rating, an escalation from the wrong level). Nothing was
 * appended when it is thrown.
 */
public class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final IncidentId incident;
  private final Stage stage;
  private final Step step;

  public IllegalTransitionException(IncidentId incident, Stage stage, Step step, String detail) {
    super(
        "incident "
            + incident
            + " is "
            + stage
            + ": command "
            + step.commandName()
            + " refused: "
            + detail);
    this.incident = incident;
    this.stage = stage;
    this.step = step;
  }

  public IncidentId incident() {
    return incident;
  }

  /** The stage the incident was in; {@code null} when the incident did not exist yet. */
  public Stage stage() {
    return stage;
  }

  public Step step() {
    return step;
  }
}
