package org.gridgov.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.policy.PolicyRules;
import org.gridgov.core.policy.WorkingTime;

/**
 * Reads a {@link WorkingTime} out of a policy tree, the same shape wherever a file sets one
 * (grid-core's {@code dispatch.workingTime}, grid-scoring's {@code indicators.workingTime}): its
 * {@code hours}, {@code workdays}, {@code holidays}, {@code extraWorkdays} and the limits it {@code
 * appliesTo}, named as the file names them. Violations of the hours and days carry {@link
 * PolicyRules#WORKING_HOURS} and {@link PolicyRules#WORKING_DAYS} in either file: one rule of what
 * a working time is. Internal: not part of the public API.
 */
public final class WorkingTimeTree {
  private WorkingTimeTree() {}

  /**
   * The working time at {@code path}; null when absent or when any part is bad (each problem
   * reported to {@code r}).
   *
   * @param limits the limits {@code appliesTo} may name, by their names in this file
   */
  public static WorkingTime read(
      TreeReader r, JsonNode node, String path, Map<String, WorkingTime.Limit> limits) {
    return read(r, node, path, limits, null);
  }

  /**
   * The hours and days of a schedule at {@code path}, the same shape without {@code appliesTo} (the
   * simulator's people work such a schedule; there is no limit to apply it to): a working time
   * applying to {@code appliesTo}. Null when absent or when any part is bad.
   */
  public static WorkingTime readDays(
      TreeReader r, JsonNode node, String path, Set<WorkingTime.Limit> appliesTo) {
    return read(r, node, path, Map.of(), ImmutableSet.copyOf(appliesTo));
  }

  /** {@code appliesTo}, when given, instead of the field, which is then unknown. */
  private static WorkingTime read(
      TreeReader r,
      JsonNode node,
      String path,
      Map<String, WorkingTime.Limit> limits,
      ImmutableSet<WorkingTime.Limit> given) {
    int before = r.violations().size(); // counting the object's unknown fields too
    JsonNode n =
        given == null
            ? r.object(
                node, path, false, "hours", "workdays", "holidays", "extraWorkdays", "appliesTo")
            : r.object(node, path, false, "hours", "workdays", "holidays", "extraWorkdays");
    if (n == null) {
      return null;
    }
    ImmutableList<WorkingTime.Period> hours =
        r.texts(
            n.get("hours"),
            path + ".hours",
            true,
            (text, p) ->
                WorkingTime.Period.parse(text)
                    .orElseGet(
                        () ->
                            r.fail(
                                p,
                                PolicyRules.WORKING_HOURS,
                                "must be a period such as 08:30-12:00 that ends after it"
                                    + " starts (24:00 for the end of the day)",
                                text)));
    ImmutableList<DayOfWeek> workdays =
        r.texts(
            n.get("workdays"),
            path + ".workdays",
            true,
            (text, p) -> {
              try {
                return DayOfWeek.valueOf(text);
              } catch (IllegalArgumentException e) {
                return r.fail(
                    p, PolicyRules.WORKING_DAYS, "must be a weekday such as MONDAY", text);
              }
            });
    ImmutableList<LocalDate> holidays =
        r.texts(n.get("holidays"), path + ".holidays", false, (text, p) -> date(r, text, p));
    ImmutableList<LocalDate> extra =
        r.texts(
            n.get("extraWorkdays"), path + ".extraWorkdays", false, (text, p) -> date(r, text, p));
    ImmutableList<WorkingTime.Limit> appliesTo =
        given != null
            ? given.asList()
            : r.texts(
                n.get("appliesTo"),
                path + ".appliesTo",
                true,
                (text, p) ->
                    limits.containsKey(text)
                        ? limits.get(text)
                        : r.fail(
                            p,
                            PolicyRules.WORKING_HOURS,
                            "must be one of " + String.join(", ", limits.keySet()),
                            text));
    // a day or limit named twice is a slip (a holiday meant for another date): refused, as a
    // policy's other lists are, rather than read as once
    once(r, workdays, path + ".workdays", PolicyRules.WORKING_DAYS);
    once(r, holidays, path + ".holidays", PolicyRules.WORKING_DAYS);
    once(r, extra, path + ".extraWorkdays", PolicyRules.WORKING_DAYS);
    once(r, appliesTo, path + ".appliesTo", PolicyRules.WORKING_HOURS);
    ImmutableSet<WorkingTime.Limit> applied = ImmutableSet.copyOf(appliesTo);
    if (r.violations().size() > before) {
      return null;
    }
    ImmutableSet<DayOfWeek> days = ImmutableSet.copyOf(workdays);
    ImmutableSortedSet<LocalDate> off = ImmutableSortedSet.copyOf(holidays);
    ImmutableSortedSet<LocalDate> worked = ImmutableSortedSet.copyOf(extra);
    List<Violation> problems = WorkingTime.problems(path, hours, days, off, worked, applied);
    if (!problems.isEmpty()) {
      r.violations().addAll(problems);
      return null;
    }
    return new WorkingTime(hours, days, off, worked, applied);
  }

  /** Fails each element of {@code values} at {@code path[i]} that an earlier one repeats. */
  private static void once(TreeReader r, List<?> values, String path, RuleId rule) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null && values.subList(0, i).contains(values.get(i))) {
        r.fail(path + "[" + i + "]", rule, "names " + values.get(i) + " twice", values.get(i));
      }
    }
  }

  private static LocalDate date(TreeReader r, String text, String path) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return r.fail(path, PolicyRules.WORKING_DAYS, "must be a date such as 2024-10-01", text);
    }
  }
}
