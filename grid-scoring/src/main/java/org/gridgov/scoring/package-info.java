/**
 * Scoring of grid governance: indicators computed from incident histories, scores, graded pay,
 * piece rates, points and stars, duty compliance and monthly rankings. Every computation is a pure
 * function of its inputs (histories, visit and check records, the directory, a {@link
 * org.gridgov.scoring.Period} and a {@link org.gridgov.scoring.policy.ScoringPolicy}): no clock, no
 * storage, no randomness. Start at {@link org.gridgov.scoring.Scoring}.
 */
package org.gridgov.scoring;
