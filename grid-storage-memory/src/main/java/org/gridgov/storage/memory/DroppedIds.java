package org.gridgov.storage.memory;

import java.util.HashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * The ids of the incidents a store dropped, which must stay taken. An id that ends in a number (a
 * prefix, maybe empty, then one to nine digits, as {@code I1234} or {@code 2023-000017}) is one bit
 * in a compressed bitmap of its prefix and digit count: exact, and the ids of one run's cases,
 * given out in order, are neighbours, so the bitmap of a million of them is about 130 KB and the
 * bits that a new id and a case archived last week test are in cache. Any other id is kept by its
 * {@link Fingerprints fingerprint}. Not thread-safe: the store calls it under its write lock.
 */
final class DroppedIds {
  /** Longer runs of digits may not fit an int; their ids go to the fingerprints. */
  private static final int MAX_DIGITS = 9;

  private final Map<Shape, RoaringBitmap> numbered = new HashMap<>();
  private final Fingerprints others = new Fingerprints();
  private long size;

  /** The shape last used and its bitmap: one run's ids all have the same. */
  private Shape lastShape;

  private RoaringBitmap last;

  /** Adds {@code id}; false when it was already in. */
  boolean add(String id) {
    int digits = trailingDigits(id);
    if (digits == 0) {
      if (!others.add(id)) {
        return false;
      }
    } else {
      RoaringBitmap bits = bitmap(id, digits, true);
      if (!bits.checkedAdd(number(id, digits))) {
        return false;
      }
    }
    size++;
    return true;
  }

  boolean contains(String id) {
    if (size == 0) {
      return false; // a store that keeps archived incidents never parses
    }
    int digits = trailingDigits(id);
    if (digits == 0) {
      return others.contains(id);
    }
    RoaringBitmap bits = bitmap(id, digits, false);
    return bits != null && bits.contains(number(id, digits));
  }

  long size() {
    return size;
  }

  /**
   * How many digits {@code id} ends in when they are one to {@value #MAX_DIGITS} (an id of digits
   * only has an empty prefix); else 0, and the id is not taken as a number.
   */
  private static int trailingDigits(String id) {
    int i = id.length();
    while (i > 0 && isDigit(id.charAt(i - 1))) {
      i--;
    }
    int digits = id.length() - i;
    return digits > MAX_DIGITS ? 0 : digits;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The number {@code id}'s last {@code digits} digits spell: with the prefix and the digit count
   * it gives back the id, leading zeros included.
   */
  private static int number(String id, int digits) {
    int n = 0;
    for (int i = id.length() - digits; i < id.length(); i++) {
      n = 10 * n + (id.charAt(i) - '0');
    }
    return n;
  }

  /** The bitmap of {@code id}'s shape; null when there is none and {@code create} is false. */
  private RoaringBitmap bitmap(String id, int digits, boolean create) {
    int prefixLength = id.length() - digits;
    Shape shape = lastShape;
    if (shape != null
        && shape.digits == digits
        && shape.prefix.length() == prefixLength
        && id.startsWith(shape.prefix)) {
      return last;
    }
    shape = new Shape(id.substring(0, prefixLength), digits);
    RoaringBitmap bits =
        create ? numbered.computeIfAbsent(shape, s -> new RoaringBitmap()) : numbered.get(shape);
    if (bits != null) {
      lastShape = shape;
      last = bits;
    }
    return bits;
  }

  /** What a numbered id has besides its number: the text before it and how many digits it has. */
  private record Shape(String prefix, int digits) {}
}
