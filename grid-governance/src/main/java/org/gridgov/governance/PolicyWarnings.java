package org.gridgov.governance;

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
 * directory revision, so a change that strands a time-limit row shows in the log.
 */
final class PolicyWarnings {
  private PolicyWarnings() {}

  static void warn(System.Logger log, Collection<PolicySet> versions, Directory directory,
      long revision) {
    for (PolicySet version : versions) {
      List<Violation> unknown = PolicyReferences.unknownIn(version, directory);
      if (!unknown.isEmpty()) {
        log.log(System.Logger.Level.WARNING, "policy {0} v{1} names what directory revision {2}"
            + " lacks, so these parts never apply: {3}", version.id(),
            String.valueOf(version.version()), String.valueOf(revision),
            unknown.stream().map(Violation::toString).collect(Collectors.joining("; ")));
      }
    }
  }
}
