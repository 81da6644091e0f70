package org.gridgov.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.Violation;
import org.gridgov.core.policy.PolicyRules;
import org.gridgov.core.policy.WorkingTime;

/**
 * Reads a {@link WorkingTime} out of a policy tree, the same shape wherever a file sets one
 * (grid-core's {@code dispatch.workingTime}, grid-scoring's {@code indicators.workingTime}): its
 * {@code hours}, {@code workdays}, {@code holidays}, {@code extraWorkdays} and the limits it
 * {@code appliesTo}, named as the file names them. Violations of the hours and days carry
 * {@link PolicyRules#WORKING_HOURS} and {@link PolicyRules#WORKING_DAYS} in either file: one rule
 * of what a working time is. Internal: not part of the public API.
 */
public final class WorkingTimeTree {
  private WorkingTimeTree() {}

  /**
   * The working time at {@code path}; null when absent or when any part is bad (each problem
   * reported to {@code r}).
   *
   * @param limits the limits {@code appliesTo} may name, by their names in this file
   */
  public static WorkingTime read(TreeReader r, JsonNode node, String path,
      Map<String, WorkingTime.Limit> limits) {
    JsonNode n = r.object(node, path, false,
        "hours", "workdays", "holidays", "extraWorkdays", "appliesTo");
    if (n == null) {
      return null;
    }
    int before = r.violations().size();
    ImmutableList<WorkingTime.Period> hours = r.texts(n.get("hours"), path + ".hours", true,
        (text, p) -> WorkingTime.Period.parse(text).orElseGet(() -> r.fail(p,
            PolicyRules.WORKING_HOURS, "must be a period such as 08:30-12:00 that ends after it"
                + " starts (24:00 for the end of the day)", text)));
    ImmutableList<DayOfWeek> workdays = r.texts(n.get("workdays"), path + ".workdays", true,
        (text, p) -> {
          try {
            return DayOfWeek.valueOf(text);
          } catch (IllegalArgumentException e) {
            return r.fail(p, PolicyRules.WORKING_DAYS, "must be a weekday such as MONDAY", text);
          }
        });
    ImmutableList<LocalDate> holidays = r.texts(n.get("holidays"), path + ".holidays", false,
        (text, p) -> date(r, text, p));
    ImmutableList<LocalDate> extra = r.texts(n.get("extraWorkdays"), path + ".extraWorkdays",
        false, (text, p) -> date(r, text, p));
    ImmutableList<WorkingTime.Limit> appliesTo = r.texts(n.get("appliesTo"),
        path + ".appliesTo", true, (text, p) -> limits.containsKey(text) ? limits.get(text)
            : r.fail(p, PolicyRules.WORKING_HOURS, "must be one of "
                + String.join(", ", limits.keySet()), text));
    if (r.violations().size() > before) {
      return null;
    }
    ImmutableSet<DayOfWeek> days = ImmutableSet.copyOf(workdays);
    ImmutableSortedSet<LocalDate> off = ImmutableSortedSet.copyOf(holidays);
    ImmutableSortedSet<LocalDate> worked = ImmutableSortedSet.copyOf(extra);
    ImmutableSet<WorkingTime.Limit> applied = ImmutableSet.copyOf(appliesTo);
    Optional<Violation> problem = WorkingTime.problem(path, hours, days, off, worked, applied);
    if (problem.isPresent()) {
      r.violations().add(problem.get());
      return null;
    }
    return new WorkingTime(hours, days, off, worked, applied);
  }

  private static LocalDate date(TreeReader r, String text, String path) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return r.fail(path, PolicyRules.WORKING_DAYS, "must be a date such as 2024-10-01", text);
    }
  }
}
