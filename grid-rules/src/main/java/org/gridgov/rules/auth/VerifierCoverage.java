package org.gridgov.rules.auth;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.core.Directory;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Worker;
import org.gridgov.core.policy.VerificationPolicy.Verifiers;
import org.gridgov.core.territory.Area;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * The grids of a directory whose handled cases may wait for a verifier for ever under a policy's
 * {@code verification.verifiers}: nobody may verify there ({@link AuthorizationRule#mayVerify}), or
 * only one worker, who may also handle the grid's cases (serving the grid or belonging to a unit
 * that contains it, and acting for a line) and never verifies their own. A roster and a policy are
 * each valid alone, so this is checked where both meet: the governance facade logs it as a warning
 * when built and when it takes up a directory revision or a policy version, as it does for a policy
 * naming lines the directory lacks.
 */
public final class VerifierCoverage {
  public static final RuleId ID = RuleId.of("auth.verifier-coverage");

  private VerifierCoverage() {}

  /**
   * One violation per such grid, at path {@code grids.<code>}, in the territory's order; empty when
   * every grid has a verifier for any handler.
   *
   * @throws org.gridgov.core.RuleConfigurationException ({@link #ID}) naming a missing {@code
   *     directory} or {@code verifiers}
   */
  public static ImmutableList<Violation> gaps(Directory directory, Verifiers verifiers) {
    Checks.notNull(ID, "directory", directory);
    Checks.notNull(ID, "verifiers", verifiers);
    List<Violation> gaps = new ArrayList<>();
    for (Area area : directory.territory().at(Level.GRID)) {
      AreaCode grid = area.code();
      List<Worker> able = new ArrayList<>(2); // the first two who may verify: enough to tell
      if (verifiers == Verifiers.ANY_OTHER_WORKER) {
        for (Worker worker : directory.roster().inGrid(grid)) {
          addIfAble(able, worker, grid, verifiers);
        }
      }
      for (Worker supervisor : directory.roster().withRole(Role.SUPERVISOR)) {
        if (verifiers == Verifiers.SUPERVISOR || !supervisor.serves(grid)) { // else counted above
          addIfAble(able, supervisor, grid, verifiers);
        }
      }
      if (able.isEmpty()) {
        gaps.add(
            Violation.of(
                "grids." + grid,
                ID,
                "nobody may verify its handled cases under verification.verifiers",
                verifiers));
      } else if (able.size() == 1 && mayHandle(able.get(0), grid)) {
        gaps.add(
            Violation.of(
                "grids." + grid,
                ID,
                "only "
                    + able.get(0).id()
                    + " may verify its handled cases under verification.verifiers, and may handle"
                    + " them too (nobody verifies their own)",
                verifiers));
      }
    }
    return ImmutableList.copyOf(gaps);
  }

  /** Adds {@code worker} to {@code able} if it holds fewer than two and they may verify. */
  private static void addIfAble(
      List<Worker> able, Worker worker, AreaCode grid, Verifiers verifiers) {
    if (able.size() < 2 && AuthorizationRule.mayVerify(worker, grid, verifiers)) {
      able.add(worker);
    }
  }

  /** Whether {@code worker} may be given a case of {@code grid} to handle. */
  private static boolean mayHandle(Worker worker, AreaCode grid) {
    return !worker.lines().isEmpty() && (worker.serves(grid) || worker.unit().isPrefixOf(grid));
  }
}
