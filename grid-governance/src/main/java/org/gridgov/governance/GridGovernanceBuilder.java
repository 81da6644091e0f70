package org.gridgov.governance;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.Directory;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.internal.Ids;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.PolicyTimeline;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.Revision;
import org.gridgov.core.spi.StaleVersionException;

/**
 * Builds a {@link GridGovernance}. Storage, clock and policy are required; the directory may come
 * from the builder (saved when the store holds none or a different one) or from the store. Several
 * nodes may start on one store at once.
 *
 * <pre>{@code
 * GridGovernance governance = GridGovernance.builder()
 *     .storage(InMemoryGridStorage.create())
 *     .directory(directory)
 *     .policy(Presets.kaixuan())
 *     .clock(Clock.systemUTC())
 *     .build();
 * }</pre>
 */
public final class GridGovernanceBuilder {
  private static final System.Logger LOG = System.getLogger(GridGovernanceBuilder.class.getName());
  GridStorage storage;
  Directory directory;

  /** The stored revision {@link #directory} stands for, set by {@link #build()}. */
  long directoryRevision;

  PolicyTimeline policies;
  Clock clock;
  String node = "node-1";
  IncidentIdGenerator ids;
  Duration lease = Duration.ofMinutes(5);
  int batchSize = 200;
  final List<GridListener> listeners = new ArrayList<>();

  GridGovernanceBuilder() {}

  public GridGovernanceBuilder storage(GridStorage value) {
    storage = Objects.requireNonNull(value, "storage");
    return this;
  }

  /**
   * The directory to use; saved to the store when the store holds none yet, or as the next revision
   * when the stored one differs (every node takes it up at its next advance). A node that should
   * use whatever is stored is built without a directory; a running node changes it with {@link
   * GridGovernance#updateDirectory}.
   */
  public GridGovernanceBuilder directory(Directory value) {
    directory = Objects.requireNonNull(value, "directory");
    return this;
  }

  /**
   * One or more versions of one policy; each is validated, and {@link #build()} saves those the
   * store does not hold (all or none of them). The node then uses every stored version of the
   * policy, those another node or an administrator saved included.
   */
  public GridGovernanceBuilder policy(PolicySet... versions) {
    Objects.requireNonNull(versions, "policy");
    for (PolicySet version : versions) {
      PolicyLoader.validate(Objects.requireNonNull(version, "policy"));
    }
    policies = PolicyTimeline.of(Arrays.asList(versions));
    return this;
  }

  /** The versions of one policy, as {@link #policy(PolicySet...)}. */
  public GridGovernanceBuilder policy(PolicyTimeline timeline) {
    Objects.requireNonNull(timeline, "policy").versions().forEach(PolicyLoader::validate);
    policies = timeline;
    return this;
  }

  /** The only source of time: inject a fixed or simulated clock in tests and simulations. */
  public GridGovernanceBuilder clock(Clock value) {
    clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * This node's id, distinct per application node sharing a store (default {@code node-1}); its
   * incident ids and timer leases carry it.
   *
   * @throws org.gridgov.core.InvalidInputException when it is not a token of at most {@link
   *     IncidentIdGenerator#MAX_NODE_LENGTH} characters
   */
  public GridGovernanceBuilder node(String value) {
    new Inputs("node")
        .check(
            value != null && Ids.isToken(value),
            "node",
            Inputs.FORMAT,
            "must be letters, digits or . _ : - starting with a letter or digit",
            value)
        .check(
            value == null || value.length() <= IncidentIdGenerator.MAX_NODE_LENGTH,
            "node",
            Inputs.RANGE,
            "must be at most "
                + IncidentIdGenerator.MAX_NODE_LENGTH
                + " characters (incident ids add about 20)",
            value)
        .throwIfAny();
    node = value;
    return this;
  }

  public GridGovernanceBuilder ids(IncidentIdGenerator value) {
    ids = Objects.requireNonNull(value, "ids");
    return this;
  }

  /**
   * How long a taken timer stays reserved for this node (default 5 minutes): positive, and shorter
   * than the span of instants every store keeps ({@link IncidentEvent#MIN_INSTANT} to {@link
   * IncidentEvent#MAX_INSTANT}), since a lease's end is stored.
   */
  public GridGovernanceBuilder lease(Duration value) {
    new Inputs("lease").require("lease", value).throwIfAny();
    new Inputs("lease")
        .check(
            !value.isNegative() && !value.isZero(),
            "lease",
            Inputs.RANGE,
            "must be positive",
            value)
        .throwIfAny();
    new Inputs("lease")
        .check(
            fitsInStoredInstants(value),
            "lease",
            Inputs.RANGE,
            "must be shorter than the span from "
                + IncidentEvent.MIN_INSTANT
                + " to "
                + IncidentEvent.MAX_INSTANT,
            value)
        .throwIfAny();
    lease = value;
    return this;
  }

  private static boolean fitsInStoredInstants(Duration lease) {
    try {
      return !IncidentEvent.MAX_INSTANT.minus(lease).isBefore(IncidentEvent.MIN_INSTANT);
    } catch (DateTimeException | ArithmeticException tooLong) {
      return false;
    }
  }

  /** How many due timers one round takes from the store (default 200). */
  public GridGovernanceBuilder batchSize(int value) {
    new Inputs("batchSize")
        .check(value >= 1, "batchSize", Inputs.RANGE, "must be at least 1", value)
        .throwIfAny();
    batchSize = value;
    return this;
  }

  public GridGovernanceBuilder listener(GridListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * @throws IllegalStateException naming what is missing
   */
  public GridGovernance build() {
    List<String> missing = new ArrayList<>();
    if (storage == null) {
      missing.add("storage");
    }
    if (clock == null) {
      missing.add("clock");
    }
    if (policies == null) {
      missing.add("policy");
    }
    Optional<Revision<Directory>> stored =
        storage == null ? Optional.empty() : storage.directory().load();
    if (directory == null && storage != null && stored.isEmpty()) {
      missing.add("directory (none given and none stored)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("GridGovernance needs " + String.join(", ", missing));
    }
    savePolicy(); // first: a policy the store refuses must not leave this node's directory saved
    settleDirectory(stored);
    PolicyWarnings.warn(LOG, policies.versions(), directory, directoryRevision);
    if (ids == null) {
      ids = IncidentIdGenerator.sequential(node, clock);
    }
    return new GridGovernance(this);
  }

  /**
   * The directory this node starts with and the stored revision it stands for: the stored one when
   * none was given or the given one has the same content, else the given one saved as the next
   * revision. Another node saving at the same moment (two nodes starting on an empty store) makes
   * it look again.
   */
  private void settleDirectory(Optional<Revision<Directory>> first) {
    Optional<Revision<Directory>> stored = first;
    for (int attempt = 1; ; attempt++) {
      boolean useStored =
          stored.isPresent() && (directory == null || directory.sameContent(stored.get().value()));
      if (useStored) {
        directory = stored.get().value();
        directoryRevision = stored.get().revision();
        return;
      }
      long basedOn = stored.map(Revision::revision).orElse(0L);
      try {
        directoryRevision = storage.directory().save(directory, basedOn);
        if (basedOn > 0) {
          LOG.log(
              System.Logger.Level.INFO,
              "the given directory differs from stored revision" + " {0}: saved it as revision {1}",
              basedOn,
              directoryRevision);
        }
        return;
      } catch (StaleVersionException raced) {
        if (attempt == GridGovernance.ATTEMPTS) {
          throw raced;
        }
        stored = storage.directory().load();
      }
    }
  }

  /**
   * Saves the versions the store does not hold, once all of them are known to fit its timeline (a
   * version of the same number with other content, or dates out of order, refuse the build before
   * any is saved); one another node saved meanwhile is fine. The node then uses the stored
   * timeline: versions saved before it started are in force here from the start, not only from its
   * first advance.
   */
  private void savePolicy() {
    var stored = storage.policies().timeline(policies.id());
    List<PolicySet> toSave = new ArrayList<>();
    List<PolicySet> all = new ArrayList<>();
    stored.ifPresent(t -> all.addAll(t.versions()));
    for (PolicySet version : policies.versions()) {
      if (all.contains(version)) {
        continue;
      }
      if (all.stream().anyMatch(p -> p.version() == version.version())) {
        throw new DuplicateException("policy", version.id() + " v" + version.version());
      }
      toSave.add(version);
      all.add(version);
    }
    PolicyTimeline.of(all); // the timeline the store would end with: refused here, if at all
    for (PolicySet version : toSave) {
      try {
        storage.policies().save(version);
      } catch (DuplicateException raced) {
        boolean same =
            storage
                .policies()
                .timeline(policies.id())
                .map(t -> t.versions().contains(version))
                .orElse(false);
        if (!same) {
          throw raced;
        }
      }
    }
    policies = storage.policies().timeline(policies.id()).orElse(policies);
  }
}
