package org.gridgov.core.spi;

import java.util.Set;

/**
 * A storage adapter: the stores gridgov needs, plus what the adapter can do beyond the base
 * promises. Implementations are thread-safe; prove one with the contract test kit.
 */
public interface GridStorage {

  IncidentStore incidents();

  DirectoryStore directory();

  PolicyStore policies();

  CounterStore counters();

  /** What this adapter supports beyond the base promises. */
  Set<StorageCapability> capabilities();
}
