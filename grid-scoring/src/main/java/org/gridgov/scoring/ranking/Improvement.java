package org.gridgov.scoring.ranking;

import java.math.BigDecimal;
import org.gridgov.scoring.UnitRef;

/** One row of a most-improved list: the rank, the unit, both scores and the change. */
public record Improvement(
    int rank, UnitRef unit, BigDecimal previous, BigDecimal current, BigDecimal delta) {}
