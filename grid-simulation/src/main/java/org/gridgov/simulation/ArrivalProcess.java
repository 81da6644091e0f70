package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.incident.Source;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.LineId;

/**
 * A non-homogeneous Poisson process by thinning: candidates come at the peak rate and are kept in
 * proportion to the rate of their hour, weekday and month, and the weight of their date when it has
 * one. Each kept arrival gets a category (a class by weight, then a category of that class
 * uniformly) and a source. With sources on hourly profiles of their own, the rate of an hour is the
 * sources' profiles mixed by their weights, and the source is drawn by its weight and its profile
 * at the arrival's hour: the superposition of one such process per source. Classes of categories on
 * hourly profiles of their own mix and are drawn alike.
 */
final class ArrivalProcess {
  private final Randomness random;
  private final ZoneRules zone;
  private final double peakPerSecond;
  private final double[] hourly;
  private final double[] weekly;
  private final double[] monthly;

  /**
   * The local epoch day of the last candidate and its month's weight times its date's: most
   * candidates share it.
   */
  private long day = Long.MIN_VALUE;

  private double dayFactor;

  /** The weights of particular dates, by local epoch day. */
  private final Map<Long, Double> dates = new HashMap<>();

  private final double peakFactor;
  private final WeightedChoice<String> classes;
  private final Map<String, List<Category>> byClass = new LinkedHashMap<>();
  private final WeightedChoice<Source> sources;

  /**
   * The source by the hour of the arrival, when some sources keep hourly profiles of their own
   * (null for an hour when no source has arrivals then); null when none does.
   */
  private final WeightedChoice<Source>[] sourcesByHour;

  /**
   * The class of category by the hour of the arrival, when some classes keep hourly profiles of
   * their own ({@link Arrivals#categoryHourly}); null when none does.
   */
  private final WeightedChoice<String>[] classesByHour;

  /** The local hour of the last arrival {@link #next} returned. */
  private int lastHour;

  private final List<Category> overloaded;
  private final double overloadShare;

  ArrivalProcess(
      SimulationConfig config, int grids, CategoryCatalogue catalogue, Randomness random) {
    Arrivals arrivals = config.arrivals();
    this.random = random;
    this.zone = config.zone().getRules();
    this.weekly = toArray(Arrivals.normalised(arrivals.weekly()));
    this.monthly = toArray(Arrivals.normalisedByDays(arrivals.monthly()));
    arrivals.dates().forEach((date, weight) -> dates.put(date.toEpochDay(), weight));
    // a date above 1 raises the peak (and so draws other candidates); below 1 it does not, so
    // arrivals on the other days are the very ones drawn without it
    double busiestDate = Math.max(1, max(toArray(List.copyOf(arrivals.dates().values()))));
    this.overloadShare = config.overload().map(Overload::share).orElse(0.0);
    LineId heavy = config.overload().map(Overload::line).orElse(null);
    this.overloaded = catalogue.all().stream().filter(c -> c.defaultLine().equals(heavy)).toList();
    Map<String, Double> weights = new LinkedHashMap<>();
    arrivals
        .categories()
        .forEach(
            (prefix, weight) -> {
              List<Category> members = new ArrayList<>();
              int inClass = 0;
              for (Category c : catalogue.all()) {
                if (c.code().toString().startsWith(prefix)) {
                  inClass++;
                  if (!c.defaultLine().equals(heavy)) {
                    members.add(c);
                  }
                }
              }
              // a typo would otherwise drop its weight silently (or leave no category at all)
              Checks.check(
                  Arrivals.ID,
                  "categories",
                  inClass > 0,
                  "prefix " + prefix + " matches no category of the catalogue");
              if (!members.isEmpty()) {
                byClass.put(prefix, members);
                // a category is drawn evenly within its class: the class keeps what its categories
                // outside the overloaded line weighed, so the other arrivals keep the mix of no
                // overload
                weights.put(
                    prefix,
                    members.size() == inClass
                        ? weight
                        : weight
                            * members.size()
                            / inClass); // exact when the class keeps all of them
              }
            });
    // a class left with weight 0 is still no arrival outside the overloaded line
    Checks.check(
        Arrivals.ID,
        "categories",
        weights.values().stream().anyMatch(w -> w > 0),
        "every category of "
            + arrivals.categories().keySet()
            + " that weighs anything is in the"
            + " overloaded line "
            + heavy
            + ": none is left for the arrivals outside it");
    if (heavy != null && overloaded.isEmpty()) { // a standard line no category names
      throw new InvalidInputException(
          "simulation setup " + config.setup(),
          Violation.of(
              "overload.line",
              Overload.ID,
              "is the default line of no category of the catalogue,"
                  + " so no arrival would fall in it",
              heavy));
    }
    this.classes = new WeightedChoice<>(weights);
    this.sources = new WeightedChoice<>(arrivals.sources());
    double[] common = toArray(Arrivals.normalised(arrivals.hourly()));
    this.hourly =
        arrivals.sourceHourly().isEmpty() && arrivals.categoryHourly().isEmpty()
            ? common
            : new double[24];
    this.sourcesByHour =
        arrivals.sourceHourly().isEmpty()
            ? null
            : byHour(arrivals.sources(), arrivals.sourceHourly(), common, hourly);
    // a class whose categories all went to the overloaded line has no weight, nor its profile
    this.classesByHour =
        arrivals.categoryHourly().isEmpty()
            ? null
            : byHour(weights, arrivals.categoryHourly(), common, hourly);
    this.peakFactor = max(hourly) * max(weekly) * max(monthly) * busiestDate;
    this.peakPerSecond = arrivals.perGridPerDay() * grids / 86_400.0 * peakFactor;
  }

  /** The next arrival strictly after {@code after}. */
  Instant next(Instant after) {
    Instant t = after;
    while (true) {
      double gap = -Math.log(1.0 - random.uniform()) / peakPerSecond;
      t = t.plus(Duration.ofNanos(Math.max(1_000_000L, (long) (gap * 1e9))));
      long local = localSecond(zone, t);
      int slot = slot(local);
      double factor = hourly[slot % 24] * weekly[slot / 24] * day(local);
      if (random.uniform() * peakFactor < factor) {
        lastHour = slot % 24;
        return t;
      }
    }
  }

  /**
   * The local hour of {@code t} under {@code rules}, plus 24 times its weekday from Monday (0) to
   * Sunday (6): what {@code t.atZone(zone)} tells, without the date-time objects it makes for each
   * of the several candidates an arrival takes.
   */
  static int localSlot(ZoneRules rules, Instant t) {
    return slot(localSecond(rules, t));
  }

  /** {@code t} as seconds since the epoch of the local date-time under {@code rules}. */
  private static long localSecond(ZoneRules rules, Instant t) {
    return t.getEpochSecond() + rules.getOffset(t).getTotalSeconds();
  }

  /** The hour of {@code local}, plus 24 times its weekday from Monday (0). */
  private static int slot(long local) {
    int hour = (int) (Math.floorMod(local, 86_400L) / 3_600);
    int weekday = (int) Math.floorMod(Math.floorDiv(local, 86_400L) + 3, 7L); // 1970-01-01: Thu
    return 24 * weekday + hour;
  }

  /** The weight of the month of {@code local} (local epoch seconds), times its date's if any. */
  private double day(long local) {
    long epochDay = Math.floorDiv(local, 86_400L);
    if (epochDay != day) {
      day = epochDay;
      dayFactor =
          monthly[LocalDate.ofEpochDay(epochDay).getMonthValue() - 1]
              * (dates.isEmpty() ? 1.0 : dates.getOrDefault(epochDay, 1.0));
    }
    return dayFactor;
  }

  Category category() {
    if (overloadShare > 0 && random.chance(overloadShare)) {
      return random.pick(overloaded);
    }
    WeightedChoice<String> byHour = classesByHour == null ? classes : classesByHour[lastHour];
    return random.pick(byClass.get(byHour.pick(random)));
  }

  /** The source of the last arrival {@link #next} returned. */
  Source source() {
    return sourcesByHour == null ? sources.pick(random) : sourcesByHour[lastHour].pick(random);
  }

  /**
   * Adds to {@code mixed} the hourly rate that {@code weights}' keys (sources, or classes of
   * categories) make together, each key's weight share times its {@code own} profile or {@code
   * common} (each normalised to a mean of 1), and returns for each hour the choice of key among
   * those with arrivals then.
   */
  @SuppressWarnings("unchecked")
  private static <K> WeightedChoice<K>[] byHour(
      Map<K, Double> weights, Map<K, ImmutableList<Double>> own, double[] common, double[] mixed) {
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<K, double[]> profiles = new LinkedHashMap<>();
    weights.forEach(
        (key, weight) ->
            profiles.put(
                key, own.containsKey(key) ? toArray(Arrivals.normalised(own.get(key))) : common));
    @SuppressWarnings({"unchecked", "rawtypes"}) // no generic array creation in Java
    WeightedChoice<K>[] choices = new WeightedChoice[24];
    for (int h = 0; h < 24; h++) {
      Map<K, Double> atHour = new LinkedHashMap<>();
      for (Map.Entry<K, Double> key : weights.entrySet()) {
        double rate = key.getValue() / total * profiles.get(key.getKey())[h];
        atHour.put(key.getKey(), rate);
        mixed[h] += rate;
      }
      choices[h] = mixed[h] > 0 ? new WeightedChoice<>(atHour) : null;
    }
    return choices;
  }

  /** The grid a report comes from: part of the arrival, so the same under any policy. */
  <T> T grid(List<T> grids) {
    return random.pick(grids);
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double max(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
