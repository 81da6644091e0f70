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
 * // a long simulation that archives its cases and needs bounded memory:
 * GridStorage bounded = InMemoryGridStorage.builder().keepArchived(false).build();
 * }</pre>
 */
public final class InMemoryGridStorage implements GridStorage {
  private final InMemoryIncidentStore incidents;
  private final InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
  private final InMemoryPolicyStore policies = new InMemoryPolicyStore();
  private final InMemoryCounterStore counters = new InMemoryCounterStore();

  private InMemoryGridStorage(Builder builder) {
    this.incidents = new InMemoryIncidentStore(builder.keepArchived);
  }

  /** A new, empty store that keeps everything: {@code builder().build()}. */
  public static InMemoryGridStorage create() {
    return builder().build();
  }

  /** Options for a new, empty store; by default it keeps everything, as {@link #create()}. */
  public static Builder builder() {
    return new Builder();
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

  /** Options of an {@link InMemoryGridStorage}. Not thread-safe; {@link #build} may be repeated. */
  public static final class Builder {
    private boolean keepArchived = true;

    private Builder() {}

    /**
     * Whether archived incidents stay in memory ({@code true}, the default). With {@code false}, an
     * incident that reaches {@link org.gridgov.core.incident.Stage#ARCHIVED} (by {@code append}, or
     * by an {@code intake} whose opening ends there) is dropped: nothing may happen to it any more,
     * so only what the store still answers for it is kept, which bounds memory in long simulations.
     * For a dropped incident:
     *
     * <ul>
     *   <li>{@code find} is empty, {@code history}, {@code append} and {@code release} throw {@link
     *       org.gridgov.core.spi.NotFoundException}, and {@code inStage(ARCHIVED)} does not list
     *       it;
     *   <li>{@code historiesAliveBetween} leaves it out, as it cannot answer for a history it no
     *       longer holds: a period scored from such a store misses the cases archived since, so
     *       score those from a listener (as the simulation does) or keep archived incidents;
     *   <li>{@code count} and {@code countReported} still count it;
     *   <li>{@code findByExternal} still answers its external reference, and {@code intake} refuses
     *       its id, or a report under that reference, with {@link
     *       org.gridgov.core.spi.DuplicateException} (there is no state left to return).
     * </ul>
     *
     * <p>Its id, external reference and report instant stay in memory, so memory still grows, by
     * some 12 bytes per archived incident whose id ends in a number given out in order (a bit in a
     * compressed bitmap, and the report instant), 45 to 80 for other ids (a 128-bit fingerprint),
     * and about 150 more with an external reference, instead of its whole history and state.
     */
    public Builder keepArchived(boolean keep) {
      this.keepArchived = keep;
      return this;
    }

    /** A new, empty store with these options. */
    public InMemoryGridStorage build() {
      return new InMemoryGridStorage(this);
    }
  }
}
