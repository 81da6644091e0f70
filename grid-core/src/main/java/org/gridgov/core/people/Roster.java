package org.gridgov.core.people;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Territory;

/**
 * The workers of a territory, indexed by id, grid, grid and line, and role. Every lookup is a map
 * access returning a prebuilt list (sorted by worker id), for the dispatch hot path.
 */
public final class Roster {
  public static final RuleId DUPLICATE_WORKER = RuleId.of("people.duplicate-worker");

  /** A roster given no collection, or a null among its workers. */
  public static final RuleId MISSING_WORKER = RuleId.of("people.missing-worker");

  public static final RuleId UNKNOWN_GRID = RuleId.of("people.unknown-grid");
  public static final RuleId UNKNOWN_UNIT = RuleId.of("people.unknown-unit");

  private final ImmutableList<Worker> workers;
  private final ImmutableMap<WorkerId, Worker> byId;
  private final ImmutableListMultimap<AreaCode, Worker> byGrid;

  /** Grid, then line: two lookups and no key to allocate on the dispatch hot path. */
  private final ImmutableMap<AreaCode, ImmutableListMultimap<LineId, Worker>> byGridLine;

  private final ImmutableListMultimap<Role, Worker> byRole;

  /** Unit (community, street or district), then line. */
  private final ImmutableMap<AreaCode, ImmutableListMultimap<LineId, Worker>> byUnitLine;

  private Roster(List<Worker> workers) {
    this.workers = ImmutableList.copyOf(workers);
    List<Worker> sorted = new ArrayList<>(workers);
    sorted.sort(Comparator.comparing(Worker::id));
    ImmutableMap.Builder<WorkerId, Worker> ids = ImmutableMap.builder();
    ImmutableListMultimap.Builder<AreaCode, Worker> grids = ImmutableListMultimap.builder();
    Map<AreaCode, ImmutableListMultimap.Builder<LineId, Worker>> gridLines = new HashMap<>();
    ImmutableListMultimap.Builder<Role, Worker> roles = ImmutableListMultimap.builder();
    Map<AreaCode, ImmutableListMultimap.Builder<LineId, Worker>> unitLines = new HashMap<>();
    for (Worker worker : sorted) {
      ids.put(worker.id(), worker);
      for (AreaCode grid : worker.grids()) {
        grids.put(grid, worker);
        worker.lines().forEach(line -> byLine(gridLines, grid).put(line, worker));
      }
      worker.roles().forEach(role -> roles.put(role, worker));
      worker.lines().forEach(line -> byLine(unitLines, worker.unit()).put(line, worker));
    }
    this.byId = ids.buildOrThrow();
    this.byGrid = grids.build();
    this.byGridLine = build(gridLines);
    this.byRole = roles.build();
    this.byUnitLine = build(unitLines);
  }

  private static ImmutableListMultimap.Builder<LineId, Worker> byLine(
      Map<AreaCode, ImmutableListMultimap.Builder<LineId, Worker>> index, AreaCode area) {
    return index.computeIfAbsent(area, a -> ImmutableListMultimap.builder());
  }

  private static ImmutableMap<AreaCode, ImmutableListMultimap<LineId, Worker>> build(
      Map<AreaCode, ImmutableListMultimap.Builder<LineId, Worker>> index) {
    ImmutableMap.Builder<AreaCode, ImmutableListMultimap<LineId, Worker>> built =
        ImmutableMap.builderWithExpectedSize(index.size());
    index.forEach((area, lines) -> built.put(area, lines.build()));
    return built.buildOrThrow();
  }

  private static ImmutableList<Worker> lookup(
      ImmutableMap<AreaCode, ImmutableListMultimap<LineId, Worker>> index,
      AreaCode area,
      LineId line) {
    ImmutableListMultimap<LineId, Worker> lines = index.get(area);
    return lines == null ? ImmutableList.of() : lines.get(line);
  }

  /**
   * A roster of {@code workers}, kept in the given order by {@link #workers()}.
   *
   * @throws InvalidInputException listing every repeated worker id ({@code
   *     people.duplicate-worker}) and every null where a worker should be ({@code
   *     people.missing-worker})
   */
  public static Roster of(Collection<Worker> workers) {
    if (workers == null) {
      throw new InvalidInputException(
          "roster", List.of(Violation.of("workers", MISSING_WORKER, "must not be null", null)));
    }
    List<Worker> list = new ArrayList<>(workers);
    Map<WorkerId, Integer> first = new HashMap<>();
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        violations.add(
            Violation.of("workers[" + i + "]", MISSING_WORKER, "must not be null", null));
        continue;
      }
      Integer earlier = first.putIfAbsent(list.get(i).id(), i);
      if (earlier != null) {
        violations.add(
            Violation.of(
                "workers[" + i + "].id",
                DUPLICATE_WORKER,
                "worker id already used by workers[" + earlier + "]",
                list.get(i).id()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("roster", violations);
    }
    return new Roster(List.copyOf(list));
  }

  public Optional<Worker> find(WorkerId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The worker {@code id}.
   *
   * @throws InvalidInputException about the {@code worker lookup} at {@code id} ({@code
   *     input.unknown}) when this roster has no such worker
   */
  public Worker require(WorkerId id) {
    Worker worker = byId.get(id);
    if (worker == null) {
      throw Checks.invalid(
          "worker lookup", "id", InputRules.UNKNOWN, "names no worker of this roster", id);
    }
    return worker;
  }

  /** The workers serving {@code grid}, by id. */
  public ImmutableList<Worker> inGrid(AreaCode grid) {
    return byGrid.get(grid);
  }

  /** The workers serving {@code grid} who act for {@code line}, by id. */
  public ImmutableList<Worker> inGridWithLine(AreaCode grid, LineId line) {
    return lookup(byGridLine, grid, line);
  }

  /**
   * The workers who belong to {@code unit} (a community, street or district) and act for {@code
   * line}, by id: who can take a case handled at that unit's level.
   */
  public ImmutableList<Worker> inUnitWithLine(AreaCode unit, LineId line) {
    return lookup(byUnitLine, unit, line);
  }

  /** The workers holding {@code role}, by id. */
  public ImmutableList<Worker> withRole(Role role) {
    return byRole.get(role);
  }

  /** Every worker, in the order given to {@link #of}. */
  public ImmutableList<Worker> workers() {
    return workers;
  }

  public int size() {
    return workers.size();
  }

  /**
   * The violations of this roster against {@code territory}: a served grid that is not an area of
   * the territory ({@code people.unknown-grid}, path {@code workers[i].grids}), a unit that is not
   * ({@code people.unknown-unit}, {@code workers[i].unit}). Empty when the roster fits.
   */
  public ImmutableList<Violation> validateAgainst(Territory territory) {
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (int i = 0; i < workers.size(); i++) {
      Worker worker = workers.get(i);
      if (!territory.contains(worker.unit())) {
        violations.add(
            Violation.of(
                "workers[" + i + "].unit",
                UNKNOWN_UNIT,
                "unit of worker " + worker.id() + " is not in the territory",
                worker.unit()));
      }
      for (AreaCode grid : worker.grids().stream().sorted().toList()) {
        if (!territory.contains(grid)) {
          violations.add(
              Violation.of(
                  "workers[" + i + "].grids",
                  UNKNOWN_GRID,
                  "grid served by worker "
                      + worker.id()
                      + " is not a "
                      + grid.level()
                      + " of the territory",
                  grid));
        }
      }
    }
    return violations.build();
  }

  /** Throws one {@link InvalidInputException} listing {@link #validateAgainst} when not empty. */
  public Roster requireValidAgainst(Territory territory) {
    List<Violation> violations = validateAgainst(territory);
    if (!violations.isEmpty()) {
      throw new InvalidInputException("roster", violations);
    }
    return this;
  }

  @Override
  public String toString() {
    return "Roster[" + workers.size() + " workers, " + byGrid.keySet().size() + " grids]";
  }
}
