package org.gridgov.core.policy;

import jakarta.validation.constraints.Min;

/** Returns (退回): how many times a case may be bounced before the centre must arbitrate. */
public record ReturnPolicy(@Min(0) int bounceLimit) {}
