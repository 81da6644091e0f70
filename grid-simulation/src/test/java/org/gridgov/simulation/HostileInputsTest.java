package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Collections;
import org.gridgov.core.RuleConfigurationException;
import org.junit.jupiter.api.Test;

/**
 * Values a config accepts must give a run that ends: what would hang, allocate without bound or
 * overflow the simulated clock is refused at construction, naming the field and the rule.
 */
class HostileInputsTest {

  @Test
  void arrivals_rateNearDoubleMax_refusedNamingTheField() {
    // before the fix: accepted; a run of one day of Kaixuan street did not end (an arrival every
    // millisecond, the least gap, for ever more incidents)
    assertThatThrownBy(() -> Arrivals.defaults().withRate(1e308))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.arrivals] perGridPerDay must be at most 100.0 (Beijing 12345's"
                + " volume is 6.2), was 1.0E308");
  }

  @Test
  void arrivals_weightsWhoseSumOverflows_refusedNamingTheField() {
    // before the fix: accepted; every weight normalised to 0, and a run failed with
    // "DateTimeException: Instant exceeds minimum or maximum instant" looking for an arrival
    Arrivals d = Arrivals.defaults();
    assertThatThrownBy(
            () ->
                new Arrivals(
                    0.3,
                    ImmutableList.copyOf(Collections.nCopies(24, 1e308)),
                    d.weekly(),
                    d.categories(),
                    d.sources()))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.arrivals] hourly must be non-negative with a positive, finite" + " sum");
  }

  @Test
  void config_tickOfANanosecondOrOfAges_refusedNamingTheField() {
    // before the fix: both accepted; a nanosecond tick fired 86,400,000,000,000 times a simulated
    // day (a one-day run did not end), and the longest failed the run with "long overflow"
    assertThatThrownBy(() -> SimulationConfig.defaults().withTick(Duration.ofNanos(1)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage("[simulation.config] tick must be between PT1M and PT24H, was PT0.000000001S");
    assertThatThrownBy(
            () -> SimulationConfig.defaults().withTick(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageStartingWith("[simulation.config] tick must be between PT1M and PT24H");
  }

  @Test
  void staffing_andOverload_workerCountsBeyondAnyDistrict_refusedNamingTheField() {
    // before the fix: accepted; a one-day run of Kaixuan street with Integer.MAX_VALUE street or
    // overloaded-line workers did not end (building billions of workers), and as many district
    // workers per 100 grids overflowed an int and placed 1 worker a line
    assertThatThrownBy(() -> Staffing.dongcheng().withDepartments(Integer.MAX_VALUE, 6))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.staffing] perStreetLine must be between 0 and 999, was "
                + Integer.MAX_VALUE);
    assertThatThrownBy(() -> Staffing.dongcheng().withDepartments(4, Integer.MAX_VALUE))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.staffing] perDistrictLine must be between 0 and 999, was "
                + Integer.MAX_VALUE);
    assertThatThrownBy(() -> Overload.baoshan(Integer.MAX_VALUE))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.overload] workers must be between 1 and 9999, was " + Integer.MAX_VALUE);
  }
}
