package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.governance.Town.NINE;

import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.threeten.extra.MutableClock;

/**
 * A policy naming a line or category the directory lacks is taken (one policy may serve districts
 * whose catalogues differ) with a warning naming what never applies.
 */
class PolicyReferencesWarningTest {
  /** The builder's and the facade's warnings both reach the package's logger. */
  @RegisterExtension final CapturedLog log = CapturedLog.start();

  private static PolicySet policy(String rows) {
    return PolicyLoader.fromYaml(
        new StringReader(
            """
        id: typo
        version: 1
        effectiveFrom: 2024-01-01
        zone: Asia/Shanghai
        source: test
        dispatch:
          claimWindow: 24h
          replyWithin: 72h
          supervisionAfter: 24h
          timeLimits:
        """
                + rows
                + """
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: HARD, quota: { GRID: 0.1 } }
        """),
        "typo.yaml");
  }

  private List<String> warnings() {
    return log.messages(Level.WARNING);
  }

  @Test
  void aTimeLimitRowForALineTheDirectoryLacks_builtWithAWarningNamingIt() {
    GridGovernance governance =
        Town.governance(
            MutableClock.of(NINE, ZoneOffset.UTC),
            policy(
                "    - { line: sanitaton, replyWithin: 48h }\n"
                    + "    - { line: urban-management, replyWithin: 24h }\n"));

    assertThat(governance.policy().latest().dispatch().timeLimits()).hasSize(2);
    assertThat(warnings())
        .singleElement()
        .asString()
        .contains("policy typo v1")
        .contains(
            "dispatch.timeLimits[0].line: is not a line of the directory, was sanitaton"
                + " [policy.unknown-line]")
        .doesNotContain("timeLimits[1]");
  }

  @Test
  void aDirectoryRevisionWithoutTheLine_orAVersionSavedByAnotherNode_warnedWhenTakenUp() {
    org.gridgov.core.Directory town = Town.directory();
    org.gridgov.core.Directory withWater =
        new org.gridgov.core.Directory(
            town.territory(),
            town.roster(),
            town.lines()
                .with(
                    List.of(
                        org.gridgov.core.line.Line.of(
                            org.gridgov.core.line.LineId.of("water-group"),
                            "water group",
                            org.gridgov.core.territory.Level.DISTRICT))),
            town.catalogue());
    InMemoryGridStorage storage = InMemoryGridStorage.create();
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance node =
        GridGovernance.builder()
            .storage(storage)
            .directory(withWater)
            .policy(policy("    - { line: water-group, replyWithin: 48h }\n"))
            .clock(clock)
            .build();
    assertThat(warnings()).as("the line is there").isEmpty();

    node.updateDirectory(town, node.directoryRevision());

    assertThat(warnings())
        .singleElement()
        .asString()
        .contains("directory revision 2")
        .contains("dispatch.timeLimits[0].line: is not a line of the directory, was water-group");
    log.clear();
    PolicySet second =
        PolicyLoader.fromYaml(
            new StringReader(
                """
        id: typo
        version: 2
        effectiveFrom: 2024-06-01
        zone: Asia/Shanghai
        source: test
        dispatch:
          claimWindow: 24h
          replyWithin: 72h
          supervisionAfter: 24h
          categoryDeadlines: { E0499: 12h }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: HARD, quota: { GRID: 0.1 } }
        """),
            "typo-2.yaml");
    storage.policies().save(second); // as another node or an administrator would

    assertThat(node.refreshPolicy()).isTrue();
    assertThat(warnings())
        .as("only the version taken up")
        .singleElement()
        .asString()
        .contains("policy typo v2")
        .contains("dispatch.categoryDeadlines.E0499");
  }

  @Test
  void aPolicyNamingOnlyWhatTheDirectoryHolds_noWarning() {
    Town.governance(MutableClock.of(NINE, ZoneOffset.UTC), Presets.kaixuan());
    Town.governance(
        InMemoryGridStorage.create(),
        MutableClock.of(NINE, ZoneOffset.UTC),
        policy("    - { line: traffic-police, category: E04, replyWithin: 12h }\n"));

    assertThat(warnings()).isEmpty();
  }
}
