package org.gridgov.scoring.pay;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import org.gridgov.core.Money;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Allowance;
import org.gridgov.scoring.ScoreCard;

/**
 * A monthly allowance split into a basic part and an assessed part (Yangling: 500 yuan, 40 % /
 * 60 %): basic = monthly × basicShare half-up, assessed = the rest; the worker receives basic +
 * assessed × score ÷ 100 (half-up to the fen), the score being their bundled score.
 */
public final class AllowancePay {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private AllowancePay() {}

  public static PayStatement compute(Allowance allowance, ScoreCard card, Collection<WorkerId> workers) {
    ImmutableList.Builder<PayLine> lines = ImmutableList.builder();
    for (WorkerId worker : workers) {
      BigDecimal score = card.workerScore(worker);
      Money earned = allowance.assessed().times(score.divide(HUNDRED), RoundingMode.HALF_UP);
      lines.add(PayLine.of(worker, allowance.basic(), earned, "score " + score.toPlainString()
          + " of " + allowance.assessed()));
    }
    return new PayStatement(card.period().label(), "allowance", lines.build());
  }
}
