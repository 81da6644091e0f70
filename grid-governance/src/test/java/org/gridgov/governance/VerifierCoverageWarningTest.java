package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.governance.Town.NINE;

import com.google.common.collect.ImmutableMap;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.gridgov.core.Directory;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.policy.VerificationPolicy;
import org.gridgov.core.policy.VerificationPolicy.Verifiers;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.threeten.extra.MutableClock;

/**
 * A directory and a policy under which some grid's handled cases nobody may verify are taken (a
 * roster may be staffed step by step) with a warning naming the grids, when built and when a node
 * takes up a directory revision.
 */
class VerifierCoverageWarningTest {
  /** The builder's and the facade's warnings, for each test. */
  @RegisterExtension final CapturedLog log = CapturedLog.start();

  private static PolicySet kaixuan(Verifiers verifiers) {
    PolicySet k = Presets.kaixuan();
    return k.withVerification(
        new VerificationPolicy(k.verification().maxReworks(), ImmutableMap.of(), verifiers));
  }

  /** The town without its supervisor: grid 2 keeps w-c alone, grids 3 to 6 nobody. */
  private static Directory unsupervised() {
    List<Worker> kept = new ArrayList<>(Town.directory().roster().workers());
    kept.removeIf(w -> w.id().equals(Town.SUPERVISOR));
    return Town.directory().withRoster(Roster.of(kept));
  }

  private static GridGovernance build(Directory directory, PolicySet policy) {
    return GridGovernance.builder()
        .storage(InMemoryGridStorage.create())
        .directory(directory)
        .policy(policy)
        .clock(MutableClock.of(NINE, ZoneOffset.UTC))
        .build();
  }

  @Test
  void theTownWithItsSupervisor_noWarningUnderEitherPolicy() {
    build(Town.directory(), kaixuan(Verifiers.ANY_OTHER_WORKER));
    build(Town.directory(), kaixuan(Verifiers.SUPERVISOR));

    assertThat(log.messages(Level.WARNING)).isEmpty();
  }

  @Test
  void supervisorsOnly_withoutASupervisor_oneWarningNamingTheFirstGridsAndCountingTheRest() {
    build(unsupervised(), kaixuan(Verifiers.SUPERVISOR));

    assertThat(log.messages(Level.WARNING))
        .singleElement()
        .asString()
        .startsWith(
            "under verification.verifiers SUPERVISOR (policy kaixuan v1), 6 grids of directory"
                + " revision 1 may never see their handled cases verified: grids.330102011002001:"
                + " nobody may verify its handled cases under verification.verifiers, was"
                + " SUPERVISOR [auth.verifier-coverage]; grids.330102011002002:")
        .contains("grids.330102011002005:")
        .doesNotContain("grids.330102011002006")
        .endsWith("; and 1 more");
  }

  @Test
  void aRevisionTakingTheSupervisorAway_warnedWhenTakenUp() {
    GridGovernance node = build(Town.directory(), kaixuan(Verifiers.ANY_OTHER_WORKER));
    assertThat(log.messages(Level.WARNING)).isEmpty();

    node.updateDirectory(unsupervised(), node.directoryRevision());

    assertThat(log.messages(Level.WARNING))
        .singleElement()
        .asString()
        .contains("ANY_OTHER_WORKER", "5 grids of directory revision 2")
        .contains("grids.330102011002002: only w-c may verify");
  }
}
