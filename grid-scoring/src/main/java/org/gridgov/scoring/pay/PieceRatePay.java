package org.gridgov.scoring.pay;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.gridgov.core.Money;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PieceRates;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.UnitRef;
import org.gridgov.scoring.indicator.Counter;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.indicator.UnitIndicators;

/**
 * Piece rates (Yangling, seed 003): qualityReport × the worker's reports that became effective in
 * the period ({@link Counter#REPORTS_REGISTERED}: first registered in it, whenever reported, so
 * that each quality report is paid once, a report of the 31st registered on the 1st in the next
 * month's) plus their major-event awards. All variable; fixed is zero. Rates and awards are per
 * case, not per month, so they are paid in full for a period of any length, never prorated like the
 * monthly amounts of {@link GradedPay} and {@link AllowancePay}.
 */
public final class PieceRatePay {
  private PieceRatePay() {}

  /**
   * @throws org.gridgov.core.InvalidInputException naming every award that is null ({@link
   *     PayRules#INPUT}), for a worker the report does not hold ({@link PayRules#UNKNOWN_WORKER}: a
   *     typo would be paid), outside the policy's range ({@link PayRules#AWARD_RANGE}) and every
   *     second award for one incident ({@link PayRules#DUPLICATE_AWARD}); or the worker whose pay
   *     overflows ({@link PayRules#OVERFLOW}), which rates within the policy's maximum never make
   *     for a plausible count of reports
   */
  public static PayStatement compute(
      PieceRates rates, IndicatorReport report, List<MajorEventAward> awards) {
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(awards, "awards");
    PayRules.Check check =
        new PayRules.Check(
            "piece rates " + Objects.requireNonNull(report, "report").period().label());
    Set<IncidentId> incidents = new HashSet<>();
    for (int i = 0; i < awards.size(); i++) {
      MajorEventAward a = awards.get(i);
      if (a == null) {
        check.rule(true, "awards[" + i + "]", PayRules.INPUT, "must not be null", null);
        continue;
      }
      check.rule(
          !report.units().containsKey(UnitRef.worker(a.worker())),
          "awards[" + i + "].worker",
          PayRules.UNKNOWN_WORKER,
          "is not a worker of the indicator report",
          a.worker());
      check.rule(
          a.amount().compareTo(rates.majorEventMin()) < 0
              || a.amount().compareTo(rates.majorEventMax()) > 0,
          "awards[" + i + "].amount",
          PayRules.AWARD_RANGE,
          "must be between " + rates.majorEventMin() + " and " + rates.majorEventMax(),
          a.amount());
      check.rule(
          !incidents.add(a.incident()),
          "awards[" + i + "].incident",
          PayRules.DUPLICATE_AWARD,
          "is already awarded",
          a.incident());
    }
    check.throwIfAny();
    Map<WorkerId, Money> major = new TreeMap<>();
    Map<WorkerId, Integer> majorCount = new TreeMap<>();
    for (MajorEventAward a : awards) {
      // within the policy's range, at most Money.MAX_AMOUNT each: beyond range only for a range
      // built in code past the maximum, or more awards than a list holds
      major.merge(
          a.worker(), a.amount(), (x, y) -> PayRules.plus(check.subject(), a.worker(), x, y));
      majorCount.merge(a.worker(), 1, Integer::sum);
    }
    Map<WorkerId, Long> reports = new TreeMap<>();
    for (UnitIndicators u : report.of(UnitKind.WORKER)) {
      reports.put(WorkerId.of(u.unit().id()), u.count(Counter.REPORTS_REGISTERED));
    }
    major.keySet().forEach(w -> reports.putIfAbsent(w, 0L));
    ImmutableList.Builder<PayLine> lines = ImmutableList.builder();
    reports.forEach(
        (worker, n) -> {
          Money awarded = major.getOrDefault(worker, Money.ZERO);
          String basis =
              n
                  + " reports × "
                  + rates.qualityReport()
                  + " + "
                  + majorCount.getOrDefault(worker, 0)
                  + " major events "
                  + awarded;
          lines.add(
              PayRules.line(
                  check.subject(),
                  worker,
                  () -> {
                    try {
                      Money perReport =
                          Money.ofFen(Math.multiplyExact(rates.qualityReport().fen(), n));
                      return PayLine.of(worker, Money.ZERO, perReport.plus(awarded), basis);
                    } catch (ArithmeticException e) {
                      throw new ArithmeticException(
                          basis + " is beyond ±" + Money.ofFen(Long.MAX_VALUE));
                    }
                  }));
        });
    return new PayStatement(report.period().label(), "piece-rates", lines.build());
  }
}
