package org.gridgov.governance;

import java.util.Set;
import org.gridgov.core.spi.CounterStore;
import org.gridgov.core.spi.DirectoryStore;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.core.spi.PolicyStore;
import org.gridgov.core.spi.StorageCapability;

/** A store with some of its parts swapped, to stage what another node does at a given moment. */
final class Storages {
  private Storages() {}

  /** {@code real} with its incident store swapped for {@code incidents}. */
  static GridStorage withIncidents(GridStorage real, IncidentStore incidents) {
    GridStorage rest = replacing(real, null, null, null);
    return new GridStorage() {
      @Override
      public IncidentStore incidents() {
        return incidents;
      }

      @Override
      public DirectoryStore directory() {
        return rest.directory();
      }

      @Override
      public PolicyStore policies() {
        return rest.policies();
      }

      @Override
      public CounterStore counters() {
        return rest.counters();
      }

      @Override
      public Set<StorageCapability> capabilities() {
        return rest.capabilities();
      }
    };
  }

  /** {@code real} with the parts given here (null: the real one). */
  static GridStorage replacing(
      GridStorage real, DirectoryStore directory, PolicyStore policies, CounterStore counters) {
    return new GridStorage() {
      @Override
      public IncidentStore incidents() {
        return real.incidents();
      }

      @Override
      public DirectoryStore directory() {
        return directory == null ? real.directory() : directory;
      }

      @Override
      public PolicyStore policies() {
        return policies == null ? real.policies() : policies;
      }

      @Override
      public CounterStore counters() {
        return counters == null ? real.counters() : counters;
      }

      @Override
      public Set<StorageCapability> capabilities() {
        return real.capabilities();
      }
    };
  }
}
