package org.gridgov.simulation.cli;

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
}
