package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.category.Category;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.incident.Source;
import org.gridgov.core.line.LineId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArrivalProcessTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /**
   * The local hour and weekday the thinning uses agree with the zone's date-time for any instant:
   * before 1970 too, and across daylight-saving changes (Beijing kept them from 1986 to 1991).
   */
  @ParameterizedTest
  @ValueSource(strings = {"Asia/Shanghai", "Europe/Berlin", "America/St_Johns", "UTC"})
  void localSlot_agreesWithTheZonesDateTime(String zoneId) {
    ZoneId zone = ZoneId.of(zoneId);
    SplittableRandom random = new SplittableRandom(zoneId.hashCode());
    long from = Instant.parse("1950-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
      ZonedDateTime local = t.atZone(zone);
      int slot = ArrivalProcess.localSlot(zone.getRules(), t);
      assertThat(slot % 24).as("hour of %s", t).isEqualTo(local.getHour());
      assertThat(slot / 24).as("weekday of %s", t).isEqualTo(local.getDayOfWeek().getValue() - 1);
    }
  }

  /** Arrivals over {@code from} to {@code to} (local days) of 100 grids at one a grid a day. */
  private static List<Instant> arrivals(Arrivals arrivals, LocalDate from, LocalDate to) {
    SimulationConfig config = SimulationConfig.defaults().withArrivals(arrivals.withRate(1.0));
    ArrivalProcess process =
        new ArrivalProcess(config, 100, CategoryCatalogue.standard(), new Randomness(7));
    Instant end = to.atStartOfDay(SHANGHAI).toInstant();
    List<Instant> all = new ArrayList<>();
    for (Instant t = process.next(from.atStartOfDay(SHANGHAI).toInstant());
        t.isBefore(end);
        t = process.next(t)) {
      all.add(t);
    }
    return all;
  }

  private static long inMonth(List<Instant> arrivals, Month month) {
    return arrivals.stream().filter(t -> t.atZone(SHANGHAI).getMonth() == month).count();
  }

  @Test
  void aYearlyCycle_loadsEachMonthByItsWeight_andTheYearAsTheRateSays() {
    List<Double> summerPeak = new ArrayList<>(Arrivals.FLAT_YEAR);
    summerPeak.set(6, 2.0); // July twice any other month's daily load
    List<Instant> year =
        arrivals(
            Arrivals.defaults().withMonthly(summerPeak),
            LocalDate.of(2023, 1, 1),
            LocalDate.of(2024, 1, 1));

    // 36,500 expected over the year (sd about 191); July 31 days at twice the daily load
    assertThat(year).hasSizeBetween(35_600, 37_400);
    double perJulyDay = inMonth(year, Month.JULY) / 31.0;
    double perJuneDay = inMonth(year, Month.JUNE) / 30.0;
    assertThat(perJulyDay / perJuneDay).isCloseTo(2.0, within(0.15));
    assertThat(perJuneDay)
        .as("the other months give up what July takes")
        .isCloseTo(100 * 365 / 396.0, within(5.0));
  }

  @Test
  void aFlatYear_atAnyScale_drawsTheVeryArrivalsOfNoYearlyCycle() {
    LocalDate from = LocalDate.of(2024, 1, 20);
    LocalDate to = LocalDate.of(2024, 3, 10);

    assertThat(arrivals(Arrivals.defaults().withMonthly(Collections.nCopies(12, 3.0)), from, to))
        .isEqualTo(arrivals(Arrivals.defaults(), from, to))
        .hasSizeGreaterThan(4_000);
  }

  private static long onDate(List<Instant> arrivals, LocalDate date) {
    return arrivals.stream().filter(t -> t.atZone(SHANGHAI).toLocalDate().equals(date)).count();
  }

  @Test
  void aDatesWeight_scalesItsDay_andBelowOneLeavesEveryOtherDaysArrivalsAsTheyWere() {
    LocalDate from = LocalDate.of(2024, 9, 23);
    LocalDate to = LocalDate.of(2024, 10, 14);
    LocalDate nationalDay = LocalDate.of(2024, 10, 1);
    List<Instant> plain = arrivals(Arrivals.defaults(), from, to);
    List<Instant> quiet =
        arrivals(
            Arrivals.defaults()
                .withDates(java.util.Map.of(nationalDay, 0.0, nationalDay.plusDays(1), 0.5)),
            from,
            to);

    assertThat(onDate(plain, nationalDay)).isGreaterThan(60);
    assertThat(onDate(quiet, nationalDay)).isZero();
    assertThat(onDate(quiet, nationalDay.plusDays(1)))
        .isBetween(1L, onDate(plain, nationalDay.plusDays(1)) - 1);
    assertThat(
            quiet.stream()
                .filter(
                    t ->
                        t.atZone(SHANGHAI).toLocalDate().isBefore(nationalDay)
                            || t.atZone(SHANGHAI).toLocalDate().isAfter(nationalDay.plusDays(1)))
                .toList())
        .as("the same candidates, thinned alike outside the two dates")
        .isEqualTo(
            plain.stream()
                .filter(
                    t ->
                        t.atZone(SHANGHAI).toLocalDate().isBefore(nationalDay)
                            || t.atZone(SHANGHAI).toLocalDate().isAfter(nationalDay.plusDays(1)))
                .toList());
  }

  @Test
  void aBusyDate_getsItsWeightTimesAnOrdinaryDay() {
    LocalDate festival = LocalDate.of(2024, 2, 24); // the Lantern Festival, a Saturday
    Arrivals busy = Arrivals.defaults().withDates(java.util.Map.of(festival, 3.0));
    // five ordinary Saturdays around it: about 85 arrivals a day at 100 grids
    List<Instant> weeks = arrivals(busy, LocalDate.of(2024, 2, 3), LocalDate.of(2024, 3, 10));
    double ordinarySaturday =
        (onDate(weeks, LocalDate.of(2024, 2, 3))
                + onDate(weeks, LocalDate.of(2024, 2, 10))
                + onDate(weeks, LocalDate.of(2024, 2, 17))
                + onDate(weeks, LocalDate.of(2024, 3, 2))
                + onDate(weeks, LocalDate.of(2024, 3, 9)))
            / 5.0;

    assertThat(onDate(weeks, festival) / ordinarySaturday).isCloseTo(3.0, within(0.6));
  }

  /** A weekday weighing twice another gets twice its arrivals. */
  @Test
  void aWeeklyCycle_loadsEachWeekdayByItsWeight() {
    List<Double> busySaturday = new ArrayList<>(Collections.nCopies(7, 1.0));
    busySaturday.set(5, 2.0);
    List<Instant> weeks =
        arrivals(
            Arrivals.defaults().toBuilder().weekly(busySaturday).build(),
            LocalDate.of(2024, 3, 4),
            LocalDate.of(2024, 4, 29)); // eight weeks from a Monday

    long saturdays =
        weeks.stream()
            .filter(t -> t.atZone(SHANGHAI).getDayOfWeek() == java.time.DayOfWeek.SATURDAY)
            .count();
    long fridays =
        weeks.stream()
            .filter(t -> t.atZone(SHANGHAI).getDayOfWeek() == java.time.DayOfWeek.FRIDAY)
            .count();
    // 100 a day on average: 175 on a Saturday and 87.5 on other days, about 1,400 and 700
    assertThat((double) saturdays / fridays).isCloseTo(2.0, within(0.2));
    assertThat(weeks).hasSizeBetween(5_300, 5_900);
  }

  /**
   * An hour that no source has (the common profile at 0, and 0 in a source's own) has no arrivals,
   * and no choice of source to make then.
   */
  @Test
  void anHourNoSourceHas_hasNoArrivals() {
    List<Double> noThreeOClock = new ArrayList<>(Collections.nCopies(24, 1.0));
    noThreeOClock.set(3, 0.0);
    SimulationConfig config =
        SimulationConfig.defaults()
            .withArrivals(
                Arrivals.defaults().toBuilder()
                    .perGridPerDay(1.0)
                    .hourly(noThreeOClock)
                    .build()
                    .withSourceHourly(Map.of(Source.PATROL, noThreeOClock)));
    ArrivalProcess process =
        new ArrivalProcess(config, 100, CategoryCatalogue.standard(), new Randomness(3));
    Instant from = LocalDate.of(2024, 3, 4).atStartOfDay(SHANGHAI).toInstant();
    Instant end = from.plus(java.time.Duration.ofDays(7));
    long all = 0;
    for (Instant t = process.next(from); t.isBefore(end); t = process.next(t)) {
      process.source();
      all++;
      assertThat(t.atZone(SHANGHAI).getHour()).as("arrival at %s", t).isNotEqualTo(3);
    }
    assertThat(all).isBetween(600L, 800L);
  }

  /**
   * A candidate is kept in proportion to the rate of its hour, so one in an hour of rate 0 never
   * is, even on the lowest thinning draw there is: a uniform draw of exactly 0 (which [0, 1) holds)
   * is not below a rate of 0.
   */
  @Test
  @SuppressWarnings("ConstantOverflow") // the seed is worked out modulo 2^64 on purpose
  void anHourOfRateZero_keepsNoCandidate_evenOnAThinningDrawOfZero() {
    // SplittableRandom's n-th draw mixes seed + n × its golden gamma, and the mix of 0 is 0
    long seed = -2 * 0x9E3779B97F4A7C15L;
    Randomness draws = new Randomness(seed);
    double gapDraw = draws.uniform();
    assertThat(draws.uniform()).as("the first candidate's thinning draw").isZero();
    assertThat(gapDraw).as("a gap of seconds, not hours").isBetween(0.1, 0.5);
    List<Double> noonOnly = new ArrayList<>(Collections.nCopies(24, 0.0));
    noonOnly.set(12, 1.0);
    SimulationConfig config =
        SimulationConfig.defaults()
            .withArrivals(
                Arrivals.defaults().toBuilder().perGridPerDay(1.0).hourly(noonOnly).build());
    ArrivalProcess process =
        new ArrivalProcess(config, 100, CategoryCatalogue.standard(), new Randomness(seed));
    // one candidate about every 30 s at the peak rate: the first comes seconds after 03:00
    Instant threeOClock = LocalDate.of(2024, 3, 4).atTime(3, 0).atZone(SHANGHAI).toInstant();

    Instant first = process.next(threeOClock);

    assertThat(first.atZone(SHANGHAI).getHour()).as("arrival at %s", first).isEqualTo(12);
    assertThat(first.atZone(SHANGHAI).toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 4));
  }

  @Test
  void monthlyWeights_normalisedOverTheDaysOfAYear_notOverTwelveMonths() {
    List<Double> februaryPeak = new ArrayList<>(Arrivals.FLAT_YEAR);
    februaryPeak.set(1, 10.0);
    List<Double> normalised = Arrivals.normalisedByDays(februaryPeak);

    double year = 0;
    for (int m = 0; m < 12; m++) {
      year += normalised.get(m) * Month.of(m + 1).length(false);
    }
    assertThat(year).isCloseTo(365.0, within(1e-9));
    assertThat(normalised.get(1) / normalised.get(0)).isCloseTo(10.0, within(1e-12));
    assertThat(Arrivals.normalisedByDays(Arrivals.FLAT_YEAR)).containsOnly(1.0);
  }

  @Test
  void aSourceOnItsOwnHours_arrivesOnlyThen_keepingItsShareAndTheDaysVolume() {
    List<Double> office = new ArrayList<>(Collections.nCopies(24, 0.0));
    for (int h = 8; h < 18; h++) {
      office.set(h, 1.0);
    }
    SimulationConfig config =
        SimulationConfig.defaults()
            .withArrivals(
                Arrivals.defaults()
                    .withRate(1.0)
                    .withSourceHourly(java.util.Map.of(Source.PATROL, office)));
    ArrivalProcess process =
        new ArrivalProcess(config, 100, CategoryCatalogue.standard(), new Randomness(11));
    Instant from = LocalDate.of(2024, 3, 4).atStartOfDay(SHANGHAI).toInstant();
    Instant end = from.plus(java.time.Duration.ofDays(28));
    long all = 0;
    long patrols = 0;
    long nightOthers = 0;
    for (Instant t = process.next(from); t.isBefore(end); t = process.next(t)) {
      process.category();
      Source source = process.source();
      int hour = t.atZone(SHANGHAI).getHour();
      all++;
      if (source == Source.PATROL) {
        patrols++;
        assertThat(hour).as("a patrol's finding at %s", t).isBetween(8, 17);
      } else if (hour < 8 || hour >= 18) {
        nightOthers++;
      }
    }

    // 28 days of 100 grids at one a grid a day: 2,800 expected (sd about 53)
    assertThat(all).isBetween(2_600L, 3_000L);
    assertThat((double) patrols / all).as("PATROL keeps its 45 %").isCloseTo(0.45, within(0.03));
    assertThat(nightOthers).as("the hotline and residents call at night").isPositive();
  }

  @Test
  void aCategoryClassOnItsOwnHours_arrivesOnlyThen_keepingItsShareAndTheDaysVolume() {
    // street order (E04, a quarter of the default weights) only from 20:00 to 02:00
    List<Double> night = new ArrayList<>(Collections.nCopies(24, 0.0));
    for (int h : new int[] {20, 21, 22, 23, 0, 1}) {
      night.set(h, 1.0);
    }
    SimulationConfig config =
        SimulationConfig.defaults()
            .withArrivals(
                Arrivals.defaults()
                    .withRate(1.0)
                    .withCategoryHourly(java.util.Map.of("E04", night)));
    ArrivalProcess process =
        new ArrivalProcess(config, 100, CategoryCatalogue.standard(), new Randomness(13));
    Instant from = LocalDate.of(2024, 3, 4).atStartOfDay(SHANGHAI).toInstant();
    Instant end = from.plus(java.time.Duration.ofDays(28));
    long all = 0;
    long streetOrder = 0;
    long dayOthers = 0;
    for (Instant t = process.next(from); t.isBefore(end); t = process.next(t)) {
      boolean e04 = process.category().code().toString().startsWith("E04");
      process.source();
      int hour = t.atZone(SHANGHAI).getHour();
      all++;
      if (e04) {
        streetOrder++;
        assertThat(hour).as("street order at %s", t).isIn(20, 21, 22, 23, 0, 1);
      } else if (hour >= 8 && hour < 18) {
        dayOthers++;
      }
    }

    // 2,800 expected (sd about 53); E04 weighs 25 of the default 100
    assertThat(all).isBetween(2_600L, 3_000L);
    assertThat((double) streetOrder / all).as("E04 keeps its 25 %").isCloseTo(0.25, within(0.03));
    assertThat(dayOthers).as("the other classes keep the common day").isGreaterThan(all / 2);
  }

  /**
   * The arrivals outside an overloaded line keep the mix they have without the overload: a class
   * with some categories in the overloaded line keeps only its other categories' weight (street
   * order, E04, kept all of its weight and drew 27 % of them instead of 22 %).
   */
  @Test
  void anOverload_leavesTheOtherArrivalsInTheMixOfNoOverload() {
    CategoryCatalogue catalogue = CategoryCatalogue.standard();
    Overload baoshan = Overload.baoshan(4);
    SimulationConfig config =
        SimulationConfig.defaults()
            .withArrivals(Arrivals.defaults().withRate(1.0))
            .withOverload(baoshan);
    ArrivalProcess process = new ArrivalProcess(config, 100, catalogue, new Randomness(19));
    // each category's chance without the overload: its class's weight shared evenly
    Map<String, Double> expected = new HashMap<>();
    double outside = 0;
    for (Map.Entry<String, Double> c : Arrivals.defaults().categories().entrySet()) {
      List<Category> members =
          catalogue.all().stream().filter(k -> k.code().toString().startsWith(c.getKey())).toList();
      for (Category k : members) {
        if (!k.defaultLine().equals(baoshan.line())) {
          expected.merge(c.getKey(), c.getValue() / members.size(), Double::sum);
          outside += c.getValue() / members.size();
        }
      }
    }
    Map<String, Long> drawn = new HashMap<>();
    long others = 0;
    Instant t = LocalDate.of(2024, 3, 4).atStartOfDay(SHANGHAI).toInstant();
    for (int i = 0; i < 100_000; i++) {
      t = process.next(t);
      Category category = process.category();
      if (!category.defaultLine().equals(baoshan.line())) {
        others++;
        String code = category.code().toString();
        expected.keySet().stream()
            .filter(code::startsWith)
            .forEach(prefix -> drawn.merge(prefix, 1L, Long::sum));
      }
    }

    assertThat(others).as("a fifth outside the overloaded line").isBetween(19_000L, 21_000L);
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      double share = e.getValue() / outside; // sd below 0.0035 for 20,000 draws
      assertThat((double) drawn.getOrDefault(e.getKey(), 0L) / others)
          .as(e.getKey())
          .isCloseTo(share, within(0.015));
    }
  }

  /** A class prefix of the right form that no category of the catalogue has is a typo. */
  @Test
  void aClassNoCategoryHas_refusedNamingTheCategories() {
    SimulationConfig config =
        SimulationConfig.defaults()
            .withArrivals(Arrivals.defaults().withCategories(Map.of("E04", 1.0, "E99", 1.0)));

    assertThatThrownBy(
            () -> new ArrivalProcess(config, 100, CategoryCatalogue.standard(), new Randomness(1)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("prefix E99 matches no category of the catalogue");
  }

  @Test
  void anOverloadOfALineNoCategoryHas_refusedNamingTheLine() {
    // public-security is a standard line (so Overload takes it) that no category names
    SimulationConfig config =
        SimulationConfig.defaults()
            .withOverload(new Overload(LineId.of("public-security"), 0.5, 4));

    assertThatThrownBy(
            () -> new ArrivalProcess(config, 100, CategoryCatalogue.standard(), new Randomness(1)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("simulation setup " + config.setup());
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("overload.line");
                        assertThat(v.rule()).isEqualTo("simulation.overload");
                        assertThat(v.value()).isEqualTo("public-security");
                      });
            });
  }

  @Test
  void anOverloadTakingEveryClassOfWeight_refusedNamingTheCategories() {
    // E0402 is urban management's alone; E01 keeps categories outside it, but weighs nothing
    SimulationConfig config =
        SimulationConfig.defaults()
            .withArrivals(
                Arrivals.defaults().withCategories(ImmutableMap.of("E0402", 1.0, "E01", 0.0)))
            .withOverload(Overload.baoshan(4));

    // before the fix: an IllegalArgumentException "at least one weight must be positive"
    assertThatThrownBy(
            () -> new ArrivalProcess(config, 100, CategoryCatalogue.standard(), new Randomness(1)))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessage(
            "[simulation.arrivals] categories every category of [E0402, E01] that"
                + " weighs anything is in the overloaded line urban-management: none is left for the"
                + " arrivals outside it");
  }

  @Test
  void noClassOnItsOwnHours_drawsTheVeryArrivalsAndCategories() {
    LocalDate from = LocalDate.of(2024, 3, 4);
    List<String> plain = categoriesOf(Arrivals.defaults(), from);
    List<String> emptyProfiles =
        categoriesOf(Arrivals.defaults().withCategoryHourly(java.util.Map.of()), from);
    List<String> commonProfile =
        categoriesOf(
            Arrivals.defaults()
                .withCategoryHourly(java.util.Map.of("E01", Arrivals.defaults().hourly())),
            from);

    assertThat(emptyProfiles).isEqualTo(plain).hasSizeGreaterThan(1_000);
    assertThat(commonProfile)
        .as("a class on the common hours draws as if it had none")
        .isEqualTo(plain);
  }

  /** Each arrival's instant and category over two weeks of 100 grids. */
  private static List<String> categoriesOf(Arrivals arrivals, LocalDate from) {
    SimulationConfig config = SimulationConfig.defaults().withArrivals(arrivals.withRate(1.0));
    ArrivalProcess process =
        new ArrivalProcess(config, 100, CategoryCatalogue.standard(), new Randomness(17));
    Instant end = from.plusDays(14).atStartOfDay(SHANGHAI).toInstant();
    List<String> all = new ArrayList<>();
    for (Instant t = process.next(from.atStartOfDay(SHANGHAI).toInstant());
        t.isBefore(end);
        t = process.next(t)) {
      all.add(t + " " + process.category().code() + " " + process.source());
    }
    return all;
  }
}
