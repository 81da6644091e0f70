package org.gridgov.simulation;

import org.gridgov.core.line.LineId;

/**
 * One line's load over a run: cases that came to it, cases it closed, and the resulting shares.
 *
 * @param received the cases that came to the line, each once: registered to it, or given to it by
 *     the centre after another line returned the case or it was referred (an arbitration, a
 *     re-dispatch, a joint meeting's lead)
 * @param closed the cases the line held when they were closed (and not reopened since)
 * @param referred its cases referred to the centre because nobody up to the district acts for it:
 *     the line lacks staff somewhere
 * @param share received ÷ all registered cases; a case that moved counts for each line it came to,
 *     so the lines' shares add up to more than 1 when cases move
 * @param solveRate closed ÷ received, at most 1
 */
public record LineLoad(
    LineId line, long received, long closed, long referred, double share, double solveRate) {}
