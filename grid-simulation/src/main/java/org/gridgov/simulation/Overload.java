package org.gridgov.simulation;

import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.Line;
import org.gridgov.core.line.LineId;
import org.gridgov.core.line.Lines;

/**
 * One department receiving most of the tickets with few hands, as Baoshan's C town saw in February
 * 2016: its urban management squad received about 80 % of the hotline tickets that needed action
 * and solved 16.83 % of its cases (seed 004).
 *
 * @param line the overloaded line, one of {@link Lines#standard()}; it also loses its grid workers,
 *     so its cases go to it
 * @param share the share of all arrivals that fall in its categories
 * @param workers its department workers in each unit where the line's department sits (1–9,999;
 *     {@link Staffing#departmentLevel}): in every street for a street line (Baoshan's C town is one
 *     town), in the district for a district line. Not a total for the district: a street line's
 *     total below the number of streets would leave streets without anyone to take its cases, which
 *     would then be referred to the centre and stay open
 */
public record Overload(LineId line, double share, int workers) {
  static final RuleId ID = RuleId.of("simulation.overload");

  public Overload {
    Checks.notNull(ID, "line", line);
    Checks.check(ID, "share", share > 0 && share < 1, "must be between 0 and 1, was " + share);
    Checks.between(ID, "workers", 1, 9999, workers);
    if (Lines.standard().find(line).isEmpty()) { // the message lists them only when refused
      throw new RuleConfigurationException(
          ID,
          "line",
          "must be one of the standard lines "
              + Lines.standard().all().stream().map(Line::id).toList()
              + ", was '"
              + line
              + "'");
    }
  }

  /** Baoshan: urban management receives 80 % of the tickets, with {@code workers} hands. */
  public static Overload baoshan(int workers) {
    return new Overload(LineId.of("urban-management"), 0.8, workers);
  }
}
