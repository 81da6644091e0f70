package org.gridgov.scoring.indicator;

import java.util.function.Consumer;
import org.gridgov.core.incident.IncidentId;

/**
 * The {@link IncidentTrack}s of an {@link IndicatorEngine} by incident: a hash table whose chains
 * run through the tracks themselves ({@link IncidentTrack#next}). Every event looks its track up,
 * and against a {@code HashMap} this saves the entry object per incident and one dependent memory
 * load per event, which counts once the tracks of a year no longer fit in the caches. Not
 * thread-safe.
 */
final class Tracks {
  private static final int INITIAL_CAPACITY = 1 << 10;

  private IncidentTrack[] table = new IncidentTrack[INITIAL_CAPACITY];
  private int size;

  /** The hash a track of {@code incident} is filed under. */
  static int hash(IncidentId incident) {
    int h = incident.hashCode();
    return h ^ (h >>> 16);
  }

  /** The track of {@code incident}, or null. */
  IncidentTrack get(IncidentId incident) {
    int hash = hash(incident);
    for (IncidentTrack k = table[hash & (table.length - 1)]; k != null; k = k.next) {
      if (k.hash == hash && (k.incident == incident || k.incident.equals(incident))) {
        return k;
      }
    }
    return null;
  }

  /** Files {@code track}, unless its incident has a track already; returns whether it did. */
  boolean add(IncidentTrack track) {
    if (get(track.incident) != null) {
      return false;
    }
    int slot = track.hash & (table.length - 1);
    track.next = table[slot];
    table[slot] = track;
    if (++size > table.length - (table.length >>> 2)) {
      grow();
    }
    return true;
  }

  /** Drops {@code track}, which must be filed here. */
  void remove(IncidentTrack track) {
    int slot = track.hash & (table.length - 1);
    if (table[slot] == track) {
      table[slot] = track.next;
    } else {
      IncidentTrack k = table[slot];
      while (k.next != track) {
        k = k.next;
      }
      k.next = track.next;
    }
    track.next = null;
    size--;
  }

  /** Every track, in no particular order; {@code action} must not add or remove tracks. */
  void forEach(Consumer<IncidentTrack> action) {
    for (IncidentTrack head : table) {
      for (IncidentTrack k = head; k != null; k = k.next) {
        action.accept(k);
      }
    }
  }

  void clear() {
    table = new IncidentTrack[INITIAL_CAPACITY];
    size = 0;
  }

  private void grow() {
    IncidentTrack[] old = table;
    table = new IncidentTrack[old.length * 2];
    for (IncidentTrack head : old) {
      IncidentTrack k = head;
      while (k != null) {
        IncidentTrack next = k.next;
        int slot = k.hash & (table.length - 1);
        k.next = table[slot];
        table[slot] = k;
        k = next;
      }
    }
  }
}
