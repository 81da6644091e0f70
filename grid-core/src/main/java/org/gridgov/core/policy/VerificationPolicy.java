package org.gridgov.core.policy;

import jakarta.validation.constraints.Min;

/** Verification: failed verifications (返工) allowed before the case is flagged for supervision. */
public record VerificationPolicy(@Min(0) int maxReworks) {}
