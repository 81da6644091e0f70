/**
 * Points and stars (static and dynamic), and an append-only, idempotent points ledger that never
 * goes negative.
 */
package org.gridgov.scoring.points;
