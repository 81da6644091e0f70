package org.gridgov.storage.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.gridgov.core.spi.CounterStore;

/** Counters in memory, updated under one monitor. */
final class InMemoryCounterStore implements CounterStore {
  private final Map<String, Long> values = new HashMap<>();

  @Override
  public synchronized long get(String key) {
    return values.getOrDefault(CounterStore.checkKey(key), 0L);
  }

  @Override
  public synchronized OptionalLong incrementIfBelow(String key, long limit) {
    long value = get(key);
    if (value >= limit) {
      return OptionalLong.empty();
    }
    values.put(key, value + 1);
    return OptionalLong.of(value + 1);
  }

  @Override
  public synchronized long increment(String key) {
    long value = get(key) + 1;
    values.put(key, value);
    return value;
  }

  @Override
  public synchronized long decrement(String key) {
    long value = Math.max(0, get(key) - 1);
    values.put(key, value);
    return value;
  }
}
