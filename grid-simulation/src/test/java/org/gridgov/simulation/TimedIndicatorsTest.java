package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.gridgov.core.Directory;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.TimeLimit.Grade;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.AreaKind;
import org.gridgov.governance.GridGovernance;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.indicator.Indicator;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.indicator.UnitIndicators;
import org.gridgov.scoring.policy.ScoringPolicy;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/**
 * 按时立案率 and 按时核查率 of a simulated Kaixuan week (12345's demand) against what the simulator's delays
 * make them: it registers a report an exponential time after it (mean 20 min) and verifies a
 * feedback an exponential time after it (mean 3 h), so a share 1 − e^(−limit/mean) of them should
 * be in time. The tolerances are about four standard errors of the observed shares.
 */
class TimedIndicatorsTest {
  @Test
  void aWeekOfKaixuan_onTimeSharesFollowTheSimulatedDelays() {
    SimulationConfig config = SimulationTest.week();
    LocalDate start = config.start();
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    SimulationResult result =
        Simulation.run(SimulationTest.KAIXUAN, config, Presets.kaixuan(), storage);
    GridGovernance reader =
        GridGovernance.builder()
            .storage(storage)
            .policy(Presets.kaixuan())
            .clock(Clock.fixed(result.end(), config.zone()))
            .node("reader")
            .build();
    Directory directory = reader.directory();
    ScoringPolicy base = config.scoring();
    ScoringPolicy timed =
        new ScoringPolicy(
            base.id(),
            base.version(),
            base.source(),
            base.indicators()
                .withTiming(
                    ImmutableMap.of(Grade.NORMAL, Duration.ofMinutes(30)),
                    ImmutableMap.of(AreaKind.URBAN, Duration.ofHours(1))),
            base.score(),
            base.threeRates(),
            base.team(),
            base.pay(),
            base.points(),
            base.duties());
    Period run = new Period(start, start.plusDays(config.days() - 1), config.zone());

    IndicatorReport report =
        Scoring.of(timed)
            .period(run)
            .indicators(reader.histories(run.from(), run.to()), java.util.List.of(), directory);
    UnitIndicators street = report.area(AreaCode.parse("330102011"));

    assertThat(config.behaviour().registrationDelay()).isEqualTo(Duration.ofMinutes(20));
    assertThat(config.behaviour().verificationDelay()).isEqualTo(Duration.ofHours(3));
    assertThat(street.rate(Indicator.REGISTERED_ON_TIME_RATE).denominator())
        .as("every registration is of a normal case or an urgent one")
        .isPositive()
        .isLessThanOrEqualTo(result.registered());
    assertThat(share(street, Indicator.REGISTERED_ON_TIME_RATE))
        .isCloseTo(1 - Math.exp(-30.0 / 20), within(0.03));
    assertThat(street.rate(Indicator.VERIFIED_ON_TIME_RATE).denominator()).isGreaterThan(800);
    assertThat(share(street, Indicator.VERIFIED_ON_TIME_RATE))
        .isCloseTo(1 - Math.exp(-1.0 / 3), within(0.04));
    assertThat(share(street, Indicator.VERIFICATION_RATE))
        .as("a few wait past the week")
        .isGreaterThan(0.95)
        .isLessThanOrEqualTo(1.0);
  }

  private static double share(UnitIndicators unit, Indicator indicator) {
    return unit.value(indicator).orElseThrow().doubleValue();
  }
}
