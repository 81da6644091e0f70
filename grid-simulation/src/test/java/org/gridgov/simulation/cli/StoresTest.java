package org.gridgov.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code --store}: a database that takes the connection and never answers is a bad option. */
class StoresTest {
  @TempDir
  Path dir;

  @Test
  void open_serverThatNeverAnswers_refusedNamingTheStoreInsteadOfHanging() throws Exception {
    // before the fix: the H2 and PostgreSQL drivers wait for the server's reply for ever
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      for (String url : new String[] {
          "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/~/nodb",
          "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/nodb"}) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
          try (Stores stores = Stores.parse(url, dir,
              new CommandLine(new SimulateCommand()), Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> stores.open("a"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--store cannot connect to its database: no answer within 2 s");
          }
        }, url);
      }
    }
  }

  @Test
  void open_aUrlTheDriverRefuses_refusedWithoutRepeatingTheUrlOrItsPassword() throws Exception {
    // before the fix: H2's message quoted the whole URL, "jdbc:h2:relname;PASSWORD=hunter2"
    try (Stores stores = Stores.parse("jdbc:h2:relname;PASSWORD=hunter2", dir,
        new CommandLine(new SimulateCommand()), Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> stores.open("a")).isInstanceOf(ParameterException.class)
          .hasMessageStartingWith("--store cannot connect to its database: ")
          .hasMessageNotContaining("hunter2").hasMessageNotContaining("relname;");
    }
    assertThat(Stores.withoutUrls("bad URL \"jdbc:mariadb://h/db?user=root&password=x\", also"
        + " PASSWORD=y; USER=sa")).isEqualTo("bad URL \"(the URL)\", also PASSWORD=(not shown);"
        + " USER=(not shown)");
  }

  @Test
  void parse_h2IntoADirectoryWithASemicolon_refusedNamingOut() {
    // before the fix: H2 read "b" as a setting and the error blamed --store
    assertThatThrownBy(() -> Stores.parse("h2", dir.resolve("a;MODE=MySQL"),
        new CommandLine(new SimulateCommand()), Duration.ofSeconds(10)))
        .isInstanceOf(ParameterException.class).hasMessageStartingWith("--out must not hold ';'");
  }
}
