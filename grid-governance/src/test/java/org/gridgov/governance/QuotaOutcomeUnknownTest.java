package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.OutcomeUnknownException;
import org.gridgov.core.spi.StorageException;
import org.gridgov.core.territory.Level;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * A HARD quota when the store cannot tell whether an escalation was stored (its commit lost with
 * the connection, {@link OutcomeUnknownException}): the slot is kept, so the unit's counter is
 * never below what is stored and the quota is never exceeded. A failure the store answered (rolled
 * back) gives the slot back.
 */
class QuotaOutcomeUnknownTest {
  static final String KEY = "escalation:COMMUNITY:330102011002:2024-03";

  /** How the next append fails; null: it does not. */
  enum Failure {
    STORED_ANSWER_LOST,
    NOT_STORED_ANSWER_LOST,
    ROLLED_BACK
  }

  private final GridStorage real = InMemoryGridStorage.create();
  private Failure next;
  private GridGovernance g;
  private List<IncidentId> ids;

  @BeforeEach
  void hundredAtCommunityNineAtStreet() {
    PolicySet policy = Town.hardCommunityQuota();
    IncidentStore incidents =
        (IncidentStore)
            Proxy.newProxyInstance(
                IncidentStore.class.getClassLoader(),
                new Class<?>[] {IncidentStore.class},
                (proxy, method, args) -> {
                  Failure failure = method.getName().equals("append") ? next : null;
                  next = method.getName().equals("append") ? null : next;
                  if (failure == Failure.ROLLED_BACK) {
                    throw new StorageException("append to incident " + args[0] + " failed (40001)");
                  }
                  if (failure == Failure.NOT_STORED_ANSWER_LOST) {
                    throw new OutcomeUnknownException(
                        "append to incident "
                            + args[0]
                            + " failed at commit (08006): it may have been stored or not",
                        null);
                  }
                  Object result;
                  try {
                    result = method.invoke(real.incidents(), args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                  if (failure == Failure.STORED_ANSWER_LOST) {
                    throw new OutcomeUnknownException(
                        "append to incident "
                            + args[0]
                            + " failed at commit (08006): it may have been stored or not",
                        null);
                  }
                  return result;
                });
    g =
        governance(
            Storages.withIncidents(real, incidents), MutableClock.of(NINE, ZoneOffset.UTC), policy);
    ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      IncidentId id = reportAndRegister(g, i % 2 == 0 ? GRID_1 : GRID_2, VENDING);
      g.escalate(CENTRE, id, "beyond the grid");
      ids.add(id);
    }
    for (int i = 0; i < 9; i++) {
      g.escalate(CENTRE, ids.get(i), "street"); // the quota allows 10: one slot is left
    }
  }

  private long atStreet() {
    return ids.stream().filter(id -> g.require(id).level() == Level.STREET).count();
  }

  @Test
  void escalationStoredButItsCommitAnswerLost_slotKept_quotaNotExceeded() {
    next = Failure.STORED_ANSWER_LOST;
    assertThatThrownBy(() -> g.escalate(CENTRE, ids.get(9), "street"))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(g.require(ids.get(9)).level())
        .as("the escalation was stored")
        .isEqualTo(Level.STREET);
    assertThat(real.counters().get(KEY)).isEqualTo(10);

    assertThatThrownBy(() -> g.escalate(CENTRE, ids.get(10), "street"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("QUOTA_EXHAUSTED");
    assertThat(atStreet()).isEqualTo(10);
  }

  @Test
  void escalationNotStoredAndItsCommitAnswerLost_slotKept_countOneHighIsTheSafeSide() {
    next = Failure.NOT_STORED_ANSWER_LOST;
    assertThatThrownBy(() -> g.escalate(CENTRE, ids.get(9), "street"))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(g.require(ids.get(9)).level()).isEqualTo(Level.COMMUNITY);
    assertThat(real.counters().get(KEY)).as("counted, though not stored").isEqualTo(10);

    assertThatThrownBy(() -> g.escalate(CENTRE, ids.get(9), "street"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("QUOTA_EXHAUSTED");
    assertThat(atStreet()).isEqualTo(9);
  }

  @Test
  void appendRolledBack_slotGivenBack() {
    next = Failure.ROLLED_BACK;
    assertThatThrownBy(() -> g.escalate(CENTRE, ids.get(9), "street"))
        .isExactlyInstanceOf(StorageException.class);
    assertThat(real.counters().get(KEY)).isEqualTo(9);

    assertThat(g.escalate(CENTRE, ids.get(9), "street").level()).isEqualTo(Level.STREET);
    assertThat(real.counters().get(KEY)).isEqualTo(10);
    assertThat(atStreet()).isEqualTo(10);
  }
}
