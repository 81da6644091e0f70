package org.gridgov.scoring;

import java.math.BigDecimal;
import java.util.Optional;
import org.gridgov.scoring.indicator.Rate;

/**
 * Beijing 12345's three rates (三率) of one unit and their weighted composite, 0–100 with 2 decimals:
 * 100 × Σ wᵢ × rateᵢ ÷ Σ wᵢ over the rates that apply; empty when none applies.
 */
public record ThreeRates(
    Rate response, Rate resolution, Rate satisfaction, Optional<BigDecimal> composite) {}
