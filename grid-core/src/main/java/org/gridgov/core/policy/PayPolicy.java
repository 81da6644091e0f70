package org.gridgov.core.policy;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Pay: the share of monthly salary that depends on the grid score (Kaixuan's graded pay), piece
 * rates and an allowance (Yangling). Each part is optional.
 */
public record PayPolicy(
    Optional<@Share BigDecimal> gradedPayShare,
    Optional<@Valid PieceRates> pieceRates,
    Optional<@Valid Allowance> allowance) {

  public PayPolicy {
    gradedPayShare = gradedPayShare == null ? Optional.empty() : gradedPayShare;
    pieceRates = pieceRates == null ? Optional.empty() : pieceRates;
    allowance = allowance == null ? Optional.empty() : allowance;
  }
}
