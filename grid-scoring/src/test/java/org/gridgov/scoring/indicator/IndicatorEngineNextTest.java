package org.gridgov.scoring.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gridgov.scoring.Town.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.Source;
import org.gridgov.scoring.History;
import org.gridgov.scoring.Period;
import org.gridgov.scoring.policy.IndicatorSettings;
import org.junit.jupiter.api.Test;

/**
 * {@link IndicatorEngine#next}: March, April and May scored in one pass, each event fed only to the
 * engines whose period or settle time it falls in, give what each month's engine gives from every
 * history. Hours after {@link org.gridgov.scoring.Town#T0} (4 March, 09:00 in Shanghai): April
 * starts at hour 663, May at 1383.
 */
class IndicatorEngineNextTest {
  private static final Period APRIL = Period.month(YearMonth.of(2024, 4), ZONE);
  private static final Period MAY = Period.month(YearMonth.of(2024, 5), ZONE);

  /** Two days to settle, so that the first two days of a month go to two engines. */
  private static final IndicatorSettings SETTLING =
      new IndicatorSettings(
          SETTINGS.respondWithin(),
          SETTINGS.closeWithin(),
          Duration.ofHours(48),
          SETTINGS.satisfiedAtLeast(),
          SETTINGS.lateReplyCredit(),
          SETTINGS.percentiles(),
          SETTINGS.threeRateSources());

  /** Histories that cross the month ends. */
  private static List<List<IncidentEvent>> histories() {
    return List.of(
        // March only
        History.byWorker("m1", G1, A, 10)
            .registered(11, URBAN)
            .claimed(A, 12, 20)
            .feedback(A, 15)
            .verified(S, 16)
            .closed(17)
            .rated(5, 5, 5, 18)
            .archived(30)
            .build(),
        // reported and answered in March, the reply due in April; verified, closed in April
        History.byWorker("x1", G1, A, 650)
            .registered(651, URBAN)
            .claimed(A, 652, 700)
            .feedback(A, 660)
            .verified(S, 670)
            .closed(672)
            .rated(5, 4, 4, 675)
            .archived(690)
            .build(),
        // reported in March, registered in April, overdue, closed in April, never archived
        History.reported("x2", G1, Source.HOTLINE_12345, Actor.external("hotline"), 660)
            .registered(665, URBAN)
            .assigned(B, URBAN, 666, 680)
            .overdue(680, 680)
            .feedback(B, 690)
            .verified(S, 691)
            .closed(692)
            .build(),
        // April only, a failed verification
        History.byWorker("a1", G2, C, 700)
            .registered(701, URBAN)
            .claimed(C, 702, 720)
            .feedback(C, 705)
            .failed(S, 706, 730)
            .feedback(C, 710)
            .verified(S, 711)
            .closed(712)
            .archived(720)
            .build(),
        // answered in March, the reply due in May: counted two engines later
        History.byWorker("x3", G2, C, 640)
            .registered(641, URBAN)
            .claimed(C, 642, 1400)
            .feedback(C, 645)
            .build(),
        // fed back in March, due in March, supervised in April awaiting verification: areas only
        History.byWorker("x5", G2, C, 640)
            .registered(641, URBAN)
            .claimed(C, 642, 662)
            .feedback(C, 660)
            .supervised(670)
            .verified(S, 675)
            .build(),
        // claimed in April, deadline missed in May, still open
        History.byWorker("x4", G1, B, 1300).registered(1301, URBAN).claimed(B, 1302, 1390).build());
  }

  /** Every event in time order, as an event log would give them. */
  private static List<IncidentEvent> inTimeOrder(List<List<IncidentEvent>> histories) {
    List<IncidentEvent> all = new ArrayList<>();
    histories.forEach(all::addAll);
    all.sort(Comparator.comparing(IncidentEvent::at)); // stable: a history keeps its order
    return all;
  }

  private static IndicatorReport fromEveryHistory(Period period) {
    return new IndicatorEngine(period, SETTLING).seed(directory()).acceptAll(histories()).finish();
  }

  @Test
  void next_monthsInOnePass_eachMonthAsFromEveryHistory() {
    List<Period> periods = List.of(PERIOD, APRIL, MAY);
    List<IndicatorEngine> engines =
        new ArrayList<>(List.of(new IndicatorEngine(PERIOD, SETTLING).seed(directory())));
    List<Integer> fed = new ArrayList<>(List.of(0, 0, 0));
    for (IncidentEvent e : inTimeOrder(histories())) {
      while (engines.size() < periods.size()
          && !e.at().isBefore(periods.get(engines.size()).from())) {
        engines.add(
            engines.get(engines.size() - 1).next(periods.get(engines.size())).seed(directory()));
      }
      for (int i = 0; i < engines.size(); i++) {
        if (e.at().isBefore(engines.get(i).cutOff())) {
          engines.get(i).accept(e);
          fed.set(i, fed.get(i) + 1);
        }
      }
    }
    assertThat(engines).as("no event in May: its engine starts when the run ends").hasSize(2);
    engines.add(engines.get(1).next(MAY).seed(directory()));
    List<IndicatorReport> reports = engines.stream().map(IndicatorEngine::finish).toList();

    assertThat(reports).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(reports.get(i))
          .as(periods.get(i).label())
          .isEqualTo(fromEveryHistory(periods.get(i)));
    }
    long events = histories().stream().mapToLong(List::size).sum();
    assertThat(fed.stream().mapToLong(Integer::longValue).sum())
        .as("not every event to every month")
        .isLessThan(2 * events);
    // by hand: C's March answer (x3) is May's reply, A's (x1) April's, with a1's two
    assertThat(reports.get(1).worker(A).count(Counter.REPLIES_ON_TIME)).isEqualTo(1);
    assertThat(reports.get(1).worker(C).count(Counter.REPLIES_ON_TIME)).isEqualTo(2);
    assertThat(reports.get(2).worker(C).count(Counter.REPLIES_ON_TIME)).isEqualTo(1);
    assertThat(reports.get(2).worker(B).count(Counter.REPLIES_DUE))
        .as("x4 missed in May")
        .isEqualTo(1);
    assertThat(reports.get(0).worker(A).count(Counter.REPLIES_DUE)).as("m1 only").isEqualTo(1);
    assertThat(reports.get(1).area(G1).count(Counter.REPORTED))
        .as("x4 only: x1 and x2 were reported in March")
        .isEqualTo(1);
    assertThat(reports.get(1).area(G1).count(Counter.DUE_FOR_CLOSING))
        .as("x2 (reported in March) and x4, registered in April")
        .isEqualTo(2);
  }

  @Test
  void next_notTheDayAfter_refusedNamingThePeriod() {
    IndicatorEngine march = new IndicatorEngine(PERIOD, SETTLING);
    Period gap = new Period(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 30), ZONE);
    Period elsewhere = Period.month(YearMonth.of(2024, 4), java.time.ZoneOffset.UTC);

    for (Period wrong : List.of(gap, elsewhere, PERIOD)) {
      InvalidInputException e =
          catchThrowableOfType(InvalidInputException.class, () -> march.next(wrong));
      assertThat(e.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.path()).isEqualTo("period");
                assertThat(v.rule()).isEqualTo("indicators.next");
                assertThat(v.message())
                    .isEqualTo("must start the day after 2024-03-31 in Asia/Shanghai");
              });
    }
    assertThat(
            catchThrowableOfType(InvalidInputException.class, () -> march.next(null)).violations())
        .extracting(v -> v.rule())
        .containsExactly("indicators.next");
  }

  /**
   * Months chained in one pass need the events in time order: a March event fed to March's engine
   * after April's started is lost to April (here an answer in March due in April, on time in April
   * from every history), so the engine refuses it instead of counting April silently wrong.
   */
  @Test
  void next_thenAnEventBeforeThisPeriodsEnd_refused() {
    List<IncidentEvent> x =
        History.byWorker("x", G1, A, 640)
            .registered(641, URBAN)
            .claimed(A, 642, 700)
            .feedback(A, 650)
            .build();
    List<IncidentEvent> y = History.byWorker("y", G2, C, 670).build();
    assertThat(fromEveryHistory(APRIL, List.of(x, y)).worker(A).count(Counter.REPLIES_ON_TIME))
        .as("x answered in March, due in April")
        .isEqualTo(1);
    IndicatorEngine march = new IndicatorEngine(PERIOD, SETTLING).seed(directory());
    march.accept(x.get(0));
    march.accept(x.get(1));
    IndicatorEngine april = march.next(APRIL).seed(directory()); // y's report, in April, came
    march.accept(y.get(0));
    april.accept(y.get(0));

    assertThatThrownBy(() -> march.accept(x.get(2))) // x's claim, at hour 642, in March
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2024-04");
  }

  private static IndicatorReport fromEveryHistory(
      Period period, List<List<IncidentEvent>> histories) {
    return new IndicatorEngine(period, SETTLING).seed(directory()).acceptAll(histories).finish();
  }

  @Test
  void next_afterAnEventOfTheNextPeriod_orFinished_refused() {
    IndicatorEngine march = new IndicatorEngine(PERIOD, SETTLING);
    march.acceptAll(List.of(History.byWorker("late", G1, A, 663).build()));

    assertThatThrownBy(() -> march.next(APRIL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was fed an event at 2024-03-31T16:00:00Z");

    IndicatorEngine finished = new IndicatorEngine(PERIOD, SETTLING);
    finished.finish();
    assertThatThrownBy(() -> finished.next(APRIL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has finished");
  }

  @Test
  void next_aReplyDueExactlyAtTheMonthsEnd_countsInTheNextMonth() {
    // answered in March at hour 650, due at hour 663: the first instant of April
    List<IncidentEvent> x =
        History.byWorker("x", G1, A, 640)
            .registered(641, URBAN)
            .claimed(A, 642, 663)
            .feedback(A, 650)
            .build();
    IndicatorEngine march = new IndicatorEngine(PERIOD, SETTLING).seed(directory());
    x.forEach(march::accept);

    IndicatorReport april = march.next(APRIL).seed(directory()).finish();

    assertThat(april.worker(A).count(Counter.REPLIES_DUE)).isEqualTo(1);
    assertThat(april.worker(A).count(Counter.REPLIES_ON_TIME)).isEqualTo(1);
    assertThat(april.line(URBAN).count(Counter.REPLIES_ON_TIME)).isEqualTo(1);
    assertThat(april).isEqualTo(fromEveryHistory(APRIL, List.of(x)));
    assertThat(march.finish().worker(A).count(Counter.REPLIES_DUE)).as("not March's").isZero();
  }
}
