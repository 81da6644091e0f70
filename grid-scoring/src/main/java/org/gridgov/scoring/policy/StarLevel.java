package org.gridgov.scoring.policy;

/** A star rating reached at {@code minPoints} points or more (L community). */
public record StarLevel(int stars, long minPoints) {}
