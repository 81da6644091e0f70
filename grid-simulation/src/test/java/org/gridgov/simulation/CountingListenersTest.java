package org.gridgov.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.governance.GridListener;
import org.junit.jupiter.api.Test;

/** The counting on the facade's own thread (one core); {@link ListenerThreadTest} has the other. */
class CountingListenersTest {
  private static void append(CountingListeners counting, int appends) {
    for (int n = 0; n < appends; n++) {
      IncidentReported event = ListenerThreadTest.reported(n);
      counting.onAppended(Incident.start(event), List.of(event));
    }
  }

  @Test
  void inline_listenersHearEveryAppendInOrder_onTheCallersThread() {
    List<String> heard = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    GridListener a =
        (incident, events) -> {
          threads.add(Thread.currentThread());
          heard.add("a:" + incident.id());
        };
    GridListener b = (incident, events) -> heard.add("b:" + incident.id());
    CountingListeners counting = CountingListeners.of("unused", List.of(a, b), false);

    append(counting, 2);
    counting.finish();

    assertThat(heard).containsExactly("a:i0", "b:i0", "a:i1", "b:i1");
    assertThat(threads).containsOnly(Thread.currentThread());
  }

  @Test
  void inline_aFailingListener_stopsTheCounting_andFailsTheFinishWithItsCause() {
    List<String> heard = new ArrayList<>();
    GridListener failing =
        (incident, events) -> {
          if (incident.id().value().equals("i3")) {
            throw new IllegalArgumentException("broken counter");
          }
        };
    GridListener after = (incident, events) -> heard.add(incident.id().value());
    CountingListeners counting = CountingListeners.of("unused", List.of(failing, after), false);

    append(counting, 6); // the facade would have logged the failure and gone on

    assertThat(heard).containsExactly("i0", "i1", "i2");
    assertThatThrownBy(counting::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a listener failed")
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("broken counter");
  }

  @Test
  void inline_finishAfter_addsTheListenersFailureToTheRunsOwn_orNothing() {
    CountingListeners failing =
        CountingListeners.of(
            "unused",
            List.of(
                (incident, events) -> {
                  throw new IllegalArgumentException("broken counter");
                }),
            false);
    CountingListeners fine =
        CountingListeners.of("unused", List.of((incident, events) -> {}), false);
    append(failing, 1);
    append(fine, 1);
    RuntimeException run = new RuntimeException("the run failed");
    RuntimeException other = new RuntimeException("another run failed");

    failing.finishAfter(run);
    fine.finishAfter(other);

    assertThat(run.getSuppressed())
        .singleElement()
        .satisfies(s -> assertThat(s).hasRootCauseMessage("broken counter"));
    assertThat(other.getSuppressed()).isEmpty();
  }

  @Test
  void ownThread_isTheListenerThread() {
    CountingListeners counting = CountingListeners.of("test-counting", List.of(), true);

    assertThat(counting).isInstanceOf(ListenerThread.class);
    counting.finish();
  }
}
