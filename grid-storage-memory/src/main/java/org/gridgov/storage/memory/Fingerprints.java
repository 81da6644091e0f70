package org.gridgov.storage.memory;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A set of strings remembered only by their 128-bit MurmurHash3 fingerprints, in an open-addressing
 * table of primitive longs: about 32 bytes a member instead of the 100 or so of a {@code HashSet}
 * of ids. Two different strings are taken for one with a probability of about n² / 2¹²⁹ for n
 * members (about 10⁻²¹ for a billion), so for ids it answers as an exact set would. Not
 * thread-safe: the store calls it under its write lock.
 */
final class Fingerprints {
  private static final HashFunction MURMUR = Hashing.murmur3_128();

  /** Slot {@code i}: a fingerprint's halves at {@code 2i} and {@code 2i + 1}; both 0 when free. */
  private long[] slots = new long[2 * 64];

  private int size;

  /** Adds {@code value}; false when it (or a string with its fingerprint) was already in. */
  boolean add(String value) {
    long[] print = fingerprint(value);
    if (find(slots, print[0], print[1]) >= 0) {
      return false;
    }
    if (2 * (size + 1) > capacity()) {
      grow();
    }
    put(slots, print[0], print[1]);
    size++;
    return true;
  }

  boolean contains(String value) {
    if (size == 0) {
      return false; // nothing to hash for when no id of this kind was added
    }
    long[] print = fingerprint(value);
    return find(slots, print[0], print[1]) >= 0;
  }

  private int capacity() {
    return slots.length / 2;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        put(slots, old[i], old[i + 1]);
      }
    }
  }

  /** The slot index holding {@code (high, low)} in {@code table}, or -1. */
  private static int find(long[] table, long high, long low) {
    int mask = table.length / 2 - 1;
    for (int slot = (int) low & mask; ; slot = (slot + 1) & mask) {
      long h = table[2 * slot];
      long l = table[2 * slot + 1];
      if (h == high && l == low) {
        return slot;
      }
      if (h == 0 && l == 0) {
        return -1;
      }
    }
  }

  private static void put(long[] table, long high, long low) {
    int mask = table.length / 2 - 1;
    int slot = (int) low & mask;
    while (table[2 * slot] != 0 || table[2 * slot + 1] != 0) {
      slot = (slot + 1) & mask;
    }
    table[2 * slot] = high;
    table[2 * slot + 1] = low;
  }

  /** The two halves of {@code value}'s fingerprint, never both zero (zero marks a free slot). */
  private static long[] fingerprint(String value) {
    HashCode hash = MURMUR.hashString(value, StandardCharsets.UTF_8);
    ByteBuffer bytes = ByteBuffer.wrap(hash.asBytes()).order(ByteOrder.LITTLE_ENDIAN);
    long high = bytes.getLong();
    long low = bytes.getLong();
    if (high == 0 && low == 0) {
      low = 1;
    }
    return new long[] {high, low};
  }
}
