package org.gridgov.scoring.duty;

import com.google.common.collect.ImmutableList;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
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
 */
public final class DutyCheck {
  /** A check record for a duty the policy does not name. */
  public static final RuleId UNKNOWN_DUTY = RuleId.of("duty.unknown");

  private DutyCheck() {}

  public static DutyReport check(Period period, Map<String, DutyRule> duties, Territory territory,
      AreaCode scope, Iterable<CheckRecord> records) {
    Map<String, Integer> filed = new HashMap<>();
    List<Violation> unknown = new ArrayList<>();
    int i = 0;
    for (CheckRecord r : records) {
      DutyRule rule = duties.get(r.duty());
      if (rule == null) {
        unknown.add(Violation.of("records[" + i + "].duty", UNKNOWN_DUTY,
            "is not a duty of the policy " + new TreeSet<>(duties.keySet()), r.duty()));
      } else {
        filed.merge(key(r.duty(), r.unit(), rule.slotOf(r.date())), 1, Integer::sum);
      }
      i++;
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("duty check " + period.label(), unknown);
    }
    List<DutyCompliance> result = new ArrayList<>();
    duties.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      for (AreaCode unit : units(territory, scope, e.getValue())) {
        result.add(compliance(period, e.getKey(), e.getValue(), unit, filed));
      }
    });
    return new DutyReport(period, ImmutableList.copyOf(result));
  }

  private static DutyCompliance compliance(Period period, String duty, DutyRule rule, AreaCode unit,
      Map<String, Integer> filed) {
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
    LocalDate day = rule.every() == DutyRule.Cadence.DAILY ? period.first()
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

  private static String key(String duty, AreaCode unit, LocalDate slot) {
    return duty + '|' + unit.value() + '|' + slot;
  }
}
