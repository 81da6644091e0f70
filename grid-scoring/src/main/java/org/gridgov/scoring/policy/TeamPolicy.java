package org.gridgov.scoring.policy;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Worker;

/**
 * Team bundling (责任捆绑, Kaixuan): a worker's bundled score is {@code own} × their own score + {@code
 * grid} × the mean score of the grids they serve, so a grid's members and the street cadre bound to
 * it share the grid's score. {@code roles} overrides the split for a role (a cadre may take the
 * grid's score only); {@code poolWeights} are the relative shares of a grid's team pool by role.
 */
public record TeamPolicy(
    Split split, ImmutableMap<Role, Split> roles, ImmutableMap<Role, Integer> poolWeights) {

  /** own + grid = 1. */
  public record Split(BigDecimal own, BigDecimal grid) {
    public Split {
      Objects.requireNonNull(own, "own");
      Objects.requireNonNull(grid, "grid");
    }
  }

  public TeamPolicy {
    Objects.requireNonNull(split, "split");
    roles = ImmutableMap.copyOf(roles);
    poolWeights = ImmutableMap.copyOf(poolWeights);
  }

  /** The split for {@code worker}: the override of their first role (by id) that has one. */
  public Split splitFor(Worker worker) {
    return worker.roles().stream()
        .sorted(Comparator.naturalOrder())
        .filter(roles::containsKey)
        .findFirst()
        .map(roles::get)
        .orElse(split);
  }

  /** A worker's pool weight: the largest weight among their roles, 0 when none is listed. */
  public int poolWeight(Worker worker) {
    return worker.roles().stream().mapToInt(r -> poolWeights.getOrDefault(r, 0)).max().orElse(0);
  }
}
