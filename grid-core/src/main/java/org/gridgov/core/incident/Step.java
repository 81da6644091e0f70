package org.gridgov.core.incident;

import java.util.Locale;

/**
 * The commands of the closed loop, one per event type. The state machine ({@link Incident#check})
 * says in which {@link Stage}s each step is allowed.
 */
public enum Step {
  REPORT,
  REGISTER,
  REJECT,
  CLAIM,
  ASSIGN,
  FEEDBACK,
  RETURN,
  ARBITRATE,
  CONVENE_JOINT_MEETING,
  ESCALATE,
  REFER,
  SUPERVISE,
  MARK_OVERDUE,
  EXTEND_DEADLINE,
  VERIFY,
  FAIL_VERIFICATION,
  CLOSE,
  RATE,
  REOPEN,
  SUSPEND,
  RESUME,
  ARCHIVE;

  private final String commandName = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The command's name in messages: {@code claim}, {@code fail-verification}. */
  public String commandName() {
    return commandName;
  }
}
