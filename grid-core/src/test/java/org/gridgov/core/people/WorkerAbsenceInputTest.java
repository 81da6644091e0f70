package org.gridgov.core.people;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

class WorkerAbsenceInputTest {
  @Test
  void withAbsence_null_refusedNamingWorkerAndField() {
    Worker worker = Worker.of(WorkerId.of("w-1"), "某人", Set.of(Role.ASSISTANT),
        AreaCode.parse("330102011002"), Set.of(AreaCode.of("330102011002001", Level.GRID)));
    assertThatThrownBy(() -> worker.withAbsence(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("worker w-1: absences must not hold nulls");
  }
}
