package org.gridgov.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.tck.fixtures.Events.GRID_A;
import static org.gridgov.tck.fixtures.Events.LI;
import static org.gridgov.tck.fixtures.Events.WANG;
import static org.gridgov.tck.fixtures.Events.assigned;
import static org.gridgov.tck.fixtures.Events.at;
import static org.gridgov.tck.fixtures.Events.feedback;
import static org.gridgov.tck.fixtures.Events.registered;
import static org.gridgov.tck.fixtures.Events.reported;

import java.time.Duration;
import java.util.List;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.StaleVersionException;
import org.gridgov.core.spi.StorageCapability;
import org.gridgov.tck.assertions.GridgovAssertions;
import org.gridgov.tck.fixtures.Directories;
import org.gridgov.tck.fixtures.EveryEventType;
import org.junit.jupiter.api.Test;

/**
 * Two {@link GridStorage} instances over the same data, through {@link #sameDataAgain}: a store
 * reopened ({@link StorageCapability#DURABLE}) or a second node ({@link
 * StorageCapability#MULTI_NODE}). Adapters without these capabilities skip every test here.
 */
public abstract class SharedDataContract extends StorageContract {
  private static final IncidentId I1 = IncidentId.of("i1");

  @Test
  void reopened_keepsIncidentsDirectoryPoliciesAndCounters() {
    assumeCapability(StorageCapability.DURABLE);
    List<IncidentEvent> history = EveryEventType.handledLoop();
    IncidentId id = history.get(0).incident();
    storage.incidents().intake(history);
    storage.directory().save(Directories.everyField(), 0);
    storage.policies().save(Presets.yangling());
    storage.counters().increment("q");

    GridStorage reopened = sameDataAgain(storage);
    try {
      assertThat(reopened.incidents().history(id)).isEqualTo(history);
      assertThat(reopened.incidents().find(id)).isEqualTo(storage.incidents().find(id));
      GridgovAssertions.assertThat(reopened.directory().load().orElseThrow().value())
          .isEquivalentTo(Directories.everyField());
      assertThat(reopened.policies().timeline("yangling").orElseThrow().latest())
          .isEqualTo(Presets.yangling());
      assertThat(reopened.counters().get("q")).isEqualTo(1);
    } finally {
      release(reopened);
    }
  }

  @Test
  void twoNodes_eachSeesTheOthersAppendsAndAStaleCopyConflicts() {
    assumeCapability(StorageCapability.MULTI_NODE);
    GridStorage other = sameDataAgain(storage);
    try {
      storage.incidents().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
      assertThat(other.incidents().find(I1)).isPresent(); // other node may now cache version 2
      storage.incidents().append(I1, 2, List.of(assigned("i1", 1, WANG)));

      assertThat(other.incidents().find(I1).orElseThrow().version()).isEqualTo(3);
      assertThatThrownBy(() -> other.incidents().append(I1, 2, List.of(assigned("i1", 2, LI))))
          .isInstanceOf(StaleVersionException.class);
      other.incidents().append(I1, 3, List.of(assigned("i1", 2, LI)));
      assertThat(storage.incidents().find(I1).orElseThrow().assignee()).contains(LI);
      assertThat(storage.incidents().history(I1)).hasSize(4);
    } finally {
      release(other);
    }
  }

  @Test
  void twoNodes_historiesAliveBetween_findTheOthersAppends() {
    assumeCapability(StorageCapability.MULTI_NODE);
    GridStorage other = sameDataAgain(storage);
    try {
      storage.incidents().intake(List.of(reported("i1", GRID_A), registered("i1", 24)));
      assertThat(other.incidents().historiesAliveBetween(at(10), at(20), null, 10)).isEmpty();

      storage.incidents().append(I1, 2, List.of(assigned("i1", 12, WANG)));
      assertThat(other.incidents().historiesAliveBetween(at(10), at(20), null, 10))
          .containsExactly(storage.incidents().history(I1));

      other.incidents().append(I1, 3, List.of(feedback("i1", 25, WANG)));
      assertThat(storage.incidents().historiesAliveBetween(at(20), at(30), null, 10))
          .singleElement()
          .satisfies(
              history -> assertThat(history).hasSize(4).isEqualTo(other.incidents().history(I1)));
    } finally {
      release(other);
    }
  }

  @Test
  void twoNodes_eachSeesTheOthersDirectoryAndPolicies() {
    assumeCapability(StorageCapability.MULTI_NODE);
    GridStorage other = sameDataAgain(storage);
    try {
      storage.directory().save(Directories.jingfang(), 0);
      storage.policies().save(Presets.kaixuan());

      assertThat(other.directory().revision()).isEqualTo(1);
      assertThatThrownBy(() -> other.directory().save(Directories.everyField(), 0))
          .isInstanceOf(StaleVersionException.class);
      assertThat(other.policies().versionCount("kaixuan")).isEqualTo(1);
      assertThat(other.policies().timeline("kaixuan").orElseThrow().latest())
          .isEqualTo(Presets.kaixuan());
      assertThatThrownBy(() -> other.policies().save(Presets.kaixuan()))
          .as("the same version saved on the other node")
          .isInstanceOf(DuplicateException.class);
    } finally {
      release(other);
    }
  }

  @Test
  void twoNodes_claimDue_neverTheSameIncident() {
    assumeCapability(StorageCapability.MULTI_NODE);
    GridStorage other = sameDataAgain(storage);
    try {
      for (int i = 0; i < 6; i++) {
        storage.incidents().intake(List.of(reported("i" + i, GRID_A), registered("i" + i, 1)));
      }
      var first = storage.incidents().claimDue(at(2), 4, "node-a", Duration.ofMinutes(5));
      var second = other.incidents().claimDue(at(2), 4, "node-b", Duration.ofMinutes(5));

      assertThat(first).hasSize(4);
      assertThat(second).hasSize(2);
      assertThat(second)
          .extracting(d -> d.incident().id())
          .doesNotContainAnyElementsOf(first.stream().map(d -> d.incident().id()).toList());
      other.counters().increment("shared");
      assertThat(storage.counters().get("shared")).isEqualTo(1);
    } finally {
      release(other);
    }
  }
}
