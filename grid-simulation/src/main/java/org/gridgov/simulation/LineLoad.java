package org.gridgov.simulation;

import org.gridgov.core.line.LineId;

/**
 * One line's load over a run: cases registered to it, cases it closed, and the resulting shares.
 *
 * @param share the line's share of all registered cases
 * @param solveRate closed ÷ received
 */
public record LineLoad(LineId line, long received, long closed, double share, double solveRate) {}
