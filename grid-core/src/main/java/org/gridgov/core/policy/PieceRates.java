package org.gridgov.core.policy;

import jakarta.validation.constraints.NotNull;
import org.gridgov.core.Money;

/** Piece-rate rewards (Yangling): per quality report, and a range for a major event. */
public record PieceRates(
    @NotNull Money qualityReport, @NotNull Money majorEventMin, @NotNull Money majorEventMax) {}
