package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.simulation.SimulationTest.KAIXUAN;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.TimeLimit;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.rules.timer.RegistrationDueRule;
import org.gridgov.rules.timer.VerificationDueRule;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Taiyuan's registration and verification limits on a simulated week of Kaixuan street, whose
 * centre registers about 20 min after the report and verifies about 3 h after the feedback
 * (exponential): about e^(-1.5), 22 %, of the normal registrations come after the 30 min limit and
 * e^(-1/3), 72 %, of the verifications after the 1 h one, and each such case is supervised once.
 */
class StepLimitsSimulationTest {
  private static final PolicySet TAIYUAN =
      PolicyLoader.fromPath(Path.of("examples/kaixuan-taiyuan-limits.yaml"));

  @Test
  void exampleFile_isThePresetWithRegistrationAndVerificationLimits() {
    assertThat(TAIYUAN)
        .usingRecursiveComparison()
        .ignoringFields("id", "source", "verification.within", "dispatch.registerWithin")
        .isEqualTo(Presets.kaixuan());
    assertThat(TAIYUAN.verification().withinFor(AreaKind.URBAN)).contains(Duration.ofHours(1));
    assertThat(TAIYUAN.verification().withinFor(AreaKind.RURAL)).contains(Duration.ofHours(2));
    assertThat(TAIYUAN.dispatch().registerWithinFor(TimeLimit.Grade.URGENT))
        .contains(Duration.ofMinutes(10));
    assertThat(TAIYUAN.dispatch().registerWithinFor(TimeLimit.Grade.NORMAL))
        .contains(Duration.ofMinutes(30));
  }

  @Test
  void aWeek_lateRegistrationsAndVerificationsSupervisedOnce_theHandlersUnaffected() {
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    SimulationResult limited = Simulation.run(KAIXUAN, SimulationTest.week(), TAIYUAN, storage);
    InMemoryGridStorage presetStorage = InMemoryGridStorage.create();
    SimulationResult preset =
        Simulation.run(KAIXUAN, SimulationTest.week(), Presets.kaixuan(), presetStorage);

    Duration tick = SimulationTest.week().tick();
    long feedbacks = 0;
    long verifiedLate = 0;
    long supervisedForIt = 0;
    long normalReports = 0;
    long registeredLate = 0;
    long supervisedForRegistration = 0;
    long supervisedInAll = 0;
    for (List<IncidentEvent> history :
        storage
            .incidents()
            .historiesAliveBetween(Instant.EPOCH, limited.end().plusSeconds(1), null, 1_000_000)) {
      IncidentReported report = (IncidentReported) history.get(0);
      Instant registerBy = report.registerBy().orElseThrow();
      boolean normal = !registerBy.isBefore(report.at().plus(Duration.ofMinutes(30)));
      normalReports += normal ? 1 : 0;
      Instant verifyBy = null;
      Instant supervisedAt = null;
      boolean registrationSupervised = false;
      for (IncidentEvent event : history.subList(1, history.size())) {
        if (registerBy != null) {
          if (event instanceof IncidentSupervised s
              && s.actor().id().contains(RegistrationDueRule.ID.value())) {
            assertThat(registrationSupervised).as("once per report").isFalse();
            assertThat(s.at()).isAfterOrEqualTo(registerBy).isBefore(registerBy.plus(tick));
            registrationSupervised = true;
            supervisedForRegistration++;
            supervisedInAll++;
            continue;
          }
          // registered or rejected
          boolean late = !event.at().isBefore(registerBy);
          registeredLate += late && normal ? 1 : 0;
          if (!late) {
            assertThat(registrationSupervised).as("registered in time").isFalse();
          } else if (!event.at().isBefore(registerBy.plus(tick))) {
            assertThat(registrationSupervised).as("a round ran in between").isTrue();
          }
          registerBy = null;
        }
        supervisedInAll += event instanceof IncidentSupervised ? 1 : 0;
        if (event instanceof FeedbackGiven f) {
          feedbacks++;
          verifyBy = f.verifyBy().orElseThrow();
          supervisedAt = null;
        } else if (event instanceof IncidentSupervised s
            && s.actor().id().contains(VerificationDueRule.ID.value())) {
          supervisedForIt++;
          assertThat(supervisedAt).as("once per feedback").isNull();
          assertThat(s.at()).isAfterOrEqualTo(verifyBy).isBefore(verifyBy.plus(tick));
          supervisedAt = s.at();
        } else if ((event instanceof VerificationPassed || event instanceof VerificationFailed)
            && verifyBy != null) {
          boolean late = !event.at().isBefore(verifyBy);
          verifiedLate += late ? 1 : 0;
          if (!late) {
            assertThat(supervisedAt).as("verified in time: not supervised").isNull();
          } else if (!event.at().isBefore(verifyBy.plus(tick))) {
            assertThat(supervisedAt)
                .as("a round ran between the limit and the verification")
                .isNotNull();
          }
          verifyBy = null;
        }
      }
    }
    double lateShare = (double) verifiedLate / feedbacks;

    assertThat(lateShare)
        .as("e^(-1/3) = 0.717 of exponential 3 h delays exceed 1 h")
        .isBetween(0.67, 0.77);
    assertThat((double) registeredLate / normalReports)
        .as("e^(-1.5) = 0.223 of exponential 20 min delays exceed 30 min")
        .isBetween(0.18, 0.27);
    assertThat(supervisedForIt).isPositive();
    assertThat(supervisedForRegistration).isPositive();
    assertThat(limited.supervised()).isEqualTo(supervisedInAll);
    assertThat(supervisedInAll - supervisedForIt - supervisedForRegistration)
        .as("the others: overdue cases, repeated rework")
        .isNotNegative()
        .isLessThan(supervisedInAll / 10);
    // the supervisions leave the handlers' deadlines alone, and a step's draws do not follow its
    // place in the history: every case goes through the very same steps at the very same instants,
    // the limited run's supervisions apart
    assertThat(steps(storage, limited)).isEqualTo(steps(presetStorage, preset));
    assertThat(limited.closed()).isEqualTo(preset.closed());
    assertThat(limited.onTimeRate()).isEqualTo(preset.onTimeRate());
  }

  @ParameterizedTest(name = "registerWithin {0}, verification.within {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1m                      | 1m",
        "{ URGENT: 5m, NORMAL: 4h } | { URBAN: 30m, RURAL: 12h }",
        "{ NORMAL: 15m }         | 2h"
      })
  void anyStepLimits_leaveEveryCasesStepsAsThePresetHasThem(String register, String verify)
      throws java.io.IOException {
    String taiyuan =
        java.nio.file.Files.readString(
            Path.of("examples/kaixuan-taiyuan-limits.yaml"),
            java.nio.charset.StandardCharsets.UTF_8);
    PolicySet limits =
        PolicyLoader.fromYaml(
            new java.io.StringReader(
                taiyuan
                    .replace(
                        "registerWithin: { URGENT: 10m, NORMAL: 30m }",
                        "registerWithin: " + register)
                    .replace("within: { URBAN: 1h, FRINGE: 1h, RURAL: 2h }", "within: " + verify)),
            "limits");
    InMemoryGridStorage limitedStorage = InMemoryGridStorage.create();
    InMemoryGridStorage presetStorage = InMemoryGridStorage.create();
    SimulationResult limited =
        Simulation.run(KAIXUAN, SimulationTest.week(), limits, limitedStorage);
    SimulationResult preset =
        Simulation.run(KAIXUAN, SimulationTest.week(), Presets.kaixuan(), presetStorage);

    assertThat(limits.dispatch().registerWithin())
        .isNotEqualTo(TAIYUAN.dispatch().registerWithin());
    assertThat(limited.supervised()).as("the limits add events").isGreaterThan(preset.supervised());
    assertThat(steps(limitedStorage, limited)).isEqualTo(steps(presetStorage, preset));
  }

  /** Each case's events but supervisions, as their types and instants, by case id. */
  private static Map<String, List<String>> steps(
      InMemoryGridStorage storage, SimulationResult result) {
    Map<String, List<String>> steps = new TreeMap<>();
    for (List<IncidentEvent> history :
        storage
            .incidents()
            .historiesAliveBetween(Instant.EPOCH, result.end().plusSeconds(1), null, 1_000_000)) {
      steps.put(
          history.get(0).incident().value(),
          history.stream()
              .filter(event -> !(event instanceof IncidentSupervised))
              .map(event -> event.getClass().getSimpleName() + "@" + event.at())
              .toList());
    }
    assertThat(steps).hasSize((int) result.reported());
    return steps;
  }
}
