package org.gridgov.simulation;

import org.gridgov.core.line.LineId;

/**
 * One line's load over a run: cases registered to it, cases it closed, and the resulting shares.
 *
 * @param referred its cases referred to the centre because nobody up to the district acts for it:
 *     the line lacks staff somewhere
 * @param share the line's share of all registered cases
 * @param solveRate closed ÷ received
 */
public record LineLoad(
    LineId line, long received, long closed, long referred, double share, double solveRate) {}
