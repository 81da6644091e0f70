package org.gridgov.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.people.Employment;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.gridgov.core.territory.Territory;
import org.junit.jupiter.api.Test;

class InMemoryGridStorageTest {
  private final GridStorage storage = InMemoryGridStorage.create();

  private static Directory jingfang() {
    Territory territory = Divisions.jingfangExample();
    AreaCode grid = territory.at(Level.GRID).get(0).code();
    Worker worker = Worker.of(WorkerId.of("w-1"), "网格员甲", Set.of(Role.GRID_MANAGER),
        AreaCode.parse("330102011002"), Set.of(grid));
    return Directory.of(territory, Roster.of(List.of(worker)));
  }

  @Test
  void directory_saveAndLoad_revisionsCompareAndSet() {
    assertThat(storage.directory().load()).isEmpty();
    Directory directory = jingfang();

    assertThat(storage.directory().save(directory, 0)).isEqualTo(1);
    assertThat(storage.directory().load().orElseThrow().value()).isSameAs(directory);
    assertThatThrownBy(() -> storage.directory().save(directory, 0))
        .isInstanceOf(StaleVersionException.class)
        .hasMessage("directory directory is at version 1, the writer expected 0");
    assertThat(storage.directory().save(directory, 1)).isEqualTo(2);
  }

  @Test
  void directory_brokenReferences_listedAndNothingBuilt() {
    Territory territory = Divisions.jingfangExample();
    Worker stray = Worker.of(WorkerId.of("w-9"), "某人", Set.of(Role.ASSISTANT),
        AreaCode.parse("330102011002"), Set.of(AreaCode.of("330102011002099", Level.GRID)))
        .withLines(Set.of(org.gridgov.core.line.LineId.of("no-such-line")))
        .withEmployment(Employment.PART_TIME);

    assertThatThrownBy(() -> Directory.of(territory, Roster.of(List.of(stray))))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations())
            .extracting(v -> v.rule())
            .containsExactlyInAnyOrder("people.unknown-grid", "directory.unknown-line"));
  }

  @Test
  void policies_timelinePerIdAndDuplicateVersionRefused() throws Exception {
    PolicySet v1 = Presets.kaixuan();
    storage.policies().save(v1);
    storage.policies().save(Presets.dongcheng());
    PolicySet v2 = PolicyLoader.fromYaml(new StringReader("""
        id: kaixuan
        version: 2
        effectiveFrom: 2020-01-01
        zone: Asia/Shanghai
        source: "test: a 12-hour claim window"
        dispatch: { claimWindow: 12h, replyWithin: 72h, supervisionAfter: 24h }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: HARD, quota: { GRID: 0.1 } }
        """), "v2.yaml");
    storage.policies().save(v2);

    assertThat(storage.policies().ids()).containsExactly("dongcheng", "kaixuan");
    var timeline = storage.policies().timeline("kaixuan").orElseThrow();
    assertThat(timeline.at(Instant.parse("2019-06-01T00:00:00Z"))).contains(v1);
    assertThat(timeline.at(Instant.parse("2021-06-01T00:00:00Z"))).contains(v2);
    assertThatThrownBy(() -> storage.policies().save(v2))
        .isInstanceOf(DuplicateException.class)
        .hasMessage("policy kaixuan v2 is already stored");
    assertThat(storage.policies().timeline("nope")).isEmpty();
  }

  @Test
  void counters_incrementIfBelow_stopsAtTheLimitAndDecrementGivesBack() {
    var counters = storage.counters();
    assertThat(counters.get("q")).isZero();
    assertThat(counters.incrementIfBelow("q", 2)).hasValue(1);
    assertThat(counters.incrementIfBelow("q", 2)).hasValue(2);
    assertThat(counters.incrementIfBelow("q", 2)).isEmpty();
    assertThat(counters.decrement("q")).isEqualTo(1);
    assertThat(counters.increment("q")).isEqualTo(2);
    assertThat(counters.decrement("other")).as("never below zero").isZero();
  }
}
