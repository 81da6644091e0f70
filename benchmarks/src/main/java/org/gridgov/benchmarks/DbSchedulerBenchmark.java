package org.gridgov.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peer baseline of {@link ClaimBenchmark}: db-scheduler executing {@code tasks} one-time no-op
 * tasks, all due, on the same PostgreSQL. Each single shot schedules them (one batch insert) in a
 * fresh table of db-scheduler's PostgreSQL layout, then starts {@code schedulers} scheduler
 * instances, each with its own pool (threads + 2 connections) and {@code threads} executor threads,
 * polling with lock-and-fetch ({@code UPDATE … WHERE … IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n)
 * RETURNING}) every 50 ms and whenever its queue runs low, fetching up to {@value
 * ClaimBenchmark#BATCH} executions at a time as gridgov claims 50. Per item: 1/50 of the pick
 * statement, the no-op, and the completion (one {@code DELETE} of the row, in autocommit). The shot
 * ends when every task ran and the table is empty.
 *
 * <p>Every execution is counted by its instance id: the shot fails when one ran twice or any did
 * not run. Executions per second are {@code tasks / score}, printed after each shot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DbSchedulerBenchmark {
  @Param({"1", "4", "8"})
  public int schedulers;

  @Param("1")
  public int threads;

  @Param("5000")
  public int tasks;

  private BenchDatabase db;
  private String table;
  private OneTimeTask<Void> task;
  private List<Scheduler> nodes;
  private Map<String, Integer> executed;
  private AtomicLong doubles;
  private CountDownLatch done;
  private DataSource watcher;
  private long elapsedNanos;

  @Setup(Level.Trial)
  public void setUpTrial() {
    db = BenchDatabase.open("postgresql");
  }

  @Setup(Level.Iteration)
  public void setUpIteration() {
    table = db.newPrefix() + "scheduled_tasks";
    db.dropOnClose(table);
    // db-scheduler's PostgreSQL table (postgresql_tables.sql), under a name of its own
    db.execute(
        """
        create table %1$s (
          task_name text not null,
          task_instance text not null,
          task_data bytea,
          execution_time timestamp with time zone,
          picked boolean not null,
          picked_by text,
          last_success timestamp with time zone,
          last_failure timestamp with time zone,
          consecutive_failures int,
          last_heartbeat timestamp with time zone,
          version bigint not null,
          priority smallint,
          state text,
          primary key (task_name, task_instance))"""
            .formatted(table),
        "create index %1$s_execution_time_idx on %1$s (execution_time)".formatted(table),
        "create index %1$s_last_heartbeat_idx on %1$s (last_heartbeat)".formatted(table),
        "create index %1$s_priority_execution_time_idx on %1$s (priority desc, execution_time asc)"
            .formatted(table));
    executed = new ConcurrentHashMap<>(tasks * 2);
    doubles = new AtomicLong();
    done = new CountDownLatch(tasks);
    task =
        Tasks.oneTime("bench-noop")
            .execute(
                (instance, context) -> {
                  if (executed.merge(instance.getId(), 1, Integer::sum) > 1) {
                    doubles.incrementAndGet();
                  }
                  done.countDown();
                });
    Scheduler client = Scheduler.create(db.pool(1), task).tableName(table).build();
    List<TaskInstance<?>> instances = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      instances.add(task.instance(String.format("task-%07d", i)));
    }
    client.scheduleBatch(instances, Instant.now());
    double upper = (double) ClaimBenchmark.BATCH / threads;
    nodes = new ArrayList<>(schedulers);
    for (int k = 0; k < schedulers; k++) {
      nodes.add(
          Scheduler.create(db.pool(threads + 2), task)
              .tableName(table)
              .schedulerName(new SchedulerName.Fixed("node-" + k))
              .threads(threads)
              .pollingInterval(Duration.ofMillis(50))
              .pollUsingLockAndFetch(upper / 2, upper)
              .shutdownMaxWait(Duration.ofSeconds(5))
              .build());
    }
    watcher = db.pool(1);
  }

  @Benchmark
  public long executeAll() throws InterruptedException, SQLException {
    long start = System.nanoTime();
    nodes.forEach(Scheduler::start);
    done.await();
    try (Connection c = watcher.getConnection();
        Statement s = c.createStatement()) {
      while (true) {
        try (ResultSet left = s.executeQuery("select count(*) from " + table)) {
          left.next();
          if (left.getLong(1) == 0) {
            break;
          }
        }
        Thread.sleep(1);
      }
    }
    elapsedNanos = System.nanoTime() - start;
    return executed.size();
  }

  @TearDown(Level.Iteration)
  public void check() {
    nodes.forEach(Scheduler::stop);
    double perSecond = executed.size() / (elapsedNanos / 1e9);
    System.out.printf(
        "%n[db-scheduler] schedulers=%d threads=%d executed=%d twice=%d: %.0f ms,"
            + " %.0f executions/s%n",
        schedulers, threads, executed.size(), doubles.get(), elapsedNanos / 1e6, perSecond);
    db.closePools();
    if (doubles.get() != 0 || executed.size() != tasks) {
      throw new IllegalStateException(
          "db-scheduler went wrong: "
              + doubles.get()
              + " ran twice, "
              + executed.size()
              + " of "
              + tasks
              + " ran");
    }
  }

  @TearDown(Level.Trial)
  public void tearDownTrial() {
    db.close();
  }
}
