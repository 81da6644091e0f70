package org.gridgov.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.rules.World.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gridgov.core.Directory;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.Violation;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.Worker;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.VerificationPolicy.Verifiers;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.rules.auth.VerifierCoverage;
import org.junit.jupiter.api.Test;

/**
 * The grids whose handled cases could wait for a verifier for ever: nobody may verify there, or
 * only someone who may handle them too. 景芳 has six grids: w-a and w-b serve grid 1, w-c grid 2, the
 * community's supervisor (no line, so never a handler) serves grid 1 and is over all six.
 */
class VerifierCoverageTest {
  private static final List<String> GRIDS_3_TO_6 =
      List.of("330102011002003", "330102011002004", "330102011002005", "330102011002006");

  private static Directory without(WorkerId id) {
    List<Worker> kept = new ArrayList<>(roster().workers());
    kept.removeIf(w -> w.id().equals(id));
    return Directory.of(Divisions.jingfangExample(), Roster.of(kept));
  }

  private static Directory plus(Directory directory, Worker... more) {
    List<Worker> all = new ArrayList<>(directory.roster().workers());
    all.addAll(List.of(more));
    return directory.withRoster(Roster.of(all));
  }

  private static List<String> gaps(Directory directory, Verifiers verifiers) {
    return VerifierCoverage.gaps(directory, verifiers).stream().map(Violation::toString).toList();
  }

  @Test
  void aSupervisorOverEveryGridWhoNeverHandles_noGapUnderEitherPolicy() {
    assertThat(VerifierCoverage.gaps(directory(), Verifiers.ANY_OTHER_WORKER)).isEmpty();
    assertThat(VerifierCoverage.gaps(directory(), Verifiers.SUPERVISOR)).isEmpty();
  }

  @Test
  void noSupervisor_anyOtherWorker_aGridOfOneHandlerAndTheEmptyGridsNamed() {
    assertThat(gaps(without(SUPERVISOR), Verifiers.ANY_OTHER_WORKER))
        .containsExactly(
            "grids.330102011002002: only w-c may verify its handled cases under"
                + " verification.verifiers, and may handle them too (nobody verifies their own),"
                + " was ANY_OTHER_WORKER [auth.verifier-coverage]",
            "grids.330102011002003: nobody may verify its handled cases under"
                + " verification.verifiers, was ANY_OTHER_WORKER [auth.verifier-coverage]",
            "grids.330102011002004: nobody may verify its handled cases under"
                + " verification.verifiers, was ANY_OTHER_WORKER [auth.verifier-coverage]",
            "grids.330102011002005: nobody may verify its handled cases under"
                + " verification.verifiers, was ANY_OTHER_WORKER [auth.verifier-coverage]",
            "grids.330102011002006: nobody may verify its handled cases under"
                + " verification.verifiers, was ANY_OTHER_WORKER [auth.verifier-coverage]");
  }

  @Test
  void noSupervisor_supervisorOnly_everyGridWithoutAVerifier_evenThoseWithWorkers() {
    assertThat(VerifierCoverage.gaps(without(SUPERVISOR), Verifiers.SUPERVISOR))
        .extracting(Violation::path)
        .containsExactly(
            "grids.330102011002001",
            "grids.330102011002002",
            "grids.330102011002003",
            "grids.330102011002004",
            "grids.330102011002005",
            "grids.330102011002006")
        .hasSize(6);
    assertThat(VerifierCoverage.gaps(without(SUPERVISOR), Verifiers.SUPERVISOR))
        .allSatisfy(v -> assertThat(v.message()).startsWith("nobody may verify"));
  }

  @Test
  void theOnlySupervisorActsForALine_aGapWhereTheyAreTheOnlyVerifier_closedByASecond() {
    Worker handlingSupervisor =
        Worker.of(SUPERVISOR, "name", Set.of(Role.SUPERVISOR), COMMUNITY, Set.of(GRID_1))
            .withLines(Set.of(URBAN));
    Directory handling = plus(without(SUPERVISOR), handlingSupervisor);
    Worker streetSupervisor =
        Worker.of(
            WorkerId.of("w-street-sup"),
            "name",
            Set.of(Role.SUPERVISOR),
            AreaCode.parse("330102011"),
            Set.of());

    assertThat(VerifierCoverage.gaps(handling, Verifiers.SUPERVISOR))
        .as("under SUPERVISOR w-sup alone may verify every grid, and may handle them")
        .hasSize(6)
        .allSatisfy(v -> assertThat(v.message()).startsWith("only w-sup may verify"));
    assertThat(VerifierCoverage.gaps(handling, Verifiers.ANY_OTHER_WORKER))
        .extracting(Violation::path)
        .as("grid 1 and 2 have their own workers too; 3 to 6 have only w-sup")
        .containsExactlyElementsOf(GRIDS_3_TO_6.stream().map(g -> "grids." + g).toList());
    assertThat(VerifierCoverage.gaps(plus(handling, streetSupervisor), Verifiers.SUPERVISOR))
        .as("a street supervisor over every grid, who handles nothing, verifies w-sup's cases")
        .isEmpty();
  }

  @Test
  void missingDirectoryOrVerifiers_refusedNamingTheField() {
    assertThatThrownBy(() -> VerifierCoverage.gaps(null, Verifiers.SUPERVISOR))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("[auth.verifier-coverage] directory must not be null");
    assertThatThrownBy(() -> VerifierCoverage.gaps(directory(), null))
        .isInstanceOf(RuleConfigurationException.class)
        .hasMessageContaining("[auth.verifier-coverage] verifiers must not be null");
  }
}
