package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.core.incident.EscalationKind;
import org.gridgov.core.incident.IncidentEscalated;
import org.gridgov.core.policy.EscalationPolicy;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.QuotaBasis;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * Kaixuan's 1/10 quota as a share of the month so far (the preset) or of the month before ({@code
 * examples/kaixuan-quota-previous-month.yaml}), over March and April at the 12345 request rate:
 * under the first a unit passes nothing up until it has found ten problems in the month, so the
 * first days of April pass up less than under the second, whose allowance is March's finds.
 */
class QuotaBasisSimulationTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final SimulationConfig TWO_MONTHS =
      SimulationConfig.defaults()
          .withPeriod(LocalDate.of(2024, 3, 1), 61)
          .withArrivals(Arrivals.defaults().withRate(6.2));

  /** Escalations by choice a run stored, by local day. */
  private static Map<LocalDate, Integer> requestedByDay(PolicySet policy) {
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    Simulation.run(SimulationTest.KAIXUAN, TWO_MONTHS, policy, storage);
    Map<LocalDate, Integer> byDay = new TreeMap<>();
    for (IncidentEscalated up : StoredEvents.of(storage, IncidentEscalated.class)) {
      if (up.kind() == EscalationKind.REQUESTED) {
        byDay.merge(LocalDate.ofInstant(up.at(), ZONE), 1, Integer::sum);
      }
    }
    return byDay;
  }

  private static int sum(Map<LocalDate, Integer> byDay, LocalDate from, LocalDate to) {
    return byDay.entrySet().stream()
        .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  @Test
  void previousMonth_nothingInTheRunsFirstMonth_moreThanMonthSoFarInTheNextOnesFirstDays() {
    PolicySet previous =
        PolicyLoader.fromPath(Path.of("examples/kaixuan-quota-previous-month.yaml"));
    Map<LocalDate, Integer> soFar = requestedByDay(Presets.kaixuan());
    Map<LocalDate, Integer> last = requestedByDay(previous);
    LocalDate april1 = LocalDate.of(2024, 4, 1);
    LocalDate april3 = LocalDate.of(2024, 4, 3);

    assertThat(sum(last, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)))
        .as("no month before the run: every allowance is 0 in March")
        .isZero();
    assertThat(sum(soFar, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31))).isPositive();
    assertThat(sum(last, april1, april3))
        .as("1–3 April: March's finds against April's so far")
        .isGreaterThan(sum(soFar, april1, april3));
  }

  @Test
  void exampleFile_thePresetWithThePreviousMonthAsTheQuotasBasis() {
    PolicySet previous =
        PolicyLoader.fromPath(Path.of("examples/kaixuan-quota-previous-month.yaml"));
    EscalationPolicy k = Presets.kaixuan().escalation();

    assertThat(previous)
        .usingRecursiveComparison()
        .ignoringFields("id", "source")
        .isEqualTo(
            Presets.kaixuan()
                .withEscalation(
                    new EscalationPolicy(
                        k.mode(), k.quota(), k.authority(), QuotaBasis.PREVIOUS_MONTH)));
  }
}
