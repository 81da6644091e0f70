package org.gridgov.core.incident;

import static org.gridgov.core.incident.Stage.CLOSED;
import static org.gridgov.core.incident.Stage.DISPATCHED;
import static org.gridgov.core.incident.Stage.HANDLED;
import static org.gridgov.core.incident.Stage.REGISTERED;
import static org.gridgov.core.incident.Stage.REJECTED;
import static org.gridgov.core.incident.Stage.REPORTED;
import static org.gridgov.core.incident.Stage.RETURNED;
import static org.gridgov.core.incident.Stage.SUSPENDED;
import static org.gridgov.core.incident.Stage.VERIFIED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The state machine's table: in which stages each step is allowed. */
final class Transitions {
  private static final Map<Step, Set<Stage>> ALLOWED = new EnumMap<>(Step.class);

  /** {@link #ALLOWED} as a bit per stage ordinal, by step ordinal: checked on every event. */
  private static final long[] MASKS = new long[Step.values().length];

  static {
    allow(Step.REPORT); // only as the first event: no stage allows it
    allow(Step.REGISTER, REPORTED);
    allow(Step.REJECT, REPORTED);
    allow(Step.CLAIM, REGISTERED);
    allow(Step.ASSIGN, REGISTERED, RETURNED, DISPATCHED);
    allow(Step.FEEDBACK, DISPATCHED);
    allow(Step.RETURN, REGISTERED, DISPATCHED);
    // REGISTERED too: a case passed up after its returns waits there, and once it has reached the
    // bounce limit its line may not return it, so only the centre's decision settles its line;
    // in each of these stages only a case returned at least once (Fold checks its bounces)
    allow(Step.ARBITRATE, REGISTERED, RETURNED, DISPATCHED);
    allow(Step.CONVENE_JOINT_MEETING, REGISTERED, RETURNED);
    allow(Step.ESCALATE, REGISTERED, DISPATCHED, RETURNED);
    // REGISTERED only: dispatch refers a case waiting for it once nobody up to the top can take it
    allow(Step.REFER, REGISTERED);
    allow(Step.SUPERVISE, REPORTED, REGISTERED, DISPATCHED, RETURNED, HANDLED);
    allow(Step.MARK_OVERDUE, DISPATCHED);
    allow(Step.EXTEND_DEADLINE, DISPATCHED);
    allow(Step.VERIFY, HANDLED);
    allow(Step.FAIL_VERIFICATION, HANDLED);
    allow(Step.CLOSE, VERIFIED);
    allow(Step.RATE, CLOSED);
    allow(Step.REOPEN, CLOSED); // after the callback, before archiving
    allow(Step.SUSPEND, DISPATCHED);
    allow(Step.RESUME, SUSPENDED);
    allow(Step.ARCHIVE, CLOSED, REJECTED);
  }

  private Transitions() {}

  private static void allow(Step step, Stage... stages) {
    EnumSet<Stage> set = EnumSet.noneOf(Stage.class);
    Collections.addAll(set, stages);
    ALLOWED.put(step, Collections.unmodifiableSet(set));
    for (Stage stage : stages) {
      MASKS[step.ordinal()] |= 1L << stage.ordinal();
    }
  }

  /** Whether {@code step} is allowed in {@code stage}: {@link #allowedStages} contains it. */
  static boolean allows(Step step, Stage stage) {
    return (MASKS[step.ordinal()] & (1L << stage.ordinal())) != 0;
  }

  /** The stages in which {@code step} is allowed. */
  static Set<Stage> allowedStages(Step step) {
    return ALLOWED.get(step);
  }
}
