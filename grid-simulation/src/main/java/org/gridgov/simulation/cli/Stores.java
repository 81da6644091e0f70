package org.gridgov.simulation.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.storage.jdbc.JdbcGridStorage;
import org.gridgov.storage.jdbc.SchemaMode;
import org.gridgov.storage.memory.InMemoryGridStorage;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The storage a run uses, from {@code --store}: {@code memory} (dropping archived cases, which a
 * run never reads again), {@code h2} (an embedded database file in the output directory, made anew
 * for each run) or a JDBC URL (PostgreSQL, MariaDB or an H2 database of one's own; the run's tables
 * are prefixed {@code gridgov_sim_a_} / {@code gridgov_sim_b_} and replaced).
 */
final class Stores implements AutoCloseable {
  /**
   * How long a database has to answer the first connection: a driver may wait for ever on a server
   * that takes the connection and never replies (H2's TCP client, PostgreSQL without a timeout).
   */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

  private final String kind;
  private final Path out;
  private final CommandLine line;
  private final Duration answerWithin;
  private final List<HikariDataSource> pools = new ArrayList<>();

  private Stores(String kind, Path out, CommandLine line, Duration answerWithin) {
    this.kind = kind;
    this.out = out;
    this.line = line;
    this.answerWithin = answerWithin;
  }

  static Stores parse(String value, Path out, CommandLine line) {
    return parse(value, out, line, ANSWER_WITHIN);
  }

  static Stores parse(String value, Path out, CommandLine line, Duration answerWithin) {
    if (value.equals("h2") && out.toAbsolutePath().toString().contains(";")) {
      // H2 reads what follows a ';' in its URL as settings, and a file path cannot escape it
      throw new ParameterException(
          line,
          "--out must not hold ';' with --store h2, which keeps"
              + " its database file there and reads a ';' in the file's path as the start of its"
              + " settings; choose another directory, or --store memory");
    }
    if (value.equals("memory")
        || value.equals("h2")
        || value.startsWith("jdbc:postgresql:")
        || value.startsWith("jdbc:mariadb:")
        || value.startsWith("jdbc:h2:")) {
      return new Stores(value, out, line, answerWithin);
    }
    throw new ParameterException(
        line,
        "--store must be memory, h2 or a jdbc:postgresql:, "
            + "jdbc:mariadb: or jdbc:h2: URL, was "
            + value);
  }

  /** A fresh, empty store for run {@code run} ({@code a} or {@code b}). */
  GridStorage open(String run) throws Exception {
    if (kind.equals("memory")) {
      return InMemoryGridStorage.builder().keepArchived(false).build();
    }
    if (kind.equals("h2")) {
      Path file = h2File(run);
      Files.createDirectories(out);
      deleteH2(file);
      return JdbcGridStorage.create(pool("jdbc:h2:file:" + file));
    }
    HikariDataSource pool = pool(kind);
    String prefix = "gridgov_sim_" + run + "_";
    dropTables(pool, prefix);
    return JdbcGridStorage.builder(pool).tablePrefix(prefix).build();
  }

  /**
   * Removes what an earlier run left for run {@code run}, which this one does not make (the second
   * policy's store when there is no {@code --compare}), as its {@code compare-*} files are.
   */
  void discard(String run) throws Exception {
    if (kind.equals("h2")) {
      deleteH2(h2File(run));
    } else if (!kind.equals("memory")) {
      dropTables(pool(kind), "gridgov_sim_" + run + "_");
    }
  }

  private Path h2File(String run) {
    return out.toAbsolutePath().resolve("gridgov-" + run);
  }

  private static void deleteH2(Path file) throws IOException {
    Files.deleteIfExists(Path.of(file + ".mv.db"));
    Files.deleteIfExists(Path.of(file + ".trace.db"));
  }

  /**
   * A pool on {@code url}; a database that cannot be reached, or does not answer within {@link
   * #ANSWER_WITHIN}, is a bad {@code --store} (the URL is not repeated: it may hold a password).
   */
  private HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    config.setPoolName("gridgov-simulate");
    // the first connection is made on a thread of its own, so that a silent server cannot hang
    // the run: the driver's read may not be interruptible, and the thread is left to the JVM
    FutureTask<HikariDataSource> connecting = new FutureTask<>(() -> new HikariDataSource(config));
    Thread thread = new Thread(connecting, "gridgov-store-connect");
    thread.setDaemon(true);
    thread.start();
    HikariDataSource pool;
    try {
      pool = connecting.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      throw new ParameterException(
          line,
          "--store cannot connect to its database: no answer"
              + " within "
              + answerWithin.toSeconds()
              + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ParameterException(line, "--store: interrupted while connecting to its database");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      Throwable cause = e.getCause().getCause() == null ? e.getCause() : e.getCause().getCause();
      throw new ParameterException(
          line,
          "--store cannot connect to its database: "
              + withoutUrls(String.valueOf(cause.getMessage())));
    }
    pools.add(pool);
    return pool;
  }

  /**
   * {@code message} without the URLs and settings a driver quotes in it (H2 repeats its whole URL,
   * password included): each URL, and each {@code PASSWORD=} or {@code USER=} setting, is named,
   * not shown.
   */
  static String withoutUrls(String message) {
    return message
        .replaceAll("jdbc:[^\\s\"']*", "(the URL)")
        .replaceAll("(?i)\\b(password|user)=[^;\\s\"']*", "$1=(not shown)");
  }

  /** Drops the tables a run under {@code prefix} made, its migration history included. */
  private static void dropTables(HikariDataSource pool, String prefix) {
    JdbcGridStorage.builder(pool)
        .tablePrefix(prefix)
        .schemaMode(SchemaMode.NONE)
        .build()
        .dropTables();
  }

  @Override
  public void close() {
    pools.forEach(HikariDataSource::close);
  }
}
