package org.gridgov.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.spi.Append;
import org.gridgov.core.spi.DueTimer;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.storage.jdbc.SchemaMode;
import org.gridgov.storage.memory.InMemoryGridStorage;
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
 * Due-timer claims to exhaustion. Each single shot starts from {@code incidents} registered {@link
 * Dongcheng} incidents whose claim windows have passed, in fresh tables; {@code claimers} threads,
 * each a node with its own store instance and connection pool (2 connections) over the same
 * database, loop as {@code GridGovernance.advance} does: {@code claimDue(NOW, 50, node, 5 min)},
 * then one {@code appendAll} of an {@code IncidentAssigned} for each incident taken, at the version
 * claimed, which assigns it (its next timer becomes the reply deadline, 72 h later) and ends the
 * lease, until a claim comes back empty. Per item: 1/50 of a claim transaction (the {@code SELECT …
 * FOR UPDATE SKIP LOCKED}, one lease {@code UPDATE} per row, reading the events of the rows taken)
 * and 1/50 of an append transaction (per item a version read, a projection {@code UPDATE} and an
 * event {@code INSERT}; one commit for the batch).
 *
 * <p>Every incident id taken is counted: the shot fails when any is taken twice, when an append
 * finds another writer got there first, or when anything is left due. The score is milliseconds per
 * shot; claims per second are {@code incidents / score}, printed after each shot. The memory store
 * is one instance shared by the claimers (it cannot be shared otherwise).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar 'ClaimBenchmark|DbSchedulerBenchmark'
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ClaimBenchmark {
  static final int BATCH = 50;
  static final Duration LEASE = Duration.ofMinutes(5);
  private static final Actor RULE = Actor.system(RuleId.of("dispatch.claim-window"));
  private static final WorkerId WORKER = WorkerId.of("w-bench");

  @Param({"memory", "h2", "postgresql", "mariadb"})
  public String store;

  @Param({"1", "4", "8"})
  public int claimers;

  @Param("5000")
  public int incidents;

  private BenchDatabase db;
  private List<List<IncidentEvent>> openings;
  private ExecutorService threads;
  private IncidentStore[] stores;
  private Map<IncidentId, String> taken;
  private AtomicLong doubles;
  private AtomicLong stale;
  private long elapsedNanos;

  @Setup(Level.Trial)
  public void setUpTrial() {
    db = StorageBenchmark.database(store);
    openings = Dongcheng.build().openings(incidents, Dongcheng.SEED + 6);
    threads = Executors.newFixedThreadPool(claimers);
  }

  @Setup(Level.Iteration)
  public void setUpIteration() {
    stores = new IncidentStore[claimers];
    if (db == null) {
      IncidentStore shared = InMemoryGridStorage.create().incidents();
      Arrays.fill(stores, shared);
    } else {
      String prefix = db.newPrefix();
      for (int k = 0; k < claimers; k++) {
        stores[k] =
            db.storage(prefix, 2, k == 0 ? SchemaMode.MIGRATE : SchemaMode.VALIDATE, 10_000)
                .incidents();
      }
    }
    StorageBenchmark.intakeAll(stores[0], openings);
    taken = new ConcurrentHashMap<>(incidents * 2);
    doubles = new AtomicLong();
    stale = new AtomicLong();
  }

  @Benchmark
  public long claimAll() throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    List<Future<Long>> nodes = new ArrayList<>(claimers);
    for (int k = 0; k < claimers; k++) {
      IncidentStore node = stores[k];
      String owner = "node-" + k;
      nodes.add(threads.submit(() -> runNode(node, owner)));
    }
    long claims = 0;
    for (Future<Long> node : nodes) {
      claims += node.get();
    }
    elapsedNanos = System.nanoTime() - start;
    return claims;
  }

  private long runNode(IncidentStore node, String owner) {
    long claims = 0;
    while (true) {
      List<DueTimer> due = node.claimDue(Dongcheng.NOW, BATCH, owner, LEASE);
      if (due.isEmpty()) {
        return claims;
      }
      List<Append> appends = new ArrayList<>(due.size());
      for (DueTimer timer : due) {
        Incident incident = timer.incident();
        claims++;
        if (taken.putIfAbsent(incident.id(), owner) != null) {
          doubles.incrementAndGet();
        }
        appends.add(Append.of(incident.id(), incident.version(), List.of(assign(incident))));
      }
      stale.addAndGet(appends.size() - node.appendAll(appends).size());
    }
  }

  static IncidentAssigned assign(Incident incident) {
    Instant at = Dongcheng.NOW;
    return new IncidentAssigned(
        incident.id(),
        RULE,
        at,
        "claim window passed",
        WORKER,
        incident.line().orElseThrow(),
        at.plus(Dongcheng.REPLY_WITHIN));
  }

  @TearDown(Level.Iteration)
  public void check() {
    long left = stores[0].dueAt(Dongcheng.NOW, 1).size();
    double perSecond = taken.size() / (elapsedNanos / 1e9);
    System.out.printf(
        "%n[claims] store=%s claimers=%d taken=%d double claims=%d failed appends=%d"
            + " left due=%d: %.0f ms, %.0f claims/s%n",
        store,
        claimers,
        taken.size(),
        doubles.get(),
        stale.get(),
        left,
        elapsedNanos / 1e6,
        perSecond);
    if (db != null) {
      db.closePools();
    }
    if (doubles.get() != 0 || stale.get() != 0 || left != 0 || taken.size() != incidents) {
      throw new IllegalStateException(
          "claims went wrong: "
              + doubles.get()
              + " double claims, "
              + stale.get()
              + " failed appends, "
              + left
              + " left due, "
              + taken.size()
              + " of "
              + incidents
              + " taken");
    }
  }

  @TearDown(Level.Trial)
  public void tearDownTrial() {
    threads.shutdownNow();
    if (db != null) {
      db.close();
    }
  }
}
