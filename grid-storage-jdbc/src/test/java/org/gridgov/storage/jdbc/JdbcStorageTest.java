package org.gridgov.storage.jdbc;

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

/** The whole storage TCK on one database; a subclass per database names it. */
abstract class JdbcStorageTest {

  abstract TestDatabase database();

  GridStorage fresh() {
    return database().fresh();
  }

  @Nested
  class Incidents extends IncidentStoreContract {
    @Override
    protected GridStorage newStorage() {
      return fresh();
    }
  }

  @Nested
  class Queries extends IncidentQueryContract {
    @Override
    protected GridStorage newStorage() {
      return fresh();
    }
  }

  @Nested
  class Fidelity extends FidelityContract {
    @Override
    protected GridStorage newStorage() {
      return fresh();
    }
  }

  @Nested
  class ClaimQueue extends ClaimQueueContract {
    @Override
    protected GridStorage newStorage() {
      return fresh();
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    protected GridStorage newStorage() {
      return fresh();
    }
  }

  @Nested
  class Directory extends DirectoryStoreContract {
    @Override
    protected GridStorage newStorage() {
      return fresh();
    }
  }

  @Nested
  class Policies extends PolicyStoreContract {
    @Override
    protected GridStorage newStorage() {
      return fresh();
    }
  }

  @Nested
  class Counters extends CounterStoreContract {
    @Override
    protected GridStorage newStorage() {
      return fresh();
    }
  }

  @Nested
  class SharedData extends SharedDataContract {
    @Override
    protected GridStorage newStorage() {
      return fresh();
    }

    @Override
    protected GridStorage sameDataAgain(GridStorage current) {
      return database().again();
    }
  }
}
