package org.gridgov.scoring.duty;

import com.google.common.collect.ImmutableList;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Territory;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.policy.DutyRule;

/**
 * Checks duties against the submitted records. The units of a duty are the areas at its level
 * inside {@code scope} (the scope itself when it is at that level). A daily duty has one slot per
 * day of the period; a weekly one a slot per week (Monday to Sunday) whose Monday lies in the
 * period. A slot is done when the unit filed at least {@code times} records for the duty in it.
 *
 * <p>Records are refused, all named at once and before anything is counted, when one is null, names
 * a duty the policy does not have ({@link #UNKNOWN_DUTY}) or is filed by a unit at another level
 * than its duty's ({@link #UNIT_LEVEL}: a grid's record of a community inspection would otherwise
 * leave the community's slot missing without a word). Records of units outside {@code scope}, or
 * whose slot lies outside the period, are not counted: one feed of records may serve every scope
 * and period.
 */
public final class DutyCheck {
  /** A check record for a duty the policy does not name. */
  public static final RuleId UNKNOWN_DUTY = RuleId.of("duty.unknown");

  /** A check record filed by a unit at another level than its duty's. */
  public static final RuleId UNIT_LEVEL = RuleId.of("duty.unit-level");

  /** A missing argument or record, or a scope outside the territory. */
  public static final RuleId INPUT = RuleId.of("duty.input");

  private DutyCheck() {}

  /**
   * @throws InvalidInputException naming each bad record ({@code records[i]}) and the scope when it
   *     is not an area of {@code territory}
   * @throws org.gridgov.core.RuleConfigurationException when an argument is null ({@link #INPUT})
   */
  public static DutyReport check(
      Period period,
      Map<String, DutyRule> duties,
      Territory territory,
      AreaCode scope,
      Iterable<CheckRecord> records) {
    Checks.notNull(INPUT, "period", period);
    Checks.noNullEntries(INPUT, "duties", duties);
    Checks.notNull(INPUT, "territory", territory);
    Checks.notNull(INPUT, "scope", scope);
    Checks.notNull(INPUT, "records", records);
    Map<String, Integer> filed = new HashMap<>();
    List<Violation> violations = new ArrayList<>();
    if (!territory.contains(scope)) {
      violations.add(Violation.of("scope", INPUT, "is not an area of the territory", scope));
    }
    int i = 0;
    for (CheckRecord r : records) {
      String path = "records[" + i++ + "]";
      if (r == null) {
        violations.add(Violation.of(path, INPUT, "must not be null", null));
        continue;
      }
      DutyRule rule = duties.get(r.duty());
      if (rule == null) {
        violations.add(
            Violation.of(
                path + ".duty",
                UNKNOWN_DUTY,
                "is not a duty of the policy " + new TreeSet<>(duties.keySet()),
                r.duty()));
        continue;
      }
      Optional<Violation> misfiled = misfiled(path, r, rule);
      if (misfiled.isPresent()) {
        violations.add(misfiled.get());
      } else {
        filed.merge(key(r.duty(), r.unit(), rule.slotOf(r.date())), 1, Integer::sum);
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("duty check " + period.label(), violations);
    }
    List<DutyCompliance> result = new ArrayList<>();
    duties.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              for (AreaCode unit : units(territory, scope, e.getValue())) {
                result.add(compliance(period, e.getKey(), e.getValue(), unit, filed));
              }
            });
    return new DutyReport(period, ImmutableList.copyOf(result));
  }

  private static DutyCompliance compliance(
      Period period, String duty, DutyRule rule, AreaCode unit, Map<String, Integer> filed) {
    List<LocalDate> missing = new ArrayList<>();
    int due = 0;
    for (LocalDate slot : slots(period, rule)) {
      due++;
      if (filed.getOrDefault(key(duty, unit, slot), 0) < rule.times()) {
        missing.add(slot);
      }
    }
    return new DutyCompliance(duty, unit, due, due - missing.size(), ImmutableList.copyOf(missing));
  }

  private static List<LocalDate> slots(Period period, DutyRule rule) {
    List<LocalDate> slots = new ArrayList<>();
    LocalDate day =
        rule.every() == DutyRule.Cadence.DAILY
            ? period.first()
            : period.first().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    int step = rule.every() == DutyRule.Cadence.DAILY ? 1 : 7;
    for (; !day.isAfter(period.last()); day = day.plusDays(step)) {
      slots.add(day);
    }
    return slots;
  }

  private static List<AreaCode> units(Territory territory, AreaCode scope, DutyRule rule) {
    if (scope.level() == rule.level()) {
      return List.of(scope);
    }
    return territory.descendants(scope, rule.level()).stream().map(Area::code).toList();
  }

  /**
   * The violation of {@code record} (at {@code path} in its list) when its unit is at another level
   * than {@code rule}'s: the same refusal wherever records are counted (compliance, points).
   */
  public static Optional<Violation> misfiled(String path, CheckRecord record, DutyRule rule) {
    if (record.unit().level() == rule.level()) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.of(
            path + ".unit",
            UNIT_LEVEL,
            "is a "
                + record.unit().level()
                + "; duty "
                + record.duty()
                + " is filed by "
                + rule.level()
                + " units",
            record.unit()));
  }

  private static String key(String duty, AreaCode unit, LocalDate slot) {
    return duty + '|' + unit.value() + '|' + slot;
  }
}
