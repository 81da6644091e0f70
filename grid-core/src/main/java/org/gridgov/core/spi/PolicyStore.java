package org.gridgov.core.spi;

import java.util.List;
import java.util.Optional;
import org.gridgov.core.InputRules;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.PolicyTimeline;

/**
 * Policies by id, each a timeline of immutable versions. A version once saved is never replaced: a
 * change is a new version with a later {@code effectiveFrom}.
 */
public interface PolicyStore {

  /**
   * Adds a version. The policy is validated first ({@code PolicyLoader.validate}), and the
   * resulting timeline must stay legal (increasing versions with increasing effective dates). Saves
   * of one policy at the same time (threads, or nodes sharing a database) are checked against each
   * other: each sees the versions saved before it, so the timeline stays legal.
   *
   * @throws DuplicateException {@code ("policy", id + " v" + version)} when this id and version are
   *     already stored (message {@code "policy kaixuan v2 is already stored"})
   * @throws org.gridgov.core.InvalidInputException when the policy or the timeline is invalid;
   *     nothing is stored
   */
  void save(PolicySet policy);

  /** What a policy id is ({@link PolicySet#id()}): the ids a store is asked for must be one. */
  java.util.regex.Pattern ID = java.util.regex.Pattern.compile(PolicySet.ID_PATTERN);

  /**
   * Returns {@code policyId} when it can be a policy's id, else throws: a store looks ids up by
   * equality, and an id no policy can have ({@code "kaixuan "}, which MariaDB's collation would
   * take for {@code "kaixuan"}; a NUL, which PostgreSQL refuses) must get the same answer from
   * every store. The id is not shown: it is not one.
   *
   * @throws NullPointerException {@code "policyId"} when it is null
   * @throws org.gridgov.core.InvalidInputException about the {@code policy lookup} at {@code
   *     policyId} ({@code input.format}, its length shown) when it does not match {@link #ID}
   */
  static String checkId(String policyId) {
    java.util.Objects.requireNonNull(policyId, "policyId");
    if (!ID.matcher(policyId).matches()) {
      throw Checks.invalid(
          "policy lookup",
          "policyId",
          InputRules.FORMAT,
          "must be a policy id (" + ID.pattern() + ")",
          "a text of " + policyId.length() + " characters");
    }
    return policyId;
  }

  /**
   * Every stored version of {@code policyId}, or empty when none is stored.
   *
   * @throws IllegalArgumentException when {@code policyId} is not a policy id ({@link #checkId})
   */
  Optional<PolicyTimeline> timeline(String policyId);

  /**
   * How many versions of {@code policyId} are stored, 0 for none. Versions are only ever added, so
   * a node that holds fewer knows another saved one: it asks this often, so an adapter should
   * answer without reading the documents.
   *
   * @throws IllegalArgumentException when {@code policyId} is not a policy id ({@link #checkId})
   */
  default int versionCount(String policyId) {
    return timeline(checkId(policyId)).map(t -> t.versions().size()).orElse(0);
  }

  /** The ids of the stored policies, sorted. */
  List<String> ids();
}
