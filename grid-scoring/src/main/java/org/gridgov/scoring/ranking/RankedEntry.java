package org.gridgov.scoring.ranking;

import java.math.BigDecimal;
import org.gridgov.scoring.UnitRef;

/** One row of a ranking: the rank (1224 style), the unit and its score. */
public record RankedEntry(int rank, UnitRef unit, BigDecimal score) {}
