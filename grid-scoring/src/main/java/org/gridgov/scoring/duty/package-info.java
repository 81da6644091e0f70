/**
 * Reporting duties (daily self-checks, weekly inspections, zero-reports): compliance per unit and
 * slot from submitted check records.
 */
package org.gridgov.scoring.duty;
