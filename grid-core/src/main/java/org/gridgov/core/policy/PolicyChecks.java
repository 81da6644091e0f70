package org.gridgov.core.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.Money;
import org.gridgov.core.Violation;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.territory.Level;

/**
 * Cross-field rules that one field's annotation cannot express. Null parts are skipped, and so are
 * shares their {@link Share} annotation refuses: that violation says it already, and a share with a
 * huge exponent would make the sums slow.
 */
final class PolicyChecks {
  private PolicyChecks() {}

  /**
   * A limit counted in working time must end within {@link PositiveDuration#MAX} of calendar time
   * wherever it starts, as every other limit does: a deadline later than that could fall after the
   * last instant an event holds.
   */
  private static void workingTime(List<Violation> v, DispatchPolicy d, VerificationPolicy check) {
    WorkingTime working = d.workingTime().orElse(null);
    if (working == null) {
      return;
    }
    Map<String, Duration> limits = new java.util.LinkedHashMap<>();
    if (working.appliesTo().contains(WorkingTime.Limit.CLAIM_WINDOW)) {
      limits.put("dispatch.claimWindow", d.claimWindow());
    }
    if (working.appliesTo().contains(WorkingTime.Limit.REPLY)) {
      limits.put("dispatch.replyWithin", d.replyWithin());
      d.categoryDeadlines()
          .forEach((code, limit) -> limits.put("dispatch.categoryDeadlines." + code, limit));
      for (int i = 0; i < d.timeLimits().size(); i++) {
        limits.put(
            "dispatch.timeLimits[" + i + "].replyWithin", d.timeLimits().get(i).replyWithin());
      }
    }
    if (working.appliesTo().contains(WorkingTime.Limit.SUPERVISION)) {
      limits.put("dispatch.supervisionAfter", d.supervisionAfter());
    }
    if (working.appliesTo().contains(WorkingTime.Limit.REGISTRATION)) {
      d.registerWithin()
          .forEach((grade, limit) -> limits.put("dispatch.registerWithin." + grade, limit));
    }
    if (check != null && working.appliesTo().contains(WorkingTime.Limit.VERIFICATION)) {
      check.within().forEach((kind, limit) -> limits.put("verification.within." + kind, limit));
    }
    v.addAll(working.limitsBeyond(limits, PositiveDuration.MAX));
  }

  /**
   * Each time-limit row names something to match, no two name the same things, and none names only
   * a category that {@code categoryDeadlines} sets too: the most specific row is then one.
   */
  private static void timeLimits(List<Violation> v, DispatchPolicy d) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < d.timeLimits().size(); i++) {
      indices.add(i);
    }
    timeLimits(v, d.timeLimits(), indices, d.categoryDeadlines().keySet());
  }

  /**
   * {@link #timeLimits(List, DispatchPolicy)} for {@code rows} that stand at {@code indices} of the
   * file's table: the rows that parsed, when others did not (the loader reports those).
   */
  static void timeLimits(
      List<Violation> v,
      List<TimeLimit> rows,
      List<Integer> indices,
      Set<CategoryCode> categoryDeadlines) {
    for (int i = 0; i < rows.size(); i++) {
      TimeLimit row = rows.get(i);
      String path = "dispatch.timeLimits[" + indices.get(i) + "]";
      if (row.specificity() == 0) {
        v.add(
            Violation.of(
                path,
                PolicyRules.TIME_LIMITS,
                "must name a category, a line, a source,"
                    + " a grade or an area kind (dispatch.replyWithin is the limit of every case)",
                row));
        continue;
      }
      for (int j = 0; j < i; j++) {
        if (rows.get(j).sameKeys(row)) {
          v.add(
              Violation.of(
                  path,
                  PolicyRules.TIME_LIMITS,
                  "names the same category, line,"
                      + " source, grade and area kind as dispatch.timeLimits["
                      + indices.get(j)
                      + "]",
                  row));
          break;
        }
      }
      categoryDeadlines.stream()
          .filter(row::onlyFor)
          .findFirst()
          .ifPresent(
              code ->
                  v.add(
                      Violation.of(
                          path,
                          PolicyRules.TIME_LIMITS,
                          "sets the limit of " + code + " that dispatch.categoryDeadlines sets too",
                          row)));
    }
  }

  static List<Violation> crossField(PolicySet p) {
    List<Violation> v = new ArrayList<>();
    if (p.escalation() != null) {
      for (Level level : p.escalation().quota().keySet()) {
        if (!level.isBelow(Level.DISTRICT)) {
          v.add(
              Violation.of(
                  "escalation.quota." + level,
                  PolicyRules.QUOTA_LEVEL,
                  "quotas apply to the street and lower levels only",
                  p.escalation().quota().get(level)));
        }
      }
      for (Level level : p.escalation().authority().keySet()) {
        if (!level.isBelow(Level.DISTRICT)) { // dispatch stops there: nothing could close the rest
          v.add(
              Violation.of(
                  "escalation.authority." + level,
                  PolicyRules.AUTHORITY_LEVEL,
                  "authority applies to the street and lower levels only (the district closes every"
                      + " category)",
                  p.escalation().authority().get(level)));
        }
      }
    }
    if (p.dispatch() != null) {
      workingTime(v, p.dispatch(), p.verification());
      timeLimits(v, p.dispatch());
    }
    BigDecimal minSum = BigDecimal.ZERO;
    for (Map.Entry<Level, ShareRange> e : p.targets().entrySet()) {
      ShareRange r = e.getValue();
      if (Share.Validator.valid(r.min())
          && Share.Validator.valid(r.max())
          && r.max().compareTo(r.min()) < 0) {
        v.add(
            Violation.of(
                "targets." + e.getKey() + ".max",
                PolicyRules.TARGET_RANGE,
                "must not be below min " + r.min().toPlainString(),
                r.max().toPlainString()));
      }
      minSum = Share.Validator.valid(r.min()) ? minSum.add(r.min()) : minSum;
    }
    if (minSum.compareTo(BigDecimal.ONE) > 0) {
      v.add(
          Violation.of(
              "targets",
              PolicyRules.TARGET_SUM,
              "minimum shares must add up to at most 1",
              minSum.toPlainString()));
    }
    p.pay()
        .ifPresent(
            pay -> {
              pay.pieceRates()
                  .ifPresent(
                      r -> {
                        if (r.majorEventMin() != null
                            && r.majorEventMax() != null
                            && r.majorEventMax().compareTo(r.majorEventMin()) < 0) {
                          v.add(
                              Violation.of(
                                  "pay.pieceRates.majorEventMax",
                                  PolicyRules.PIECE_RATE_ORDER,
                                  "must not be below majorEventMin " + r.majorEventMin(),
                                  r.majorEventMax()));
                        }
                        money(v, "pay.pieceRates.qualityReport", r.qualityReport());
                        money(v, "pay.pieceRates.majorEventMin", r.majorEventMin());
                        money(v, "pay.pieceRates.majorEventMax", r.majorEventMax());
                      });
              pay.allowance()
                  .ifPresent(
                      a -> {
                        money(v, "pay.allowance.monthly", a.monthly());
                        if (Share.Validator.valid(a.basicShare())
                            && Share.Validator.valid(a.assessedShare())
                            && a.basicShare().add(a.assessedShare()).compareTo(BigDecimal.ONE)
                                != 0) {
                          v.add(
                              Violation.of(
                                  "pay.allowance",
                                  PolicyRules.ALLOWANCE_SPLIT,
                                  "basicShare + assessedShare must be 1",
                                  a.basicShare().toPlainString()
                                      + " + "
                                      + a.assessedShare().toPlainString()));
                        }
                      });
            });
    return v;
  }

  /** An amount from 0 to {@link Money#MAX_AMOUNT}. */
  private static void money(List<Violation> v, String path, Money amount) {
    if (amount != null && amount.isNegative()) {
      v.add(Violation.of(path, PolicyRules.MONEY, "must not be negative", amount));
    }
    if (amount != null && amount.compareTo(Money.MAX_AMOUNT) > 0) {
      v.add(Violation.of(path, PolicyRules.MONEY, "must be at most " + Money.MAX_AMOUNT, amount));
    }
  }
}
