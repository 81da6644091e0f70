package org.gridgov.core.incident;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A map from incident ids to values for the hot paths that look a case up on every event (a store's
 * entries, a scorer's tracks). Open addressing with linear probing, each key beside its value in
 * one array: a lookup of a case nobody touched for a while costs the miss on its slot and the one
 * on its value, where a {@link java.util.HashMap} adds a third for the node between them. Keys are
 * compared by identity first (a run passes the same id object around), then by {@link
 * IncidentId#equals}.
 *
 * <p>Neither keys nor values may be null. Iteration order is the table's, which depends only on the
 * ids held and the order they came and went in, so it is the same in every JVM. Not thread-safe.
 */
public final class IncidentIdMap<V> {
  private static final int FIRST_SLOTS = 16;

  /** The most slots: two array cells each, within the largest array a JVM allocates. */
  private static final int MAX_SLOTS = 1 << 29;

  /** Key at {@code 2 * slot}, value at {@code 2 * slot + 1}; an empty slot holds two nulls. */
  private Object[] table = new Object[2 * FIRST_SLOTS];

  /** Slots minus one. */
  private int mask = FIRST_SLOTS - 1;

  private int size;

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The value of {@code id}, or null when it has none. */
  public V get(IncidentId id) {
    int at = find(Objects.requireNonNull(id, "id"));
    return at < 0 ? null : value(at);
  }

  public boolean containsKey(IncidentId id) {
    return find(Objects.requireNonNull(id, "id")) >= 0;
  }

  /** Maps {@code id} to {@code value}; returns the value it replaced, or null. */
  public V put(IncidentId id, V value) {
    return put(id, value, true);
  }

  /** Maps {@code id} to {@code value} unless it has a value; returns that value, or null. */
  public V putIfAbsent(IncidentId id, V value) {
    return put(id, value, false);
  }

  /** Takes {@code id} out; returns its value, or null when it had none. */
  public V remove(IncidentId id) {
    int at = find(Objects.requireNonNull(id, "id"));
    if (at < 0) {
      return null;
    }
    V old = value(at);
    size--;
    closeGap(at);
    return old;
  }

  public void clear() {
    Arrays.fill(table, null);
    size = 0;
  }

  /** Calls {@code action} with every key and value, in table order. */
  public void forEach(BiConsumer<? super IncidentId, ? super V> action) {
    Objects.requireNonNull(action, "action");
    Object[] t = table;
    for (int i = 0; i < t.length; i += 2) {
      if (t[i] != null) {
        action.accept((IncidentId) t[i], value(i));
      }
    }
  }

  private V put(IncidentId id, V value, boolean replace) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(value, "value");
    int cells = table.length - 1;
    for (int at = home(id); ; at = (at + 2) & cells) {
      Object key = table[at];
      if (key == null) {
        if (2 * (size + 1) > table.length / 2 && grow()) {
          return put(id, value, replace);
        }
        table[at] = id;
        table[at + 1] = value;
        size++;
        return null;
      }
      if (key == id || key.equals(id)) {
        V old = value(at);
        if (replace) {
          table[at + 1] = value;
        }
        return old;
      }
    }
  }

  /** The index of {@code id}'s key in the table, or -1. */
  private int find(IncidentId id) {
    Object[] t = table;
    int cells = t.length - 1;
    for (int at = home(id); ; at = (at + 2) & cells) {
      Object key = t[at];
      if (key == null) {
        return -1;
      }
      if (key == id || key.equals(id)) {
        return at;
      }
    }
  }

  /**
   * The key index a key hashes to: the low bits of its hash after MurmurHash3's finaliser, which
   * spreads the ids' near-sequential hashes. Low bits, not the top ones of a multiplicative hash: a
   * map filled in another map's table order (a hand-over of every case in play) would then get its
   * keys in order of their homes while small, all in one cluster, each put probing it whole. With
   * low bits, a smaller table sees those keys cycle through all its homes.
   */
  private int home(Object id) {
    int h = id.hashCode();
    h = (h ^ (h >>> 16)) * 0x85EBCA6B;
    h = (h ^ (h >>> 13)) * 0xC2B2AE35;
    return ((h ^ (h >>> 16)) & mask) << 1;
  }

  @SuppressWarnings("unchecked")
  private V value(int at) {
    return (V) table[at + 1];
  }

  /**
   * Empties the slot at {@code gap} and moves back the keys after it that probed past it, so every
   * key stays reachable from its home without markers for removed keys.
   */
  private void closeGap(int gap) {
    Object[] t = table;
    int cells = t.length - 1;
    for (int at = (gap + 2) & cells; t[at] != null; at = (at + 2) & cells) {
      int home = home(t[at]);
      // the key may move to the gap when its home is not cyclically within (gap, at]
      boolean movable = gap <= at ? home <= gap || home > at : home <= gap && home > at;
      if (movable) {
        t[gap] = t[at];
        t[gap + 1] = t[at + 1];
        gap = at;
      }
    }
    t[gap] = null;
    t[gap + 1] = null;
  }

  /** Doubles the slots and puts every key again; false when at the most slots already. */
  private boolean grow() {
    int slots = table.length / 2;
    if (slots >= MAX_SLOTS) {
      if (size + 1 >= slots) {
        throw new IllegalStateException("an IncidentIdMap holds at most " + (slots - 1) + " ids");
      }
      return false;
    }
    Object[] old = table;
    table = new Object[4 * slots];
    mask = 2 * slots - 1;
    int cells = table.length - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != null) {
        int at = home(old[i]);
        while (table[at] != null) {
          at = (at + 2) & cells;
        }
        table[at] = old[i];
        table[at + 1] = old[i + 1];
      }
    }
    return true;
  }
}
