package org.gridgov.scoring.policy;

import java.util.Optional;
import org.gridgov.core.policy.Allowance;
import org.gridgov.core.policy.PieceRates;

/** The pay parts a place uses; each is optional. Amounts are {@link org.gridgov.core.Money}. */
public record PayScheme(
    Optional<GradedPayPolicy> graded,
    Optional<PieceRates> pieceRates,
    Optional<Allowance> allowance) {
  public PayScheme {
    graded = graded == null ? Optional.empty() : graded;
    pieceRates = pieceRates == null ? Optional.empty() : pieceRates;
    allowance = allowance == null ? Optional.empty() : allowance;
  }
}
