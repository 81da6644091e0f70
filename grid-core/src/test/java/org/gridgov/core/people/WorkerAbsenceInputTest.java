package org.gridgov.core.people;

import static org.gridgov.core.Refusals.refusal;

import java.util.Set;
import org.gridgov.core.InputRules;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

class WorkerAbsenceInputTest {
  @Test
  void withAbsence_null_refusedNamingWorkerAndField() {
    Worker worker =
        Worker.of(
            WorkerId.of("w-1"),
            "某人",
            Set.of(Role.ASSISTANT),
            AreaCode.parse("330102011002"),
            Set.of(AreaCode.of("330102011002001", Level.GRID)));
    refusal(() -> worker.withAbsence(null), "worker w-1", "absence", InputRules.REQUIRED);
  }
}
