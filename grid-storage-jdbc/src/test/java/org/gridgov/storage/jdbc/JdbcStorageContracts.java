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
 * The whole storage TCK, one nested class per contract, on the database a subclass names: one short
 * class per database (the JobRunr layering the style guide describes).
 */
abstract class JdbcStorageContracts {
  /** The database every contract of this class runs on. */
  abstract TestDatabase db();

  @Nested
  class Incidents extends IncidentStoreContract {
    @Override
    protected GridStorage newStorage() {
      return db().fresh();
    }
  }

  @Nested
  class Queries extends IncidentQueryContract {
    @Override
    protected GridStorage newStorage() {
      return db().fresh();
    }
  }

  @Nested
  class Fidelity extends FidelityContract {
    @Override
    protected GridStorage newStorage() {
      return db().fresh();
    }
  }

  @Nested
  class ClaimQueue extends ClaimQueueContract {
    @Override
    protected GridStorage newStorage() {
      return db().fresh();
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    protected GridStorage newStorage() {
      return db().fresh();
    }
  }

  @Nested
  class Directory extends DirectoryStoreContract {
    @Override
    protected GridStorage newStorage() {
      return db().fresh();
    }
  }

  @Nested
  class Policies extends PolicyStoreContract {
    @Override
    protected GridStorage newStorage() {
      return db().fresh();
    }
  }

  @Nested
  class Counters extends CounterStoreContract {
    @Override
    protected GridStorage newStorage() {
      return db().fresh();
    }
  }

  @Nested
  class SharedData extends SharedDataContract {
    @Override
    protected GridStorage newStorage() {
      return db().fresh();
    }

    @Override
    protected GridStorage sameDataAgain(GridStorage current) {
      return db().again();
    }
  }
}
