package org.gridgov.rules.dispatch;

import java.time.Instant;
import java.util.Optional;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Incident;
import org.gridgov.rules.Refusal;

/**
 * Self-claims (自主认领) are taken while the claim window is open, up to but not at its end (the
 * instant automatic assignment may fire); once it has ended the case is the dispatcher's, even if
 * automatic assignment has not run yet. A case registered without a
 * window (an emergency) may be claimed until someone is assigned.
 */
public final class ClaimWindowRule {
  public static final RuleId ID = RuleId.of("dispatch.claim-window");
  public static final String CLAIM_WINDOW_CLOSED = "CLAIM_WINDOW_CLOSED";

  private ClaimWindowRule() {}

  /** A refusal when {@code incident} may no longer be claimed at {@code now}. */
  public static Optional<Refusal> checkClaim(Incident incident, Instant now) {
    Instant until = incident.claimUntil().orElse(null);
    boolean noWindow = until == null
        || incident.registeredAt().filter(until::equals).isPresent();
    if (noWindow || now.isBefore(until)) { // [registered, claimUntil): at its end, dispatch's
      return Optional.empty();
    }
    return Optional.of(new Refusal(ID, CLAIM_WINDOW_CLOSED, "the claim window of incident "
        + incident.id() + " ended at " + until + "; it is assigned automatically"));
  }
}
