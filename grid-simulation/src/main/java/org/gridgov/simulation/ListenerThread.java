package org.gridgov.simulation;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.governance.GridListener;

/**
 * Runs listeners that only count (the metrics, the indicators) on a thread of their own, so that a
 * run uses a second core: the facade's thread hands over what was appended in batches, and the
 * listeners' thread replays them in the same order, so they see exactly what they would have seen
 * on the facade's thread. Incidents and events are immutable, so handing them over is safe.
 *
 * <p>A listener that throws stops the replay; {@link #finish()} rethrows it, so a run never ends
 * with counts that silently missed events.
 */
final class ListenerThread implements CountingListeners {
  /**
   * Appends handed over at a time. The listeners' thread is faster than the facade's, so it waits
   * on the queue and every hand-over wakes it with a system call: at 512 appends a batch those
   * wake-ups were 4 % of the facade thread's profile, at 4,096 they are 1 %.
   */
  static final int BATCH = 4096;

  /** Batches in flight: enough to ride out a slow stretch of the listeners. */
  static final int QUEUED = 4;

  private static final Object[] END = new Object[0];

  private final GridListener[] listeners;
  private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Thread thread;
  private Object[] batch = new Object[2 * BATCH];
  private int size;
  private volatile Throwable failure;

  ListenerThread(String name, List<GridListener> listeners) {
    this.listeners = listeners.toArray(GridListener[]::new);
    this.thread = new Thread(this::replay, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void onAppended(Incident incident, List<IncidentEvent> events) {
    batch[size++] = incident;
    batch[size++] = List.copyOf(events);
    if (size == batch.length) {
      Object[] full = batch;
      batch = new Object[2 * BATCH]; // first: a refused hand-over must not leave a full batch
      size = 0;
      hand(full);
    }
  }

  /** Hands over what is left, waits for the listeners to replay it all and rethrows a failure. */
  @Override
  public void finish() {
    if (size > 0) {
      hand(batch);
    }
    hand(END);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the listeners", e);
    }
    if (failure != null) {
      throw new IllegalStateException("a listener failed: " + failure, failure);
    }
  }

  private void hand(Object[] appends) {
    if (failure != null && appends != END) {
      return; // the replay has stopped: finish() reports why
    }
    try {
      queue.put(appends);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.interrupt(); // no END will come: let the listeners' thread end too
      throw new IllegalStateException("interrupted handing events to the listeners", e);
    }
  }

  @SuppressWarnings("unchecked")
  private void replay() {
    try {
      Object[] appends;
      while ((appends = queue.take()) != END) {
        for (int i = 0; i < appends.length && appends[i] != null; i += 2) {
          Incident incident = (Incident) appends[i];
          List<IncidentEvent> events = (List<IncidentEvent>) appends[i + 1];
          for (GridListener listener : listeners) {
            listener.onAppended(incident, events);
          }
        }
      }
    } catch (InterruptedException e) {
      failure = e;
      queue.clear(); // frees a facade thread waiting on a full queue: it hands nothing more
    } catch (RuntimeException | Error e) {
      failure = e;
      drain();
    }
  }

  /** After a failure: takes batches until the end, so the facade's thread is never stuck. */
  private void drain() {
    try {
      while (queue.take() != END) {
        // dropped: the run fails in finish()
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
