package org.gridgov.scoring.pay;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import org.gridgov.core.Money;
import org.gridgov.core.people.WorkerId;
import org.gridgov.scoring.ScoreCard;
import org.gridgov.scoring.policy.GradedPayPolicy;
import org.gridgov.scoring.policy.Tier;

/**
 * Graded pay (级差薪酬, seed 000): the graded part is base × share rounded half-up to the fen, the
 * fixed part is the rest of the base (so fixed + graded part = base exactly), and the pay is fixed
 * + graded part × the tier's factor (half-up to the fen), or fixed + the tier's amount. The score
 * is the worker's bundled score on the {@link ScoreCard}.
 *
 * <p>The base salaries and a tier's amount are monthly. A card of a whole calendar month is paid
 * them as they are; a card of part of one month (the first or last month of a run that does not
 * start on the 1st or end on a month's last day) is paid the base × days ÷ days in the month,
 * half-up to the fen, split as above (so fixed + graded part = that prorated base exactly), and a
 * tier's amount prorated the same way, the basis saying so ("10/31 of the month's base"). A card of
 * a period over more than one month is refused ({@link PayRules#PERIOD}): paying it one month's
 * base would underpay it, and paying each month's needs the month-by-month scores.
 */
public final class GradedPay {
  private GradedPay() {}

  /**
   * @throws org.gridgov.core.InvalidInputException naming a card period over more than one calendar
   *     month ({@link PayRules#PERIOD}), every salary that is missing or negative ({@link
   *     PayRules#NEGATIVE}) or above {@link Money#MAX_AMOUNT} ({@link PayRules#TOO_LARGE}) and
   *     every worker the card does not hold ({@link PayRules#UNKNOWN_WORKER}, who would otherwise
   *     be paid at score 0) or that is null ({@link PayRules#INPUT}); or the worker whose pay
   *     overflows ({@link PayRules#OVERFLOW}), which a validated policy never makes
   */
  public static PayStatement compute(
      GradedPayPolicy policy, ScoreCard card, Map<WorkerId, Money> base) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(base, "baseSalaries");
    PayRules.Check check =
        new PayRules.Check("graded pay " + Objects.requireNonNull(card, "card").period().label())
            .withinOneMonth(card.period());
    base.forEach(
        (worker, salary) -> {
          if (worker == null) {
            check.rule(true, "baseSalaries", PayRules.INPUT, "a worker must not be null", null);
            return;
          }
          String path = "baseSalaries." + worker;
          check.rule(
              salary == null || salary.isNegative(),
              path,
              PayRules.NEGATIVE,
              "must be present and not negative",
              salary);
          check.notTooLarge(salary, path);
          check.rule(
              !card.hasWorker(worker),
              path,
              PayRules.UNKNOWN_WORKER,
              "is not a worker on the score card",
              worker);
        });
    check.throwIfAny();
    MonthShare month = MonthShare.of(card.period());
    ImmutableList.Builder<PayLine> lines = ImmutableList.builder();
    base.forEach(
        (worker, salary) ->
            lines.add(
                PayRules.line(
                    check.subject(),
                    worker,
                    () -> {
                      BigDecimal score = card.workerScore(worker);
                      int index = policy.tierOf(score);
                      Tier tier = policy.tiers().get(index);
                      Money paidBase = month.prorate(salary);
                      Money graded = paidBase.times(policy.share(), RoundingMode.HALF_UP);
                      Money fixed = paidBase.minus(graded);
                      Money variable =
                          tier.amount()
                              .map(month::prorate)
                              .orElseGet(
                                  () ->
                                      graded.times(
                                          tier.factor().orElseThrow(), RoundingMode.HALF_UP));
                      String basis =
                          "score "
                              + score.toPlainString()
                              + ", tier "
                              + (index + 1)
                              + " "
                              + tier.factor()
                                  .map(f -> "× " + f.toPlainString() + " of " + graded)
                                  .orElse("amount")
                              + (month.whole()
                                  ? ""
                                  : ", "
                                      + month
                                      + " of the month's base "
                                      + salary
                                      + tier.amount().map(a -> " and amount " + a).orElse(""));
                      return PayLine.of(worker, fixed, variable, basis);
                    })));
    return new PayStatement(card.period().label(), "graded", lines.build());
  }
}
