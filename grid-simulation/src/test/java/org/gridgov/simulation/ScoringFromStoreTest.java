package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.policy.Presets;
import org.gridgov.governance.GridGovernance;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.ScoringRun;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.storage.jdbc.JdbcGridStorage;
import org.junit.jupiter.api.Test;

/**
 * A run's scores come from a listener that sees every event as it is appended. Another node that
 * saw none of them, built afterwards over the same H2 store, gets the same scores from {@link
 * GridGovernance#histories}; and a week inside the run scored from the histories alive in it equals
 * that week scored from every stored history.
 */
class ScoringFromStoreTest {
  private static final LocalDate START = LocalDate.of(2024, 3, 4);

  @Test
  void run_scoredAgainFromTheStoreByAnotherNode_sameScores() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withPeriod(START, 14)
            .withArrivals(Arrivals.defaults().withRate(0.5));
    JdbcGridStorage storage = JdbcGridStorage.h2InMemory("scoring-from-store");

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
    List<List<IncidentEvent>> every = everyStoredHistory(reader, storage);

    Period run = new Period(START, START.plusDays(13), config.zone());
    ScoringRun scoring = Scoring.of(config.scoring()).period(run);
    // the histories from the store, the visits (which touch no case) rebuilt from the config
    IndicatorReport fromStore =
        scoring.indicators(
            reader.histories(run.from(), run.to()),
            Visits.of(config, directory.roster()).of(run),
            directory);
    assertThat(result.reported()).isGreaterThan(100);
    assertThat(result.archived()).as("some cases went all the way").isPositive();
    assertThat(Simulation.scores(config, scoring, fromStore, directory))
        .isEqualTo(result.scores().get(0));
    assertThat(result.scores()).as("14 days inside March: one period").hasSize(1);

    Period week = new Period(START.plusDays(5), START.plusDays(11), config.zone());
    ScoringRun weekly = Scoring.of(config.scoring()).period(week);
    List<List<IncidentEvent>> alive = new ArrayList<>();
    reader.histories(week.from(), week.to()).forEach(alive::add);
    assertThat(alive)
        .hasSizeLessThan(every.size())
        .anySatisfy(h -> assertThat(h.get(0).at()).isBefore(week.from()))
        .allSatisfy(h -> assertThat(h.get(0).at()).isBefore(week.to()));
    assertThat(weekly.indicators(alive, List.of(), directory))
        .isEqualTo(weekly.indicators(every, List.of(), directory));
  }

  /** Every history in the store, by the ids the run gave (I1, I2…), not through the new query. */
  private static List<List<IncidentEvent>> everyStoredHistory(
      GridGovernance reader, JdbcGridStorage storage) {
    List<List<IncidentEvent>> every = new ArrayList<>();
    for (long i = 1; i <= storage.incidents().count(); i++) {
      every.add(reader.history(IncidentId.of("I" + i)));
    }
    return every;
  }
}
