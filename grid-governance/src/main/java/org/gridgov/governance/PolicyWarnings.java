package org.gridgov.governance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.gridgov.core.Directory;
import org.gridgov.core.Violation;
import org.gridgov.core.policy.PolicyReferences;
import org.gridgov.core.policy.PolicySet;

/**
 * Warns of the parts of policy versions that name lines or categories the directory in use lacks
 * ({@link PolicyReferences}): they never apply on this node. Not refused, since one policy may
 * serve districts whose catalogues differ; logged whenever a node takes up a policy version or a
 * directory revision, so a change that strands a time-limit row shows in the log. Warns too of a
 * version a node took up after it took effect ({@link #late}).
 */
final class PolicyWarnings {
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
