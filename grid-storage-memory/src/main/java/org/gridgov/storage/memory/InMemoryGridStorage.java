package org.gridgov.storage.memory;

import java.util.EnumSet;
import java.util.Set;
import org.gridgov.core.spi.CounterStore;
import org.gridgov.core.spi.DirectoryStore;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.PolicyStore;
import org.gridgov.core.spi.StorageCapability;

/**
 * The reference storage adapter: everything in this JVM's memory, thread-safe, gone when the JVM
 * stops. Good for tests, simulations and single-node applications that persist elsewhere.
 *
 * <pre>{@code
 * GridStorage storage = InMemoryGridStorage.create();
 * }</pre>
 */
public final class InMemoryGridStorage implements GridStorage {
  private final InMemoryIncidentStore incidents = new InMemoryIncidentStore();
  private final InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
  private final InMemoryPolicyStore policies = new InMemoryPolicyStore();
  private final InMemoryCounterStore counters = new InMemoryCounterStore();

  private InMemoryGridStorage() {}

  /** A new, empty store. */
  public static InMemoryGridStorage create() {
    return new InMemoryGridStorage();
  }

  @Override
  public IncidentStore incidents() {
    return incidents;
  }

  @Override
  public DirectoryStore directory() {
    return directory;
  }

  @Override
  public PolicyStore policies() {
    return policies;
  }

  @Override
  public CounterStore counters() {
    return counters;
  }

  /** None: the memory store is neither durable nor shared between JVMs. */
  @Override
  public Set<StorageCapability> capabilities() {
    return EnumSet.noneOf(StorageCapability.class);
  }
}
