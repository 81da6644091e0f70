package org.gridgov.core.policy;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.internal.Checks;

/**
 * The versions of one policy id, ordered by version; a later version takes effect at its {@code
 * effectiveFrom} and effectiveFrom strictly increases with the version.
 */
public final class PolicyTimeline {
  private final ImmutableList<PolicySet> versions;

  private PolicyTimeline(ImmutableList<PolicySet> versions) {
    this.versions = versions;
  }

  /**
   * Refuses an empty collection, mixed ids, versions below 1, duplicate versions and non-increasing
   * dates.
   */
  public static PolicyTimeline of(Collection<PolicySet> policies) {
    Checks.noNullElements("policy timeline", PolicyRules.TIMELINE, "versions", policies);
    List<Violation> violations = new ArrayList<>();
    if (policies.isEmpty()) {
      throw new InvalidInputException(
          "policy timeline",
          Violation.of("versions", PolicyRules.TIMELINE, "needs at least one version", null));
    }
    List<PolicySet> sorted = new ArrayList<>(policies);
    sorted.sort(Comparator.comparingInt(PolicySet::version));
    String id = sorted.get(0).id();
    Set<Integer> seen = new HashSet<>();
    PolicySet previous = null;
    for (PolicySet p : sorted) {
      String path = p.id() + ".v" + p.version();
      if (p.version() < 1) { // as PolicySet's @Min(1): a version built in code skips the loader
        violations.add(
            Violation.of(path, PolicyRules.TIMELINE, "must be version 1 or later", p.version()));
      }
      if (!p.id().equals(id)) {
        violations.add(Violation.of(path, PolicyRules.TIMELINE, "must have the id " + id, p.id()));
      }
      if (!seen.add(p.version())) {
        violations.add(Violation.of(path, PolicyRules.TIMELINE, "duplicate version", p.version()));
        continue;
      }
      if (previous != null && !p.effectiveFrom().isAfter(previous.effectiveFrom())) {
        violations.add(
            Violation.of(
                path + ".effectiveFrom",
                PolicyRules.TIMELINE,
                "must be after version " + previous.version() + "'s " + previous.effectiveFrom(),
                p.effectiveFrom()));
      }
      previous = p;
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("policy timeline " + id, violations);
    }
    return new PolicyTimeline(ImmutableList.copyOf(sorted));
  }

  public String id() {
    return versions.get(0).id();
  }

  /** The version in force at {@code instant}, empty before the first version takes effect. */
  public Optional<PolicySet> at(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    PolicySet found = null;
    for (PolicySet p : versions) {
      if (!p.effectiveFrom().isAfter(instant)) {
        found = p;
      }
    }
    return Optional.ofNullable(found);
  }

  public PolicySet latest() {
    return versions.get(versions.size() - 1);
  }

  public ImmutableList<PolicySet> versions() {
    return versions;
  }
}
