package org.gridgov.benchmarks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Absence;
import org.gridgov.core.people.AbsenceKind;
import org.gridgov.core.people.Employment;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.gridgov.core.territory.TerritoryBuilder;
import org.gridgov.rules.Workload;

/**
 * A district-sized directory over Dongcheng's real ladder (17 streets, 169 communities): 589 grids
 * (2 to 5 per community), 2,000 workers each serving 1 or 2 grids of their community and acting for
 * 1 to 3 lines (some absent at {@link #NOW}), 10,000 open cases skewed as in real towns (one line
 * holds about 80 %, as urban management did in Baoshan), and registered incidents whose claim
 * window has passed. Everything follows from the seed, so two builds are equal.
 */
public final class Dongcheng {
  public static final long SEED = 20_240_304L;
  public static final int GRIDS = 589;
  public static final int WORKERS = 2_000;
  public static final int OPEN_CASES = 10_000;

  /** The line holding most of the cases, as urban management did in Baoshan. */
  public static final LineId HEAVY_LINE = LineId.of("urban-management");

  /** The share of cases (open and new) on {@link #HEAVY_LINE}. */
  public static final double HEAVY_SHARE = 0.8;

  /** The lines grid workers act for in this fixture. */
  public static final List<LineId> LINES =
      List.of(
          HEAVY_LINE,
          LineId.of("sanitation"),
          LineId.of("market-regulation"),
          LineId.of("public-security"),
          LineId.of("community"));

  /** When incidents are reported: each is registered at once with a 24 h claim window. */
  public static final Instant BASE = Instant.parse("2024-03-04T01:00:00Z");

  public static final Duration CLAIM_WINDOW = Duration.ofHours(24);

  /** When dispatch runs: every incident's claim window has passed (the latest by one minute). */
  public static final Instant NOW = BASE.plus(Duration.ofHours(48));

  public static final Duration REPLY_WITHIN = Duration.ofHours(72);
  private static final Duration REPORT_SPREAD = Duration.ofHours(24).minusMinutes(1);
  private static final Actor CENTRE = Actor.centre("seat-1");

  private final Directory directory;
  private final ImmutableList<AreaCode> grids;
  private final Map<WorkerId, Integer> openCases;
  private final Map<LineId, CategoryCode> categories;

  private Dongcheng(
      Directory directory,
      ImmutableList<AreaCode> grids,
      Map<WorkerId, Integer> openCases,
      Map<LineId, CategoryCode> categories) {
    this.directory = directory;
    this.grids = grids;
    this.openCases = openCases;
    this.categories = categories;
  }

  /** The fixture for {@link #SEED}. */
  public static Dongcheng build() {
    return build(SEED);
  }

  public static Dongcheng build(long seed) {
    Random random = new Random(seed);
    Territory base = Divisions.dongcheng();
    List<Area> communities = base.at(Level.COMMUNITY);
    int[] perCommunity = gridsPerCommunity(communities.size(), random);
    TerritoryBuilder territory = Territory.builder().addAll(base);
    Map<AreaCode, List<AreaCode>> gridsOf = new HashMap<>();
    ImmutableList.Builder<AreaCode> allGrids = ImmutableList.builder();
    for (int c = 0; c < communities.size(); c++) {
      AreaCode community = communities.get(c).code();
      List<AreaCode> own = new ArrayList<>();
      for (int g = 1; g <= perCommunity[c]; g++) {
        AreaCode grid = AreaCode.of(community.value() + String.format("%03d", g), Level.GRID);
        territory.add(Area.of(grid, "grid " + grid, community, Map.of()), "benchmark");
        own.add(grid);
        allGrids.add(grid);
      }
      gridsOf.put(community, own);
    }
    Roster roster = Roster.of(workers(communities, gridsOf, random));
    Directory directory = Directory.of(territory.build(), roster);
    return new Dongcheng(
        directory, allGrids.build(), workload(roster, random), categories(directory.catalogue()));
  }

  /** 2 grids per community, plus 251 more spread at random (at most 5 per community). */
  private static int[] gridsPerCommunity(int communities, Random random) {
    int[] counts = new int[communities];
    Arrays.fill(counts, 2);
    for (int extra = GRIDS - 2 * communities; extra > 0; ) {
      int c = random.nextInt(communities);
      if (counts[c] < 5) {
        counts[c]++;
        extra--;
      }
    }
    return counts;
  }

  private static List<Worker> workers(
      List<Area> communities, Map<AreaCode, List<AreaCode>> gridsOf, Random random) {
    List<Worker> workers = new ArrayList<>(WORKERS);
    for (int i = 0; i < WORKERS; i++) {
      AreaCode community = communities.get(i % communities.size()).code();
      List<AreaCode> own = gridsOf.get(community);
      Set<AreaCode> served = new LinkedHashSet<>();
      int gridCount = 1 + random.nextInt(2);
      while (served.size() < gridCount) {
        served.add(own.get(random.nextInt(own.size())));
      }
      Set<LineId> lines = new LinkedHashSet<>();
      int lineCount = 1 + random.nextInt(3);
      lines.add(random.nextDouble() < 0.5 ? HEAVY_LINE : LINES.get(1 + random.nextInt(4)));
      while (lines.size() < lineCount) {
        lines.add(LINES.get(random.nextInt(LINES.size())));
      }
      ImmutableList<Absence> absences = absences(random);
      Role role = i % 5 == 0 ? Role.GRID_MANAGER : Role.SOCIAL_WORKER;
      // ids are not in community order, so ties by id cut across the roster's own order
      WorkerId id = WorkerId.of(String.format("w-%05d", (i * 7_919) % 100_000));
      workers.add(
          new Worker(
              id,
              "name-" + id,
              ImmutableSet.of(role),
              community,
              ImmutableSet.copyOf(served),
              ImmutableSet.copyOf(lines),
              Employment.FULL_TIME,
              absences));
    }
    return workers;
  }

  /** 8 % on leave at {@link #NOW}, 12 % with an absence that ended the week before. */
  private static ImmutableList<Absence> absences(Random random) {
    double draw = random.nextDouble();
    if (draw < 0.08) {
      return ImmutableList.of(
          new Absence(
              NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(3)), AbsenceKind.LEAVE));
    }
    if (draw < 0.20) {
      return ImmutableList.of(
          new Absence(
              NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(7)), AbsenceKind.LEAVE));
    }
    return ImmutableList.of();
  }

  /**
   * {@link #OPEN_CASES} open cases: 80 % on the heavy line, each on a worker acting for its line.
   */
  private static Map<WorkerId, Integer> workload(Roster roster, Random random) {
    Map<LineId, List<Worker>> byLine = new HashMap<>();
    for (Worker worker : roster.workers()) {
      worker.lines().forEach(l -> byLine.computeIfAbsent(l, k -> new ArrayList<>()).add(worker));
    }
    Map<WorkerId, Integer> counts = new HashMap<>();
    for (int i = 0; i < OPEN_CASES; i++) {
      List<Worker> holders = byLine.get(line(random));
      counts.merge(holders.get(random.nextInt(holders.size())).id(), 1, Integer::sum);
    }
    return Map.copyOf(counts);
  }

  private static LineId line(Random random) {
    return random.nextDouble() < HEAVY_SHARE ? HEAVY_LINE : LINES.get(1 + random.nextInt(4));
  }

  private static Map<LineId, CategoryCode> categories(CategoryCatalogue catalogue) {
    Map<LineId, CategoryCode> byLine = new HashMap<>();
    CategoryCode fallback = CategoryCode.parse("E0402");
    for (LineId line : LINES) {
      Optional<CategoryCode> code =
          catalogue.all().stream()
              .filter(c -> c.defaultLine().equals(line) && !c.emergency())
              .map(Category::code)
              .findFirst();
      byLine.put(line, code.orElse(fallback));
    }
    return Map.copyOf(byLine);
  }

  /**
   * The opening events of {@code count} registered incidents in grids drawn uniformly, 80 % on the
   * heavy line, reported during the day before the claim windows end: each list is a report
   * followed by a registration, ready for {@code IncidentStore.intake}.
   */
  public List<List<IncidentEvent>> openings(int count, long seed) {
    Random random = new Random(seed);
    List<List<IncidentEvent>> openings = new ArrayList<>(count);
    long spread = REPORT_SPREAD.toSeconds();
    for (int i = 0; i < count; i++) {
      IncidentId id = IncidentId.of(String.format("inc-%07d", i));
      AreaCode grid = grids.get(random.nextInt(grids.size()));
      LineId line = line(random);
      Instant at = BASE.plusSeconds(i * spread / count);
      IncidentReported reported =
          new IncidentReported(
              id,
              CENTRE,
              at,
              "",
              Source.HOTLINE_12345,
              categories.get(line),
              grid,
              Optional.empty(),
              Optional.empty(),
              false,
              "benchmark case " + i,
              Optional.empty());
      IncidentRegistered registered =
          new IncidentRegistered(
              id, CENTRE, at, "", categories.get(line), line, at.plus(CLAIM_WINDOW));
      openings.add(List.of(reported, registered));
    }
    return openings;
  }

  /** {@code count} registered incidents (see {@link #openings}), folded. */
  public Incident[] incidents(int count, long seed) {
    List<List<IncidentEvent>> openings = openings(count, seed);
    Incident[] incidents = new Incident[count];
    for (int i = 0; i < count; i++) {
      incidents[i] = Incident.replay(openings.get(i));
    }
    return incidents;
  }

  public Directory directory() {
    return directory;
  }

  public Roster roster() {
    return directory.roster();
  }

  public ImmutableList<AreaCode> grids() {
    return grids;
  }

  /** Open cases per worker (workers without any are absent from the map). */
  public Map<WorkerId, Integer> openCases() {
    return openCases;
  }

  public Workload workload() {
    return Workload.of(openCases);
  }
}
