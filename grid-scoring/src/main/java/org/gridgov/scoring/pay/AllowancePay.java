package org.gridgov.scoring.pay;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.gridgov.core.Money;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Allowance;
import org.gridgov.scoring.ScoreCard;

/**
 * A monthly allowance split into a basic part and an assessed part (Yangling: 500 yuan, 40 % / 60
 * %): basic = monthly × basicShare half-up, assessed = the rest; the worker receives basic +
 * assessed × score ÷ 100 (half-up to the fen), the score being their bundled score.
 *
 * <p>A card of a whole calendar month is paid the monthly amount; a card of part of one month is
 * paid monthly × days ÷ days in the month, half-up to the fen, split into basic and assessed parts
 * as a month's is (so basic + assessed = that prorated amount exactly), the basis saying so ("10/31
 * of the month's ¥500.00"). A card of a period over more than one month is refused ({@link
 * PayRules#PERIOD}): it has no single month to prorate by.
 */
public final class AllowancePay {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private AllowancePay() {}

  /**
   * @throws org.gridgov.core.InvalidInputException naming a card period over more than one calendar
   *     month ({@link PayRules#PERIOD}), every worker that is null ({@link PayRules#INPUT}), listed
   *     twice ({@link PayRules#DUPLICATE_WORKER}) or not on the card ({@link
   *     PayRules#UNKNOWN_WORKER}); or the worker whose pay overflows ({@link PayRules#OVERFLOW}),
   *     which a validated allowance never makes
   */
  public static PayStatement compute(
      Allowance allowance, ScoreCard card, Collection<WorkerId> workers) {
    Objects.requireNonNull(allowance, "allowance");
    Objects.requireNonNull(workers, "workers");
    PayRules.Check check =
        new PayRules.Check("allowance " + Objects.requireNonNull(card, "card").period().label())
            .withinOneMonth(card.period());
    Set<WorkerId> seen = new HashSet<>();
    int i = 0;
    for (WorkerId worker : workers) {
      String path = "workers[" + i++ + "]";
      if (worker == null) {
        check.rule(true, path, PayRules.INPUT, "must not be null", null);
        continue;
      }
      check.rule(!seen.add(worker), path, PayRules.DUPLICATE_WORKER, "is listed twice", worker);
      check.rule(
          !card.hasWorker(worker),
          path,
          PayRules.UNKNOWN_WORKER,
          "is not a worker on the score card",
          worker);
    }
    check.throwIfAny();
    MonthShare month = MonthShare.of(card.period());
    Allowance paid =
        month.whole()
            ? allowance
            : new Allowance(
                month.prorate(allowance.monthly()),
                allowance.basicShare(),
                allowance.assessedShare());
    String share = month.whole() ? "" : ", " + month + " of the month's " + allowance.monthly();
    ImmutableList.Builder<PayLine> lines = ImmutableList.builder();
    for (WorkerId worker : workers) {
      lines.add(
          PayRules.line(
              check.subject(),
              worker,
              () -> {
                BigDecimal score = card.workerScore(worker);
                Money earned = paid.assessed().times(score.divide(HUNDRED), RoundingMode.HALF_UP);
                return PayLine.of(
                    worker,
                    paid.basic(),
                    earned,
                    "score " + score.toPlainString() + " of " + paid.assessed() + share);
              }));
    }
    return new PayStatement(card.period().label(), "allowance", lines.build());
  }
}
