package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.spi.CounterStore;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.territory.Level;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * A HARD quota under a node giving its slot back at the wrong moment: node Y finds the quota full,
 * then node X (whose append conflicted) gives its slot back before Y reads the counter again. Y
 * must still be refused: it holds no slot.
 */
class QuotaRaceTest {
  static final String KEY = "escalation:COMMUNITY:330102011002:2024-03";

  @Test
  void hardQuota_slotGivenBackWhileANodeIsRefused_neverMoreThanTheQuota() {
    PolicySet policy = Town.hardCommunityQuota();
    GridStorage real = InMemoryGridStorage.create();
    AtomicBoolean otherNodeGivesBack = new AtomicBoolean(false);
    CounterStore counters =
        new CounterStore() {
          @Override
          public long get(String k) {
            return real.counters().get(k);
          }

          @Override
          public OptionalLong incrementIfBelow(String k, long limit) {
            OptionalLong r = real.counters().incrementIfBelow(k, limit);
            if (r.isEmpty() && otherNodeGivesBack.getAndSet(false)) {
              real.counters()
                  .decrement(k); // node X's append conflicted: it gives its slot back now
            }
            return r;
          }

          @Override
          public long increment(String k) {
            return real.counters().increment(k);
          }

          @Override
          public long decrement(String k) {
            return real.counters().decrement(k);
          }
        };
    GridStorage storage = Storages.replacing(real, null, null, counters);
    GridGovernance g = governance(storage, MutableClock.of(NINE, ZoneOffset.UTC), policy);
    List<IncidentId> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      IncidentId id = reportAndRegister(g, i % 2 == 0 ? GRID_1 : GRID_2, VENDING);
      g.escalate(CENTRE, id, "beyond the grid");
      ids.add(id);
    }
    for (int i = 0; i < 9; i++) {
      g.escalate(CENTRE, ids.get(i), "street");
    }
    real.counters().increment(KEY); // node X reserves the 10th slot for ids[9]
    otherNodeGivesBack.set(true);
    assertThatThrownBy(() -> g.escalate(CENTRE, ids.get(10), "street")) // node Y
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("QUOTA_EXHAUSTED");
    g.escalate(CENTRE, ids.get(9), "street"); // node X retries and takes the slot again
    long atStreet = ids.stream().filter(id -> g.require(id).level() == Level.STREET).count();
    assertThat(atStreet).isEqualTo(10);
    assertThat(real.counters().get(KEY)).isEqualTo(10);
    assertThat(g.require(ids.get(10)).level()).isEqualTo(Level.COMMUNITY);
  }
}
