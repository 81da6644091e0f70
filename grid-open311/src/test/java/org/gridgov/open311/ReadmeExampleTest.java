package org.gridgov.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gridgov.governance.GridGovernance;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

/** The README's Open311 example, kept compiling and true. Keep the two in step. */
class ReadmeExampleTest {

  @Test
  void readmeExample_openRequestsAsJson() {
    GridGovernance governance = new Desk(InMemoryGridStorage.create()).governance;
    // --- README example starts
    Open311 open311 =
        Open311.builder(governance)
            .jurisdiction("hangzhou.gov.cn") // requests naming another are answered 404
            .build(); // free text (descriptions, reasons) stays out
    Open311Response response =
        open311.get(
            "/requests.json",
            Map.of("status", List.of("open"), "start_date", List.of("2024-03-01T00:00:00+08:00")));
    // your HTTP server sends response.status(), response.contentType(), response.body()
    // --- README example ends

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(response.body()).contains("\"status\":\"open\"").doesNotContain("\"closed\"");
  }
}
