package org.gridgov.simulation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Source;
import org.gridgov.core.internal.Checks;

/**
 * How problems arrive: a Poisson process whose rate follows a daily, a weekly and a yearly cycle,
 * with the category (by class prefix, such as {@code E04}) and the source drawn from weighted
 * mixes.
 *
 * <p>Default rate: 0.3 problems per grid per day, from Dongcheng's pilots (domain.md §7, seed 001):
 * 8,400 pieces of information, 630 disputes, 800 hidden dangers and 6,700 services, 16,530 items
 * (each "more than"; the seed's 300 safety hazards, which domain.md leaves out, would make 16,830)
 * in "a few months", [assumed] three (92 days), over 589 grids. The seed dates the pilots from July
 * and writes in March, about 8 months, which over 589 grids gives 0.12; the pilots were 3 of the 17
 * streets, which over their grids alone gives more: the module README's table of defaults gives the
 * range. Yangling (seed 003) reported about 0.04 a grid a day. Hotline volumes are much higher:
 * Beijing's 12345 took 21.43 million requests in 2023 (a figure not in standards.md, which has
 * 2019–2021) over 16 districts, about 6.2 per grid per day at Dongcheng's size, 2.6 of them demands
 * needing action (41.5 %, standards.md §6); use those rates to load a district with hotline cases
 * (the Beijing-sized benchmark uses 6.2). The daily, weekly, category and source weights of {@link
 * #defaults()} are [assumed]: no seed gives them.
 *
 * @param perGridPerDay mean problems per grid per day, over a whole week
 * @param hourly 24 weights for the hour of day (local time), relative
 * @param weekly 7 weights, Monday first, relative
 * @param monthly 12 weights, January first, relative, each month's weight counted over its days so
 *     that a year of 365 days holds {@code perGridPerDay} times 365 problems per grid on average:
 *     the season's load (summer storms, winter heating). [assumed] flat by default: no seed gives a
 *     district's volume by month
 * @param categories weights per category prefix ({@code E04} = street order…)
 * @param sources weights per source
 * @param sourceHourly for the sources listed, 24 weights of their own for the hour of day
 *     (relative), which the others take from {@code hourly}: a source keeps its share of each day's
 *     problems and spreads them over the day as its own (patrols in the workers' hours, the hotline
 *     into the evening). Empty by default: every source follows {@code hourly}
 * @param categoryHourly for the category classes listed (keys of {@code categories}), 24 weights of
 *     their own for the hour of day, which the others take from {@code hourly}: a class keeps its
 *     share of each day's problems and spreads them over the day as its own (noise and street-order
 *     complaints into the night, facility faults in the day). Empty by default; not with {@code
 *     sourceHourly} (the hour of a problem is its source's or its class's, not both)
 * @param dates weights of particular dates (local), relative to an ordinary day of the same weekday
 *     and month (1): 0.6 for a public holiday with fewer reports, 1.5 for a festival with more, 0
 *     for none. They change the year's load by what they add or take away. Empty by default
 *     [assumed]: no seed gives a district's volume on holidays
 */
public record Arrivals(
    double perGridPerDay,
    ImmutableList<Double> hourly,
    ImmutableList<Double> weekly,
    ImmutableMap<String, Double> categories,
    ImmutableMap<Source, Double> sources,
    ImmutableList<Double> monthly,
    ImmutableMap<Source, ImmutableList<Double>> sourceHourly,
    ImmutableMap<String, ImmutableList<Double>> categoryHourly,
    ImmutableMap<LocalDate, Double> dates) {
  static final RuleId ID = RuleId.of("simulation.arrivals");

  /** Sixteen times Beijing 12345's volume: beyond it a run would not end in any useful time. */
  public static final double MAX_PER_GRID_PER_DAY = 100;

  /**
   * The most a date may weigh against an ordinary day: every day's candidate arrivals are drawn at
   * the busiest date's rate and thinned, so a date of 1,000 would make a run draw 1,000 times as
   * many.
   */
  public static final double MAX_DATE_WEIGHT = 10;

  /** Every month alike: the default {@link #monthly}. */
  public static final ImmutableList<Double> FLAT_YEAR =
      ImmutableList.copyOf(Collections.nCopies(12, 1.0));

  public Arrivals {
    Checks.notNull(ID, "hourly", hourly);
    Checks.notNull(ID, "weekly", weekly);
    Checks.notNull(ID, "categories", categories);
    Checks.notNull(ID, "sources", sources);
    Checks.notNull(ID, "monthly", monthly);
    Checks.notNull(ID, "sourceHourly", sourceHourly);
    Checks.notNull(ID, "categoryHourly", categoryHourly);
    Checks.notNull(ID, "dates", dates);
    Checks.check(
        ID,
        "perGridPerDay",
        perGridPerDay > 0 && Double.isFinite(perGridPerDay),
        "must be positive, was " + perGridPerDay);
    Checks.check(
        ID,
        "perGridPerDay",
        perGridPerDay <= MAX_PER_GRID_PER_DAY,
        "must be at most "
            + MAX_PER_GRID_PER_DAY
            + " (Beijing 12345's volume is 6.2), was "
            + perGridPerDay);
    Checks.check(ID, "hourly", hourly.size() == 24, "must hold 24 weights, was " + hourly.size());
    Checks.check(ID, "weekly", weekly.size() == 7, "must hold 7 weights, was " + weekly.size());
    Checks.check(
        ID,
        "monthly",
        monthly.size() == 12,
        "must hold 12 weights, January first, was " + monthly.size());
    Checks.check(
        ID, "hourly", positiveWeights(hourly), "must be non-negative with a positive, finite sum");
    Checks.check(
        ID, "weekly", positiveWeights(weekly), "must be non-negative with a positive, finite sum");
    Checks.check(
        ID,
        "monthly",
        positiveWeights(monthly),
        "must be non-negative with a positive, finite sum");
    sourceHourly.forEach(
        (source, weights) -> {
          Checks.check(
              ID,
              "sourceHourly." + source,
              sources.containsKey(source),
              "names a source that sources gives no weight, expected one of " + sources.keySet());
          Checks.check(
              ID,
              "sourceHourly." + source,
              weights != null && weights.size() == 24,
              "must hold 24 weights, was " + (weights == null ? "none" : weights.size()));
          Checks.check(
              ID,
              "sourceHourly." + source,
              positiveWeights(weights),
              "must be non-negative with a positive, finite sum");
        });
    categoryHourly.forEach(
        (prefix, weights) -> {
          Checks.check(
              ID,
              "categoryHourly." + prefix,
              categories.containsKey(prefix),
              "names a class that categories gives no weight, expected one of "
                  + categories.keySet());
          Checks.check(
              ID,
              "categoryHourly." + prefix,
              weights != null && weights.size() == 24,
              "must hold 24 weights, was " + (weights == null ? "none" : weights.size()));
          Checks.check(
              ID,
              "categoryHourly." + prefix,
              positiveWeights(weights),
              "must be non-negative with a positive, finite sum");
        });
    Checks.check(
        ID,
        "categoryHourly",
        sourceHourly.isEmpty() || categoryHourly.isEmpty(),
        "must be empty when sourceHourly is not: a problem's hour follows its source or its"
            + " class, not both");
    dates.forEach(
        (date, weight) ->
            Checks.check(
                ID,
                "dates." + date,
                weight != null && weight >= 0 && weight <= MAX_DATE_WEIGHT,
                "must be a weight from 0 to "
                    + MAX_DATE_WEIGHT
                    + " (1 is an ordinary day), was "
                    + weight));
    Checks.check(
        ID,
        "categories",
        positiveWeights(categories.values()),
        "must be non-negative with a positive, finite sum");
    Checks.check(
        ID,
        "sources",
        positiveWeights(sources.values()),
        "must be non-negative with a positive, finite sum");
    for (String prefix : categories.keySet()) {
      Checks.check(
          ID,
          "categories",
          prefix.matches("[PE][0-9]{2,5}"),
          "keys are category prefixes such as E04 or P0113, was " + prefix);
    }
  }

  /**
   * Without a yearly cycle ({@link #FLAT_YEAR}), with every source on {@code hourly} and no date of
   * its own weight: the arrivals of a run before them.
   */
  public Arrivals(
      double perGridPerDay,
      ImmutableList<Double> hourly,
      ImmutableList<Double> weekly,
      ImmutableMap<String, Double> categories,
      ImmutableMap<Source, Double> sources) {
    this(
        perGridPerDay,
        hourly,
        weekly,
        categories,
        sources,
        FLAT_YEAR,
        ImmutableMap.of(),
        ImmutableMap.of(),
        ImmutableMap.of());
  }

  /**
   * With every class of category on {@code hourly} and no date of its own weight: the arrivals of a
   * run before {@link #categoryHourly} and {@link #dates}.
   */
  public Arrivals(
      double perGridPerDay,
      ImmutableList<Double> hourly,
      ImmutableList<Double> weekly,
      ImmutableMap<String, Double> categories,
      ImmutableMap<Source, Double> sources,
      ImmutableList<Double> monthly,
      ImmutableMap<Source, ImmutableList<Double>> sourceHourly) {
    this(
        perGridPerDay,
        hourly,
        weekly,
        categories,
        sources,
        monthly,
        sourceHourly,
        ImmutableMap.of(),
        ImmutableMap.of());
  }

  /** The defaults documented on this record. */
  public static Arrivals defaults() {
    Map<String, Double> categories = new LinkedHashMap<>();
    categories.put("E04", 25.0); // street order: vending, parking
    categories.put("E01", 20.0); // city appearance: rubbish, illegal building
    categories.put("E06", 14.0); // disputes, fire hazards, group rentals
    categories.put("E02", 8.0); // advertisements
    categories.put("E03", 7.0); // construction
    categories.put("E05", 1.0); // emergencies
    categories.put("P01", 10.0); // public facilities
    categories.put("P03", 6.0); // sanitation facilities
    categories.put("P02", 5.0); // roads and traffic
    categories.put("P04", 3.0); // greening
    categories.put("P06", 1.0); // extended parts
    Map<Source, Double> sources = new LinkedHashMap<>();
    sources.put(Source.PATROL, 45.0);
    sources.put(Source.HOTLINE_12345, 30.0);
    sources.put(Source.RESIDENT, 10.0);
    sources.put(Source.APP, 8.0);
    sources.put(Source.CAMERA, 5.0);
    sources.put(Source.LEADER_INSTRUCTION, 2.0);
    return new Arrivals(
        0.3,
        ImmutableList.of(
            0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 2.0, 2.0, 1.8, 1.3, 1.5, 1.8, 1.9, 1.8,
            1.6, 1.3, 1.1, 0.9, 0.7, 0.5, 0.3),
        ImmutableList.of(1.1, 1.1, 1.05, 1.05, 1.0, 0.85, 0.85),
        ImmutableMap.copyOf(categories),
        ImmutableMap.copyOf(sources));
  }

  public Arrivals withRate(double perGridPerDay) {
    return toBuilder().perGridPerDay(perGridPerDay).build();
  }

  public Arrivals withCategories(Map<String, Double> weights) {
    return toBuilder().categories(weights).build();
  }

  /** These arrivals with the year's cycle {@code weights}, January first. */
  public Arrivals withMonthly(List<Double> weights) {
    return toBuilder().monthly(weights).build();
  }

  /**
   * These arrivals with {@code profiles} as the hourly weights of their sources (replacing any),
   * each 24 relative weights from midnight.
   */
  public Arrivals withSourceHourly(Map<Source, ? extends List<Double>> profiles) {
    return toBuilder().sourceHourly(profiles).build();
  }

  /**
   * These arrivals with {@code profiles} as the hourly weights of their classes of category
   * (replacing any), each 24 relative weights from midnight, each class a key of {@link
   * #categories}.
   */
  public Arrivals withCategoryHourly(Map<String, ? extends List<Double>> profiles) {
    return toBuilder().categoryHourly(profiles).build();
  }

  /**
   * These arrivals with {@code weights} for particular dates (replacing any), each relative to an
   * ordinary day of its weekday and month.
   */
  public Arrivals withDates(Map<LocalDate, Double> weights) {
    return toBuilder().dates(weights).build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /** A builder starting from these arrivals. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Arrivals one field at a time ({@code Arrivals.defaults().toBuilder().weekly(List.of(1.0, 1.0,
   * 1.0, 1.0, 1.0, 0.5, 0.5)).build()}); each setter takes the component of its name as a plain
   * list or map and copies it, refusing null entries there, naming the field. The rest is checked
   * by {@link #build()}, as the record's constructor checks it. Not thread-safe.
   */
  public static final class Builder {
    private double perGridPerDay;
    private ImmutableList<Double> hourly;
    private ImmutableList<Double> weekly;
    private ImmutableMap<String, Double> categories;
    private ImmutableMap<Source, Double> sources;
    private ImmutableList<Double> monthly;
    private ImmutableMap<Source, ImmutableList<Double>> sourceHourly;
    private ImmutableMap<String, ImmutableList<Double>> categoryHourly;
    private ImmutableMap<LocalDate, Double> dates;

    private Builder(Arrivals from) {
      perGridPerDay = from.perGridPerDay;
      hourly = from.hourly;
      weekly = from.weekly;
      categories = from.categories;
      sources = from.sources;
      monthly = from.monthly;
      sourceHourly = from.sourceHourly;
      categoryHourly = from.categoryHourly;
      dates = from.dates;
    }

    public Builder perGridPerDay(double value) {
      perGridPerDay = value;
      return this;
    }

    public Builder hourly(List<Double> weights) {
      hourly = weights("hourly", weights);
      return this;
    }

    public Builder weekly(List<Double> weights) {
      weekly = weights("weekly", weights);
      return this;
    }

    public Builder monthly(List<Double> weights) {
      monthly = weights("monthly", weights);
      return this;
    }

    public Builder categories(Map<String, Double> weights) {
      Checks.noNullEntries(ID, "categories", weights);
      categories = ImmutableMap.copyOf(weights);
      return this;
    }

    public Builder sources(Map<Source, Double> weights) {
      Checks.noNullEntries(ID, "sources", weights);
      sources = ImmutableMap.copyOf(weights);
      return this;
    }

    public Builder sourceHourly(Map<Source, ? extends List<Double>> profiles) {
      sourceHourly = profiles("sourceHourly", "source", profiles);
      return this;
    }

    public Builder categoryHourly(Map<String, ? extends List<Double>> profiles) {
      categoryHourly = profiles("categoryHourly", "class", profiles);
      return this;
    }

    public Builder dates(Map<LocalDate, Double> weights) {
      Checks.noNullEntries(ID, "dates", weights);
      dates = ImmutableMap.copyOf(weights);
      return this;
    }

    /** The arrivals set, checked as the record's constructor checks them. */
    public Arrivals build() {
      return new Arrivals(
          perGridPerDay,
          hourly,
          weekly,
          categories,
          sources,
          monthly,
          sourceHourly,
          categoryHourly,
          dates);
    }

    private static ImmutableList<Double> weights(String field, List<Double> weights) {
      return ImmutableList.copyOf(Checks.noNulls(ID, field, weights));
    }

    private static <K> ImmutableMap<K, ImmutableList<Double>> profiles(
        String field, String key, Map<K, ? extends List<Double>> profiles) {
      Checks.notNull(ID, field, profiles);
      ImmutableMap.Builder<K, ImmutableList<Double>> copy = ImmutableMap.builder();
      profiles.forEach(
          (k, weights) -> {
            Checks.check(ID, field, k != null, "must not name a null " + key);
            copy.put(k, ImmutableList.copyOf(Checks.noNulls(ID, field + "." + k, weights)));
          });
      return copy.buildOrThrow();
    }
  }

  /** Every weight finite and non-negative, with a positive sum that is itself finite. */
  private static boolean positiveWeights(java.util.Collection<Double> weights) {
    double sum = 0;
    for (Double w : weights) {
      if (w == null || w < 0 || !Double.isFinite(w)) {
        return false;
      }
      sum += w;
    }
    return sum > 0 && Double.isFinite(sum);
  }

  static List<Double> normalised(List<Double> weights) {
    double mean = weights.stream().mapToDouble(Double::doubleValue).average().orElse(1);
    return weights.stream().map(w -> w / mean).toList();
  }

  /**
   * The monthly weights relative to their mean over the days of a year of 365 (a month of 31 days
   * weighs more than February), so that the year's load is what {@code perGridPerDay} says.
   */
  static List<Double> normalisedByDays(List<Double> monthly) {
    double total = 0;
    for (int m = 0; m < 12; m++) {
      total += monthly.get(m) * Month.of(m + 1).length(false);
    }
    double mean = total / 365;
    return monthly.stream().map(w -> w / mean).toList();
  }
}
