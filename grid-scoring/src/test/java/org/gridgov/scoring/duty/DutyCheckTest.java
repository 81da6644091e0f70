package org.gridgov.scoring.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.scoring.Town.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.scoring.Scoring;
import org.gridgov.scoring.indicator.Rate;
import org.gridgov.scoring.policy.ScoringPresets;
import org.junit.jupiter.api.Test;

class DutyCheckTest {

  private static LocalDate march(int day) {
    return LocalDate.of(2024, 3, day);
  }

  @Test
  void kaixuan_dailySelfCheckAndWeeklyInspection_missingSlotsListed() {
    List<CheckRecord> records = new ArrayList<>();
    for (int day = 1; day <= 31; day++) {
      if (day != 10 && day != 20) {
        records.add(new CheckRecord("grid-self-check", G1, march(day), A, 0));
      }
    }
    records.add(new CheckRecord("grid-self-check", G1, march(5), B, 2));
    records.add(new CheckRecord("community-inspection", COMMUNITY, march(6), A, 1));
    records.add(new CheckRecord("community-inspection", COMMUNITY, march(12), A, 0));
    records.add(
        new CheckRecord(
            "community-inspection", COMMUNITY, march(31), A, 0)); // Sunday, week of the 25th

    DutyReport report =
        Scoring.of(ScoringPresets.kaixuan())
            .month(MARCH, ZONE)
            .duties(records, directory(), COMMUNITY);

    DutyCompliance self = report.find("grid-self-check", G1).orElseThrow();
    assertThat(self.rate()).isEqualTo(Rate.of(29, 31));
    assertThat(self.missing()).containsExactly(march(10), march(20));
    assertThat(report.find("grid-self-check", G2).orElseThrow().done()).isZero();
    DutyCompliance inspection = report.find("community-inspection", COMMUNITY).orElseThrow();
    assertThat(inspection.due()).as("weeks of 4, 11, 18 and 25 March").isEqualTo(4);
    assertThat(inspection.missing()).containsExactly(march(18));
    assertThat(report.of("street-inspection")).as("no street inside a community").isEmpty();
    assertThat(report.of("grid-self-check")).as("every grid of the community").hasSize(6);
  }

  @Test
  void zeroReport_dayWithNothingNewStillCounts() {
    List<CheckRecord> records = new ArrayList<>();
    for (int day = 1; day <= 31; day++) {
      records.add(new CheckRecord("zero-report", COMMUNITY, march(day), A, day == 7 ? 3 : 0));
    }

    DutyReport report =
        Scoring.of(ScoringPresets.beijing12345())
            .month(MARCH, ZONE)
            .duties(records.subList(0, 30), directory(), COMMUNITY);

    assertThat(report.find("zero-report", COMMUNITY).orElseThrow().missing())
        .containsExactly(march(31));
  }

  @Test
  void check_unknownDuty_refusedNamingIt() {
    assertThatThrownBy(
            () ->
                Scoring.of(ScoringPresets.kaixuan())
                    .month(MARCH, ZONE)
                    .duties(
                        List.of(new CheckRecord("patrol", G1, march(1), A, 0)),
                        directory(),
                        COMMUNITY))
        .isInstanceOf(org.gridgov.core.InvalidInputException.class)
        .hasMessageContaining("records[0].duty: is not a duty of the policy")
        .hasMessageContaining("was patrol [duty.unknown]");
  }

  @Test
  void check_recordNullOrFiledAtAnotherLevel_allNamedAtOnce() {
    // a grid filing the community's inspection: not the community's, so refused, not lost
    List<CheckRecord> records =
        java.util.Arrays.asList(
            new CheckRecord("grid-self-check", G1, march(1), A, 0),
            null,
            new CheckRecord("community-inspection", G1, march(4), A, 0),
            new CheckRecord("patrol", G1, march(1), A, 0));

    assertThatThrownBy(
            () ->
                Scoring.of(ScoringPresets.kaixuan())
                    .month(MARCH, ZONE)
                    .duties(records, directory(), COMMUNITY))
        .isInstanceOf(org.gridgov.core.InvalidInputException.class)
        .hasMessageContaining("records[1]: must not be null [duty.input]")
        .hasMessageContaining(
            "records[2].unit: is a GRID; duty community-inspection is filed by"
                + " COMMUNITY units, was 330102011002001 [duty.unit-level]")
        .hasMessageContaining("records[3].duty: is not a duty of the policy")
        .hasMessageNotContaining("records[0]");
  }

  @Test
  void check_scopeOutsideTheTerritory_refusedNamingIt() {
    AreaCode elsewhere = AreaCode.parse("110101001001");

    assertThatThrownBy(
            () ->
                Scoring.of(ScoringPresets.kaixuan())
                    .month(MARCH, ZONE)
                    .duties(List.of(), directory(), elsewhere))
        .isInstanceOf(org.gridgov.core.InvalidInputException.class)
        .hasMessageContaining(
            "scope: is not an area of the territory, was 110101001001" + " [duty.input]");
  }

  @Test
  void check_missingArgument_namedWithItsRule() {
    var march = Scoring.of(ScoringPresets.kaixuan()).month(MARCH, ZONE);

    assertThatThrownBy(() -> march.duties(null, directory(), COMMUNITY))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessageContaining("records")
        .hasMessageContaining("duty.input");
    assertThatThrownBy(() -> march.duties(List.of(), directory(), null))
        .isInstanceOf(org.gridgov.core.RuleConfigurationException.class)
        .hasMessageContaining("scope")
        .hasMessageContaining("duty.input");
  }

  @Test
  void checkRecord_negativeNewItems_refusedNamingTheField() {
    assertThatThrownBy(() -> new CheckRecord("grid-self-check", G1, march(1), A, -1))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject())
                  .isEqualTo("check record grid-self-check " + G1 + " 2024-03-01");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("newItems");
                        assertThat(v.rule()).isEqualTo("input.range");
                        assertThat(v.value()).isEqualTo("-1");
                      });
            });
  }

  @Test
  void check_recordsOutsideScopeOrPeriod_notCounted() {
    List<CheckRecord> records =
        List.of(
            new CheckRecord(
                "grid-self-check", AreaCode.of("110101001001001", Level.GRID), march(1), A, 0),
            new CheckRecord("grid-self-check", G1, LocalDate.of(2024, 4, 1), A, 0),
            new CheckRecord("grid-self-check", G1, march(2), A, 0));

    DutyReport report =
        Scoring.of(ScoringPresets.kaixuan())
            .month(MARCH, ZONE)
            .duties(records, directory(), COMMUNITY);

    assertThat(report.find("grid-self-check", G1).orElseThrow().done()).isEqualTo(1);
    assertThat(report.of("grid-self-check"))
        .extracting(DutyCompliance::unit)
        .allMatch(unit -> unit.value().startsWith(COMMUNITY.value()));
  }
}
