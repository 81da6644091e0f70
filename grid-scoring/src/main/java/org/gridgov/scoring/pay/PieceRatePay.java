package org.gridgov.scoring.pay;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.core.Money;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PieceRates;
import org.gridgov.scoring.UnitKind;
import org.gridgov.scoring.indicator.Counter;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.indicator.UnitIndicators;

/**
 * Piece rates (Yangling, seed 003): qualityReport × the worker's effective reports of the period
 * (reports registered, not rejected) plus their major-event awards. All variable; fixed is zero.
 */
public final class PieceRatePay {
  private PieceRatePay() {}

  public static PayStatement compute(PieceRates rates, IndicatorReport report, List<MajorEventAward> awards) {
    Map<WorkerId, Money> major = new TreeMap<>();
    Map<WorkerId, Integer> majorCount = new TreeMap<>();
    for (MajorEventAward a : awards) {
      if (a.amount().compareTo(rates.majorEventMin()) < 0 || a.amount().compareTo(rates.majorEventMax()) > 0) {
        throw new IllegalArgumentException("award for " + a.incident() + ": amount must be between "
            + rates.majorEventMin() + " and " + rates.majorEventMax() + ", was " + a.amount());
      }
      major.merge(a.worker(), a.amount(), Money::plus);
      majorCount.merge(a.worker(), 1, Integer::sum);
    }
    Map<WorkerId, Long> reports = new TreeMap<>();
    for (UnitIndicators u : report.of(UnitKind.WORKER)) {
      reports.put(WorkerId.of(u.unit().id()), u.count(Counter.EFFECTIVE_REPORTED));
    }
    major.keySet().forEach(w -> reports.putIfAbsent(w, 0L));
    ImmutableList.Builder<PayLine> lines = ImmutableList.builder();
    reports.forEach((worker, n) -> {
      Money perReport = Money.ofFen(Math.multiplyExact(rates.qualityReport().fen(), n));
      Money awarded = major.getOrDefault(worker, Money.ZERO);
      lines.add(PayLine.of(worker, Money.ZERO, perReport.plus(awarded), n + " reports × "
          + rates.qualityReport() + " + " + majorCount.getOrDefault(worker, 0) + " major events " + awarded));
    });
    return new PayStatement(report.period().label(), "piece-rates", lines.build());
  }
}
