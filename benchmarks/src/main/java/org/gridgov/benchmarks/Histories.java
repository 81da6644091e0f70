package org.gridgov.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gridgov.core.Directory;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.IncidentAssigned;
import org.gridgov.core.incident.IncidentClaimed;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentRated;
import org.gridgov.core.incident.IncidentRegistered;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Rating;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.VerificationFailed;
import org.gridgov.core.incident.VerificationPassed;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Worker;
import org.gridgov.core.territory.AreaCode;

/**
 * Legal incident histories for a month, built directly from event records (fast, seeded): each
 * incident is reported and registered in a grid, claimed or assigned to a worker serving it for a
 * line, handled, sometimes reworked, verified by another worker, closed and often rated.
 */
final class Histories {
  private static final Actor CENTRE = Actor.centre("seat-1");
  private static final CategoryCode CATEGORY = CategoryCode.parse("E0402");

  private Histories() {}

  /** About {@code events} events, incident after incident, starting at {@code start}. */
  static List<IncidentEvent> month(Directory directory, int events, Instant start) {
    SplittableRandom random = new SplittableRandom(Dongcheng.SEED);
    List<Worker> workers =
        directory.roster().workers().stream()
            .filter(w -> !w.grids().isEmpty() && !w.lines().isEmpty())
            .toList();
    List<IncidentEvent> stream = new ArrayList<>(events + 16);
    long seconds = Duration.ofDays(28).toSeconds();
    for (int i = 0; stream.size() < events; i++) {
      Worker handler = workers.get(random.nextInt(workers.size()));
      Worker verifier = workers.get(random.nextInt(workers.size()));
      if (verifier.id().equals(handler.id())) {
        continue;
      }
      AreaCode grid = handler.grids().iterator().next();
      LineId line = handler.lines().iterator().next();
      IncidentId id = IncidentId.of("B" + i);
      Instant t = start.plusSeconds(random.nextLong(seconds));
      stream.add(
          new IncidentReported(
              id,
              Actor.worker(handler.id()),
              t,
              "",
              Source.PATROL,
              CATEGORY,
              grid,
              Optional.empty(),
              Optional.empty(),
              false,
              "",
              Optional.empty()));
      t = t.plusSeconds(600);
      stream.add(new IncidentRegistered(id, CENTRE, t, "", CATEGORY, line, t.plusSeconds(86_400)));
      t = t.plusSeconds(random.nextInt(100_000));
      Instant replyBy = t.plusSeconds(259_200);
      if (random.nextBoolean()) {
        stream.add(
            new IncidentClaimed(id, Actor.worker(handler.id()), t, "", handler.id(), replyBy));
      } else {
        stream.add(new IncidentAssigned(id, CENTRE, t, "", handler.id(), line, replyBy));
      }
      t = t.plusSeconds(random.nextInt(200_000));
      stream.add(new FeedbackGiven(id, Actor.worker(handler.id()), t, "", handler.id(), "done"));
      if (random.nextInt(10) == 0) {
        t = t.plusSeconds(3_600);
        stream.add(
            new VerificationFailed(
                id, Actor.worker(verifier.id()), t, "", verifier.id(), t.plusSeconds(259_200)));
        t = t.plusSeconds(7_200);
        stream.add(new FeedbackGiven(id, Actor.worker(handler.id()), t, "", handler.id(), "again"));
      }
      t = t.plusSeconds(3_600);
      stream.add(new VerificationPassed(id, Actor.worker(verifier.id()), t, "", verifier.id()));
      t = t.plusSeconds(600);
      stream.add(new IncidentClosed(id, CENTRE, t, ""));
      if (random.nextInt(2) == 0) {
        int score = 1 + random.nextInt(5);
        stream.add(
            new IncidentRated(
                id,
                Actor.resident("r"),
                t.plusSeconds(3_600),
                "",
                new Rating(score, score, score)));
      }
    }
    return stream;
  }
}
