package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;

/**
 * The districts of one city run, in the order they were given, with city-wide totals.
 *
 * @param districts each district's name and result
 */
public record CityResult(ImmutableList<District> districts) {
  /** One district's run. */
  public record District(String name, SimulationResult result) {
    public District {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(result, "result");
    }
  }

  public CityResult {
    Objects.requireNonNull(districts, "districts");
  }

  /**
   * The result of the district called {@code name}.
   *
   * @throws InvalidInputException at {@code name} ({@link InputRules#UNKNOWN}) when no district of
   *     the run is called so, listing those that are
   */
  public SimulationResult district(String name) {
    return districts.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .map(District::result)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "city result",
                    Violation.of(
                        "name",
                        InputRules.UNKNOWN,
                        "names no district of the run, expected one of "
                            + districts.stream().map(District::name).toList(),
                        name)));
  }

  public long reported() {
    return sum(SimulationResult::reported);
  }

  public long registered() {
    return sum(SimulationResult::registered);
  }

  public long closed() {
    return sum(SimulationResult::closed);
  }

  public long openAtEnd() {
    return sum(SimulationResult::openAtEnd);
  }

  /** City-wide closed ÷ registered. */
  public double closureRate() {
    return SimulationResult.ratio(closed(), registered());
  }

  private long sum(ToLongFunction<SimulationResult> figure) {
    return districts.stream().mapToLong(d -> figure.applyAsLong(d.result())).sum();
  }
}
