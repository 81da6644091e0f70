package org.gridgov.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gridgov.storage.jdbc.JdbcGridStorage;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The export reads the store through the facade: H2 answers as the memory store does. */
class StoreParityTest {

  @Test
  void h2AndMemory_sameDocuments() {
    Desk memory = new Desk(InMemoryGridStorage.create());
    Desk h2 = new Desk(JdbcGridStorage.h2InMemory("open311-parity"));
    Open311 fromMemory = Open311.builder(memory.governance).freeText(true).build();
    Open311 fromH2 = Open311.builder(h2.governance).freeText(true).build();

    for (String path :
        List.of(
            "requests.json",
            "requests.xml",
            "services.json",
            "requests/" + h2.closed.value() + ".xml")) {
      Open311Response expected = fromMemory.get(path, Map.of());
      Open311Response actual = fromH2.get(path, Map.of());
      assertThat(actual.status()).as(path).isEqualTo(200);
      assertThat(actual.body()).as(path).isEqualTo(expected.body());
    }
    assertThat(fromH2.requests(RequestQuery.all())).hasSize(3);
  }
}
