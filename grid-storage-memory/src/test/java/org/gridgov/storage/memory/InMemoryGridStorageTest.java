package org.gridgov.storage.memory;

import org.gridgov.core.spi.GridStorage;
import org.gridgov.tck.ClaimQueueContract;
import org.gridgov.tck.ConcurrencyContract;
import org.gridgov.tck.CounterStoreContract;
import org.gridgov.tck.DirectoryStoreContract;
import org.gridgov.tck.FidelityContract;
import org.gridgov.tck.IncidentQueryContract;
import org.gridgov.tck.IncidentStoreContract;
import org.gridgov.tck.PolicyStoreContract;
import org.gridgov.tck.SharedDataContract;
import org.junit.jupiter.api.Nested;

/** The reference adapter runs the whole storage TCK; it has no capability beyond the base. */
class InMemoryGridStorageTest {

  @Nested
  class Incidents extends IncidentStoreContract {
    @Override
    protected GridStorage newStorage() {
      return InMemoryGridStorage.create();
    }
  }

  @Nested
  class Queries extends IncidentQueryContract {
    @Override
    protected GridStorage newStorage() {
      return InMemoryGridStorage.create();
    }
  }

  @Nested
  class Fidelity extends FidelityContract {
    @Override
    protected GridStorage newStorage() {
      return InMemoryGridStorage.create();
    }
  }

  @Nested
  class ClaimQueue extends ClaimQueueContract {
    @Override
    protected GridStorage newStorage() {
      return InMemoryGridStorage.create();
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    protected GridStorage newStorage() {
      return InMemoryGridStorage.create();
    }
  }

  @Nested
  class Directory extends DirectoryStoreContract {
    @Override
    protected GridStorage newStorage() {
      return InMemoryGridStorage.create();
    }
  }

  @Nested
  class Policies extends PolicyStoreContract {
    @Override
    protected GridStorage newStorage() {
      return InMemoryGridStorage.create();
    }
  }

  @Nested
  class Counters extends CounterStoreContract {
    @Override
    protected GridStorage newStorage() {
      return InMemoryGridStorage.create();
    }
  }

  @Nested
  class SharedData extends SharedDataContract {
    @Override
    protected GridStorage newStorage() {
      return InMemoryGridStorage.create();
    }
  }
}
