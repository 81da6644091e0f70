package org.gridgov.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import org.gridgov.core.Directory;
import org.gridgov.core.Violation;
import org.gridgov.core.people.Roster;
import org.gridgov.core.territory.Divisions;
import org.junit.jupiter.api.Test;

/** A policy's lines and categories checked against the directory it is used with. */
class PolicyReferencesTest {
  private static final Directory DIRECTORY =
      Directory.of(Divisions.jingfangExample(), Roster.of(List.of()));
  private static final String POLICY =
      """
      id: references
      version: 1
      effectiveFrom: 2024-01-01
      zone: Asia/Shanghai
      source: test
      returns: { bounceLimit: 2 }
      verification: { maxReworks: 3 }
      escalation:
        mode: HARD
        quota: { GRID: 0.1 }
        authority:
          GRID: [E06, E99, P0113]
          COMMUNITY: [P01]
      dispatch:
        claimWindow: 24h
        replyWithin: 72h
        supervisionAfter: 24h
        categoryDeadlines: { E0601: 36h, E0699: 12h }
        timeLimits:
          - { grade: URGENT, replyWithin: 4h }
          - { line: sanitation, replyWithin: 48h }
          - { line: sanitaton, replyWithin: 48h }
          - { category: P0999, replyWithin: 8h }
          - { category: E04, line: no-such-line, replyWithin: 8h }
      """;

  private static PolicySet load(String yaml) {
    return PolicyLoader.fromYaml(new StringReader(yaml), "references.yaml");
  }

  @Test
  void everyLineAndCategoryTheDirectoryLacks_listedByPathWithItsRule() {
    List<Violation> unknown = PolicyReferences.unknownIn(load(POLICY), DIRECTORY);

    assertThat(unknown)
        .extracting(Violation::path, Violation::rule, Violation::value)
        .containsExactlyInAnyOrder(
            tuple("dispatch.categoryDeadlines.E0699", "policy.unknown-category", "E0699"),
            tuple("dispatch.timeLimits[2].line", "policy.unknown-line", "sanitaton"),
            tuple("dispatch.timeLimits[3].category", "policy.unknown-category", "P0999"),
            tuple("dispatch.timeLimits[4].line", "policy.unknown-line", "no-such-line"),
            tuple("escalation.authority.GRID[1]", "policy.unknown-category", "E99"));
    assertThat(unknown)
        .filteredOn(v -> v.path().endsWith(".line"))
        .allSatisfy(v -> assertThat(v.message()).isEqualTo("is not a line of the directory"));
  }

  @Test
  void thePresets_nameOnlyWhatTheStandardLinesAndCatalogueHold() {
    for (PolicySet preset : List.of(Presets.kaixuan(), Presets.dongcheng(), Presets.yangling())) {
      assertThat(PolicyReferences.unknownIn(preset, DIRECTORY)).as(preset.id()).isEmpty();
    }
  }
}
