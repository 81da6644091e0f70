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

/**
 * The storage TCK on the local PostgreSQL ({@code GRIDGOV_PG_URL}); each test is skipped
 * when it does not answer (failed with {@code CI=true}).
 */
class PostgresStorageTest {
  private static final TestDatabase DB = TestDatabase.POSTGRESQL;

  @Nested
  class Incidents extends IncidentStoreContract {
    @Override
    protected GridStorage newStorage() {
      return DB.fresh();
    }
  }

  @Nested
  class Queries extends IncidentQueryContract {
    @Override
    protected GridStorage newStorage() {
      return DB.fresh();
    }
  }

  @Nested
  class Fidelity extends FidelityContract {
    @Override
    protected GridStorage newStorage() {
      return DB.fresh();
    }
  }

  @Nested
  class ClaimQueue extends ClaimQueueContract {
    @Override
    protected GridStorage newStorage() {
      return DB.fresh();
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    protected GridStorage newStorage() {
      return DB.fresh();
    }
  }

  @Nested
  class Directory extends DirectoryStoreContract {
    @Override
    protected GridStorage newStorage() {
      return DB.fresh();
    }
  }

  @Nested
  class Policies extends PolicyStoreContract {
    @Override
    protected GridStorage newStorage() {
      return DB.fresh();
    }
  }

  @Nested
  class Counters extends CounterStoreContract {
    @Override
    protected GridStorage newStorage() {
      return DB.fresh();
    }
  }

  @Nested
  class SharedData extends SharedDataContract {
    @Override
    protected GridStorage newStorage() {
      return DB.fresh();
    }

    @Override
    protected GridStorage sameDataAgain(GridStorage current) {
      return DB.again();
    }
  }
}
