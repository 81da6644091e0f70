package org.gridgov.storage.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.PolicyTimeline;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.PolicyStore;

/** Policy timelines in memory. */
final class InMemoryPolicyStore implements PolicyStore {
  private final Map<String, PolicyTimeline> timelines = new TreeMap<>();

  @Override
  public synchronized void save(PolicySet policy) {
    PolicyLoader.validate(Objects.requireNonNull(policy, "policy"));
    PolicyTimeline current = timelines.get(policy.id());
    List<PolicySet> versions = new ArrayList<>();
    if (current != null) {
      for (PolicySet stored : current.versions()) {
        if (stored.version() == policy.version()) {
          throw new DuplicateException("policy", policy.id() + " v" + policy.version());
        }
        versions.add(stored);
      }
    }
    versions.add(policy);
    timelines.put(policy.id(), PolicyTimeline.of(versions));
  }

  @Override
  public synchronized Optional<PolicyTimeline> timeline(String policyId) {
    return Optional.ofNullable(timelines.get(PolicyStore.checkId(policyId)));
  }

  @Override
  public synchronized List<String> ids() {
    return List.copyOf(timelines.keySet());
  }
}
