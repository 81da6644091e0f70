package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.line.LineId;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.Territory;
import org.gridgov.governance.GridGovernance;

/**
 * Runs a policy over a synthetic district on a simulated clock, through {@link GridGovernance}
 * on any storage adapter. The same territory, config (seed included) and policy give the same
 * result, whatever the storage.
 *
 * <pre>{@code
 * SimulationResult a = Simulation.run(Divisions.dongcheng(), config, Presets.kaixuan(),
 *     InMemoryGridStorage.create());
 * }</pre>
 */
public final class Simulation {
  private Simulation() {}

  public static SimulationResult run(Territory divisions, SimulationConfig config,
      PolicySet policy, GridStorage storage) {
    return run(divisions, config, policy, storage, Progress.NONE);
  }

  public static SimulationResult run(Territory divisions, SimulationConfig config,
      PolicySet policy, GridStorage storage, Progress progress) {
    Randomness random = new Randomness(config.seed());
    SyntheticDistrict district = SyntheticDistrict.build(divisions, config, random.split());
    Instant start = config.start().atStartOfDay(config.zone()).toInstant();
    Instant end = config.start().plusDays(config.days()).atStartOfDay(config.zone()).toInstant();
    VirtualClock clock = new VirtualClock(start, config.zone());
    Metrics metrics = new Metrics(config.zone());
    ArrivalProcess arrivals = new ArrivalProcess(config, district.grids().size(),
        district.directory().catalogue(), random.split());
    Randomness behaviour = random.split();
    Engine[] engine = new Engine[1];
    AtomicLong ids = new AtomicLong();
    GridGovernance governance = GridGovernance.builder()
        .storage(storage).directory(district.directory()).policy(policy).clock(clock)
        .node("simulation").ids(() -> IncidentId.of("I" + ids.incrementAndGet()))
        .listener(metrics)
        .listener((incident, events) -> engine[0].onAppended(incident, events))
        .build();
    engine[0] = new Engine(config, district, governance, clock, metrics, arrivals, behaviour);
    engine[0].run(start, end, progress);
    return result(policy, config, district, governance, metrics, start, end);
  }

  private static SimulationResult result(PolicySet policy, SimulationConfig config,
      SyntheticDistrict district, GridGovernance governance, Metrics m, Instant start,
      Instant end) {
    long open = 0;
    for (Stage stage : Stage.values()) {
      if (stage.isOpen()) {
        open += governance.storage().incidents().inStage(stage).size();
      }
    }
    List<DayCount> days = new ArrayList<>();
    for (LocalDate day = config.start(); day.isBefore(config.start().plusDays(config.days()));
        day = day.plusDays(1)) {
      long[] counts = m.days.getOrDefault(day, new long[4]);
      days.add(new DayCount(day, counts[0], counts[1], counts[2], counts[3]));
    }
    List<LineLoad> lines = new ArrayList<>();
    for (Map.Entry<String, long[]> e : m.lines.entrySet()) {
      long[] c = e.getValue();
      lines.add(new LineLoad(LineId.of(e.getKey()), c[0], c[1],
          SimulationResult.ratio(c[0], m.registered), SimulationResult.ratio(c[1], c[0])));
    }
    int[] minutes = m.closureMinutesSorted();
    ImmutableList.Builder<Integer> closure = ImmutableList.builderWithExpectedSize(minutes.length);
    for (int value : minutes) {
      closure.add(value);
    }
    return new SimulationResult(policy.id() + " v" + policy.version(), config.seed(), start, end,
        district.grids().size(), district.directory().roster().size(), m.reported, m.registered,
        m.rejected, m.selfClaimed, m.autoAssigned, m.manualAssigned,
        ImmutableMap.copyOf(m.escalations), m.returned, m.overdue, m.supervised, m.reworks,
        m.closed, m.closedOnTime, m.rated, m.satisfactionSum, open,
        ImmutableMap.copyOf(m.refusals), ImmutableList.copyOf(days), ImmutableList.copyOf(lines),
        scores(m.grids), scores(m.workers), governance.settlement(start, end), closure.build());
  }

  /** Units with received, closed and on-time counts, best closure rate first. */
  private static ImmutableList<UnitScore> scores(Map<String, long[]> counters) {
    List<UnitScore> scores = new ArrayList<>();
    counters.forEach((id, c) -> scores.add(new UnitScore(id, c[0], c[1],
        SimulationResult.ratio(c[1], c[0]), SimulationResult.ratio(c[2], c[1]))));
    scores.sort(Comparator.comparingDouble(UnitScore::closureRate).reversed()
        .thenComparing(Comparator.comparingDouble(UnitScore::onTimeRate).reversed())
        .thenComparing(UnitScore::id));
    return ImmutableList.copyOf(scores);
  }
}
