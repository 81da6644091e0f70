package org.gridgov.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridgov.core.Directory;
import org.gridgov.core.Violation;
import org.gridgov.core.policy.PolicyReferences;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.VerificationPolicy.Verifiers;
import org.gridgov.rules.auth.VerifierCoverage;

/**
 * Warns of the parts of policy versions that name lines or categories the directory in use lacks
 * ({@link PolicyReferences}): they never apply on this node; and of the grids whose handled cases
 * nobody may verify under a version's {@code verification.verifiers} ({@link VerifierCoverage}).
 * Not refused, since one policy may serve districts whose catalogues and staff differ, and a roster
 * may be staffed step by step; logged whenever a node takes up a policy version or a directory
 * revision, so a change that strands a time-limit row or a grid's verifier shows in the log. Warns
 * too of a version a node took up after it took effect ({@link #late}).
 */
final class PolicyWarnings {
  /** The grids a verifier warning names; the others are counted. */
  static final int GRIDS_NAMED = 5;

  private PolicyWarnings() {}

  static void warn(
      System.Logger log, Collection<PolicySet> versions, Directory directory, long revision) {
    for (PolicySet version : versions) {
      List<Violation> unknown = PolicyReferences.unknownIn(version, directory);
      if (!unknown.isEmpty()) {
        log.log(
            System.Logger.Level.WARNING,
            "policy {0} v{1} names what directory revision {2}"
                + " lacks, so these parts never apply: {3}",
            version.id(),
            String.valueOf(version.version()),
            String.valueOf(revision),
            unknown.stream().map(Violation::toString).collect(Collectors.joining("; ")));
      }
    }
    Map<Verifiers, List<PolicySet>> byVerifiers = new EnumMap<>(Verifiers.class);
    for (PolicySet version : versions) {
      byVerifiers
          .computeIfAbsent(version.verification().verifiers(), v -> new ArrayList<>())
          .add(version);
    }
    byVerifiers.forEach(
        (verifiers, under) -> {
          List<Violation> gaps = VerifierCoverage.gaps(directory, verifiers);
          if (!gaps.isEmpty()) {
            log.log(
                System.Logger.Level.WARNING,
                "under verification.verifiers {0} (policy {1}), {2} grids of directory revision"
                    + " {3} may never see their handled cases verified: {4}",
                verifiers,
                under.stream()
                    .map(v -> v.id() + " v" + v.version())
                    .collect(Collectors.joining(", ")),
                String.valueOf(gaps.size()),
                String.valueOf(revision),
                gaps.stream()
                        .limit(GRIDS_NAMED)
                        .map(Violation::toString)
                        .collect(Collectors.joining("; "))
                    + (gaps.size() > GRIDS_NAMED
                        ? "; and " + (gaps.size() - GRIDS_NAMED) + " more"
                        : ""));
          }
        });
  }

  /**
   * Warns of each of {@code versions}, taken up at {@code now}, that took effect before: this node
   * decided its commands in between under the version before it (deadlines, quotas, who may take a
   * case on). Saving a version dated ahead by more than the nodes' {@code advance} interval avoids
   * it.
   */
  static void late(System.Logger log, Collection<PolicySet> versions, Instant now) {
    for (PolicySet version : versions) {
      if (version.effectiveFrom().isBefore(now)) {
        log.log(
            System.Logger.Level.WARNING,
            "policy {0} v{1} took effect at {2}, before this node"
                + " took it up at {3}: the commands it ran in between were decided under the version"
                + " before",
            version.id(),
            String.valueOf(version.version()),
            version.effectiveFrom(),
            now);
      }
    }
  }
}
