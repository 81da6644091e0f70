package org.gridgov.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments of the JDBC store's own entry points, beyond the SPI the TCK checks. */
class EntryPointTest {

  @Test
  void h2_nullOrSettingInPath_refusedNamingFile(@TempDir Path dir) {
    assertThatThrownBy(() -> JdbcGridStorage.h2(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("file");
    Path injected = dir.resolve("gridgov;INIT=CREATE TABLE injected(x INT)");
    assertThatThrownBy(() -> JdbcGridStorage.h2(injected))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("file must not hold ';'");
    assertThat(dir.toFile().list()).as("no database was created").isEmpty();
  }

  @Test
  void h2InMemory_nullBlankOrSettingInName_refusedNamingName() {
    assertThatThrownBy(() -> JdbcGridStorage.h2InMemory(null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> JdbcGridStorage.h2InMemory(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("name must not be blank");
    assertThatThrownBy(() -> JdbcGridStorage.h2InMemory(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("name must not be blank");
    assertThatThrownBy(() -> JdbcGridStorage.h2InMemory("x;MODE=MySQL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("name must not hold ';'");
  }

  @Test
  void intakeAll_null_refusedNamingOpenings() {
    JdbcIncidentStore store = TestDatabase.H2.fresh().incidents();

    assertThatThrownBy(() -> store.intakeAll(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("openings");
    assertThat(store.count()).isZero();
  }
}
