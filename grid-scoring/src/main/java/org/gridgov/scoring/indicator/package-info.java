/**
 * Indicators from incident histories: {@link org.gridgov.scoring.indicator.IndicatorEngine} counts
 * every unit's {@link org.gridgov.scoring.indicator.Counter}s in one pass; {@link
 * org.gridgov.scoring.indicator.Indicator} holds the formulas.
 */
package org.gridgov.scoring.indicator;
