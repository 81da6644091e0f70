package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ObjIntConsumer;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.people.Roster;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.indicator.IndicatorReport;
import org.gridgov.scoring.policy.IndicatorSettings;
import org.gridgov.scoring.policy.ScoringPresets;
import org.junit.jupiter.api.Test;

/** When each month's indicators are final: at the first event at or after its cut-off. */
class MonthlyIndicatorsTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final AreaCode GRID = AreaCode.of("330102011002001", Level.GRID);

  private static Instant at(int month, int day, int hour, int minute) {
    return LocalDate.of(2024, month, day).atTime(hour, minute).atZone(ZONE).toInstant();
  }

  private static IncidentReported reported(int n, Instant at) {
    return new IncidentReported(
        IncidentId.of("I" + n),
        Actor.resident("r"),
        at,
        "",
        Source.APP,
        CategoryCode.parse("P0113"),
        GRID,
        Optional.empty(),
        Optional.empty(),
        false,
        "",
        Optional.empty());
  }

  private static IndicatorSettings settlingTwoDays() {
    IndicatorSettings kaixuan = ScoringPresets.kaixuan().indicators();
    return new IndicatorSettings(
        kaixuan.respondWithin(),
        kaixuan.closeWithin(),
        Duration.ofDays(2),
        kaixuan.satisfiedAtLeast(),
        kaixuan.lateReplyCredit(),
        kaixuan.percentiles(),
        kaixuan.threeRateSources());
  }

  /**
   * Indicators of {@code months} settling two days, on a territory without workers or visits,
   * telling {@code finished} each month's report.
   */
  private static MonthlyIndicators settlingTwoDays(
      List<Period> months, ObjIntConsumer<IndicatorReport> finished) {
    return new MonthlyIndicators(
        months,
        settlingTwoDays(),
        Directory.of(Divisions.jingfangExample(), Roster.of(List.of())),
        period -> List.of(),
        finished);
  }

  /**
   * January, February and March 2024 with Kaixuan's indicators settling two days: January's cut-off
   * is 3 February 00:00. January is not final when February starts, nor a minute before its
   * cut-off, but at an event on it; the months no event reached are finished at the end, each
   * started from the one before, all in order.
   */
  @Test
  void accept_finishesAMonthAtItsCutOff_finishTheRestInOrder() {
    List<Period> months = MonthlyIndicators.months(LocalDate.of(2024, 1, 1), 91, ZONE);
    assertThat(months)
        .extracting(Period::first)
        .containsExactly(
            LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1));
    List<Integer> finished = new ArrayList<>();
    List<Period> periods = new ArrayList<>();
    MonthlyIndicators indicators =
        settlingTwoDays(
            months,
            (report, month) -> {
              finished.add(month);
              periods.add(report.period());
            });

    indicators.accept(reported(1, at(1, 10, 9, 0)));
    indicators.accept(reported(2, at(2, 1, 0, 0)));
    assertThat(finished).as("February started, January still settling").isEmpty();
    indicators.accept(reported(3, at(2, 2, 23, 59)));
    assertThat(finished).as("a minute before January's cut-off").isEmpty();
    indicators.accept(reported(4, at(2, 3, 0, 0)));
    assertThat(finished).as("on January's cut-off").containsExactly(0);

    indicators.finish();

    assertThat(finished).containsExactly(0, 1, 2);
    assertThat(periods).isEqualTo(months);
  }

  /**
   * The same three months, but the first event after January's jumps to 1 March: it starts February
   * and March and finishes January, whose cut-off (3 February) is behind it. February is still
   * settling then; it is final at the first event on its own cut-off, 3 March 00:00, while the last
   * month has already started, and March at the end.
   */
  @Test
  void accept_anEarlierMonthsCutOffInTheLastMonth_finishesItThen() {
    List<Period> months = MonthlyIndicators.months(LocalDate.of(2024, 1, 1), 91, ZONE);
    List<Integer> finished = new ArrayList<>();
    List<Period> periods = new ArrayList<>();
    MonthlyIndicators indicators =
        settlingTwoDays(
            months,
            (report, month) -> {
              finished.add(month);
              periods.add(report.period());
            });

    indicators.accept(reported(1, at(1, 10, 9, 0)));
    indicators.accept(reported(2, at(3, 1, 0, 0)));
    assertThat(finished).as("March started, past January's cut-off").containsExactly(0);
    indicators.accept(reported(3, at(3, 2, 23, 59)));
    assertThat(finished).as("a minute before February's cut-off").containsExactly(0);
    indicators.accept(reported(4, at(3, 3, 0, 0)));
    assertThat(finished).as("on February's cut-off").containsExactly(0, 1);

    indicators.finish();

    assertThat(finished).containsExactly(0, 1, 2);
    assertThat(periods).isEqualTo(months);
  }

  /**
   * A run from 20 January for 20 days: January from the 20th to its end, then February from the 1st
   * to the 8th, the run's last day, not to the month's end.
   */
  @Test
  void months_theFirstAndTheLastCutToTheRun() {
    assertThat(MonthlyIndicators.months(LocalDate.of(2024, 1, 20), 20, ZONE))
        .containsExactly(
            new Period(LocalDate.of(2024, 1, 20), LocalDate.of(2024, 1, 31), ZONE),
            new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 8), ZONE));
    assertThat(MonthlyIndicators.months(LocalDate.of(2024, 3, 4), 7, ZONE))
        .as("within a month")
        .containsExactly(new Period(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 10), ZONE));
  }

  @Test
  void accept_anEventBeforeTheLatest_refused() {
    List<Period> months = MonthlyIndicators.months(LocalDate.of(2024, 1, 1), 31, ZONE);
    MonthlyIndicators indicators = settlingTwoDays(months, (report, month) -> {});
    indicators.accept(reported(1, at(1, 10, 9, 0)));
    indicators.accept(reported(2, at(1, 10, 9, 0))); // at the same instant: in order

    assertThatThrownBy(() -> indicators.accept(reported(3, at(1, 10, 8, 59))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("events must come in time order: ")
        .hasMessageEndingWith(" after an event at " + at(1, 10, 9, 0));
  }
}
