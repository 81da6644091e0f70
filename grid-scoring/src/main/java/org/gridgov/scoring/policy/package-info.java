/**
 * Scoring policies as data: {@link org.gridgov.scoring.policy.ScoringPolicy}, loaded and validated
 * by {@link org.gridgov.scoring.policy.ScoringPolicyLoader} (rule ids in {@link
 * org.gridgov.scoring.policy.ScoringRules}), presets in {@link
 * org.gridgov.scoring.policy.ScoringPresets}.
 */
package org.gridgov.scoring.policy;
