package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code --store}: a database that takes the connection and never answers is a bad option. */
class StoresTest {
  @TempDir Path dir;

  @Test
  void open_serverThatNeverAnswers_refusedNamingTheStoreInsteadOfHanging() throws Exception {
    // before the fix: the H2 and PostgreSQL drivers wait for the server's reply for ever
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      for (String url :
          new String[] {
            "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/~/nodb",
            "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/nodb"
          }) {
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> {
              try (Stores stores =
                  Stores.parse(
                      url, dir, new CommandLine(new SimulateCommand()), Duration.ofSeconds(2))) {
                assertThatThrownBy(() -> stores.open("a"))
                    .isInstanceOf(ParameterException.class)
                    .hasMessage("--store cannot connect to its database: no answer within 2 s");
              }
            },
            url);
      }
    }
  }

  @Test
  void open_aUrlTheDriverRefuses_refusedWithoutRepeatingTheUrlOrItsPassword() throws Exception {
    // before the fix: H2's message quoted the whole URL, "jdbc:h2:relname;PASSWORD=hunter2"
    try (Stores stores =
        Stores.parse(
            "jdbc:h2:relname;PASSWORD=hunter2",
            dir,
            new CommandLine(new SimulateCommand()),
            Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> stores.open("a"))
          .isInstanceOf(ParameterException.class)
          .hasMessageStartingWith("--store cannot connect to its database: ")
          .hasMessageNotContaining("hunter2")
          .hasMessageNotContaining("relname;")
          // the driver's own reason (H2's 90011), not the pool's wrapping of it
          .hasMessageStartingWith(
              "--store cannot connect to its database: A file path that is"
                  + " implicitly relative");
    }
    assertThat(
            Stores.withoutUrls(
                "bad URL \"jdbc:mariadb://h/db?user=root&password=x\", also"
                    + " PASSWORD=y; USER=sa"))
        .isEqualTo("bad URL \"(the URL)\", also PASSWORD=(not shown);" + " USER=(not shown)");
  }

  @Test
  void parse_h2IntoADirectoryWithASemicolon_refusedNamingOut() {
    // before the fix: H2 read "b" as a setting and the error blamed --store
    assertThatThrownBy(
            () ->
                Stores.parse(
                    "h2",
                    dir.resolve("a;MODE=MySQL"),
                    new CommandLine(new SimulateCommand()),
                    Duration.ofSeconds(10)))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("--out must not hold ';'");
  }

  @Test
  void parse_memoryH2OrAJdbcUrlOfASupportedDatabase_elseRefusedNamingStore() throws Exception {
    CommandLine line = new CommandLine(new SimulateCommand());
    for (String store :
        new String[] {
          "memory",
          "h2",
          "jdbc:postgresql://127.0.0.1/x",
          "jdbc:mariadb://127.0.0.1/x",
          "jdbc:h2:mem:x"
        }) {
      try (Stores stores = Stores.parse(store, dir, line, Duration.ofSeconds(10))) {
        assertThat(stores).as(store).isNotNull();
      }
    }
    for (String store : new String[] {"mongodb://x", "jdbc:mysql://127.0.0.1/x", "H2", ""}) {
      assertThatThrownBy(() -> Stores.parse(store, dir, line, Duration.ofSeconds(10)))
          .as(store)
          .isInstanceOf(ParameterException.class)
          .hasMessage(
              "--store must be memory, h2 or a jdbc:postgresql:, jdbc:mariadb: or jdbc:h2:"
                  + " URL, was "
                  + store);
    }
    // only H2 reads a ';' in its file's path: the memory store may write its report there
    try (Stores memory = Stores.parse("memory", dir.resolve("a;b"), line, Duration.ofSeconds(10))) {
      assertThat(memory.open("a").incidents().count()).isZero();
    }
  }

  @Test
  void openAndDiscard_h2_aFreshDatabaseFileInOut_theOtherRunsRemoved() throws Exception {
    CommandLine line = new CommandLine(new SimulateCommand());
    java.nio.file.Files.writeString(dir.resolve("gridgov-a.mv.db"), "an earlier run's");
    java.nio.file.Files.writeString(dir.resolve("gridgov-b.mv.db"), "an earlier run's");
    try (Stores stores = Stores.parse("h2", dir, line, Duration.ofSeconds(10))) {
      assertThat(stores.open("a").incidents().count()).as("a fresh database").isZero();
      assertThat(dir.resolve("gridgov-a.mv.db")).exists();

      stores.discard("b");
    }
    assertThat(dir.resolve("gridgov-b.mv.db")).doesNotExist();
    assertThat(dir.resolve("gridgov-a.mv.db")).exists();
  }

  @Test
  void parse_withoutATimeout_aStoreThatOpens() throws Exception {
    try (Stores stores = Stores.parse("memory", dir, new CommandLine(new SimulateCommand()))) {
      assertThat(stores.open("a").incidents().count()).isZero();
    }
  }

  @Test
  void openAndDiscard_aJdbcUrl_eachRunsPrefixedTablesReplaced_theOtherRunsDropped()
      throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
    CommandLine line = new CommandLine(new SimulateCommand());
    try (Stores stores = Stores.parse(url, dir, line, Duration.ofSeconds(10))) {
      stores.open("a");
      stores.open("b");
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(tables(c, "GRIDGOV_SIM_A_"))
          .contains("GRIDGOV_SIM_A_GRIDGOV_EVENT", "GRIDGOV_SIM_A_GRIDGOV_INCIDENT");
      assertThat(tables(c, "GRIDGOV_SIM_B_")).hasSameSizeAs(tables(c, "GRIDGOV_SIM_A_"));
      assertThat(tables(c, "GRIDGOV_"))
          .as("every table under a run's prefix")
          .isEqualTo(tables(c, "GRIDGOV_SIM_"));
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE gridgov_sim_a_gridgov_event ADD COLUMN an_earlier_run INT");
      }
    }

    // before the fix: H2 kept Flyway's history table, and the second run found no tables
    try (Stores stores = Stores.parse(url, dir, line, Duration.ofSeconds(10))) {
      assertThat(stores.open("a").incidents().count()).as("a fresh store").isZero();
      stores.discard("b");
    }

    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(tables(c, "GRIDGOV_SIM_A_")).contains("GRIDGOV_SIM_A_GRIDGOV_EVENT");
      assertThat(columns(c, "GRIDGOV_SIM_A_GRIDGOV_EVENT"))
          .as("the table made anew")
          .isNotEmpty()
          .doesNotContain("AN_EARLIER_RUN");
      assertThat(tables(c, "GRIDGOV_SIM_B_")).as("no store of run b left").isEmpty();
    }
  }

  @Test
  void close_releasesTheDatabaseConnections() throws Exception {
    // an in-memory H2 database lives as long as a connection to it is open
    String url = "jdbc:h2:mem:stores-close";
    try (Stores stores =
        Stores.parse(url, dir, new CommandLine(new SimulateCommand()), Duration.ofSeconds(10))) {
      stores.open("a");
      try (Connection c = DriverManager.getConnection(url)) {
        assertThat(tables(c, "GRIDGOV_SIM_A_")).isNotEmpty();
      }
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertThat(tables(c, "GRIDGOV_")).as("the store's database closed with it").isEmpty();
    }
  }

  @Test
  void open_interruptedWhileConnecting_refusedNamingTheStore_theInterruptKept() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Stores stores =
            Stores.parse(
                "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/~/nodb",
                dir,
                new CommandLine(new SimulateCommand()),
                Duration.ofSeconds(10))) {
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> stores.open("a"))
            .isInstanceOf(ParameterException.class)
            .hasMessage("--store: interrupted while connecting to its database");
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt kept").isTrue();
      } finally {
        Thread.interrupted();
      }
    }
  }

  @Test
  void open_serverThatNeverAnswers_theThreadLeftWaitingDoesNotKeepTheJvmAlive() throws Exception {
    // on the test's own thread, which is not a daemon: the connecting thread would inherit that
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Stores stores =
            Stores.parse(
                "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/~/nodb",
                dir,
                new CommandLine(new SimulateCommand()),
                Duration.ofSeconds(1))) {
      assertThat(Thread.currentThread().isDaemon()).isFalse();
      java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
      assertThatThrownBy(() -> stores.open("a")).isInstanceOf(ParameterException.class);

      List<Thread> left =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> !before.contains(t) && t.getName().equals("gridgov-store-connect"))
              .toList();
      assertThat(left)
          .as("still waiting on the silent server")
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t.isDaemon()).as("a daemon").isTrue());
    }
  }

  /** The tables whose names start with {@code prefix}, under any case, in upper case. */
  private static List<String> tables(Connection c, String prefix) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet r = c.getMetaData().getTables(null, null, "%", null)) {
      while (r.next()) {
        String name = r.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT);
        if (name.startsWith(prefix)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet r = c.getMetaData().getColumns(null, null, table, null)) {
      while (r.next()) {
        names.add(r.getString("COLUMN_NAME"));
      }
    }
    return names;
  }
}
