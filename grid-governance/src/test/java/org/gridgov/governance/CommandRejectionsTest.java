package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.IllegalTransitionException;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.RejectionKind;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.Step;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Roster;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.spi.DuplicateException;
import org.gridgov.core.spi.NotFoundException;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** Every kind of bad command gets a clear error and stores nothing. */
class CommandRejectionsTest {
  private final MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
  private final GridGovernance governance = governance(clock, Presets.kaixuan());

  private long stored() {
    return governance.storage().incidents().count();
  }

  @Test
  void report_unknownGridAndCategoryAndWorker_everyProblemListedNothingStored() {
    Report bad =
        Report.by(Actor.worker(WorkerId.of("w-ghost")))
            .source(Source.PATROL)
            .category(CategoryCode.parse("E0999"))
            .grid(AreaCode.of("330102011002099", Level.GRID))
            .build();

    assertThatThrownBy(() -> governance.report(bad))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path)
                    .containsExactlyInAnyOrder("category", "grid", "actor"))
        .hasMessageContaining("grid: is not a grid of the territory, was 330102011002099")
        .hasMessageNotContaining("seen on patrol");
    assertThat(stored()).isZero();
  }

  @Test
  void report_missingFields_listed() {
    assertThatThrownBy(() -> governance.report(Report.by(CENTRE).build()))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path)
                    .containsExactlyInAnyOrder("source", "category", "grid"));
  }

  @Test
  void claim_workerOfAnotherGrid_refusedAndNothingStored() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    int before = governance.history(id).size();

    assertThatThrownBy(() -> governance.claim(C, id))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("NOT_AUTHORIZED")
        .hasMessageContaining("worker:w-c may not claim incident " + id);
    assertThat(governance.history(id)).hasSize(before);
  }

  @Test
  void register_byAResident_refusedWithoutShowingTheirAccountToken() {
    IncidentId id =
        governance
            .report(
                Report.by(Actor.worker(A))
                    .source(Source.PATROL)
                    .category(VENDING)
                    .grid(GRID_1)
                    .build())
            .incident()
            .id();
    int before = governance.history(id).size();

    assertThatThrownBy(
            () ->
                governance.register(
                    Actor.resident("13800138000"), id, Optional.empty(), Optional.empty(), ""))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("NOT_AUTHORIZED")
        .hasMessageContaining("resident may not register incident " + id)
        .hasMessageNotContaining("13800138000");
    assertThat(governance.history(id)).hasSize(before);
  }

  @Test
  void report_beforeThePolicysFirstVersion_refusedNamingTheRuleNothingStored() {
    java.time.Instant first = Presets.kaixuan().effectiveFrom();
    MutableClock early = MutableClock.of(first.minusSeconds(3_600), ZoneOffset.UTC);
    GridGovernance node = governance(early, Presets.kaixuan());

    assertThatThrownBy(() -> node.report(patrol(GRID_1, VENDING).build()))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessage(
            "command report refused: [policy.in-force] NO_POLICY_IN_FORCE: now must be at"
                + " or after "
                + first
                + ", when the first version of policy kaixuan takes effect,"
                + " was "
                + first.minusSeconds(3_600))
        .satisfies(
            e ->
                assertThat(((CommandRefusedException) e).refusal().rule())
                    .isEqualTo(GridGovernance.POLICY_IN_FORCE));
    assertThat(node.storage().incidents().count()).isZero();
    assertThatThrownBy(() -> node.policyAt(first.minusNanos(1)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("instant");
                          assertThat(v.rule()).isEqualTo("input.range");
                        }));

    early.setInstant(first);
    assertThat(node.report(patrol(GRID_1, VENDING).build()).incident().reportedAt())
        .isEqualTo(first);
    assertThat(node.policyAt(first)).isEqualTo(Presets.kaixuan());
  }

  @Test
  void verify_byTheHandler_refusedAndNothingStored() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, id);
    governance.feedback(A, id, "moved the stall on");
    int before = governance.history(id).size();

    assertThatThrownBy(() -> governance.verify(A, id, true, "looks fine"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("VERIFIER_IS_HANDLER")
        .satisfies(e -> assertThat(((CommandRefusedException) e).step()).isEqualTo(Step.VERIFY));
    assertThatThrownBy(() -> governance.verify(A, id, false, "not yet"))
        .isInstanceOf(CommandRefusedException.class)
        .satisfies(
            e ->
                assertThat(((CommandRefusedException) e).step()).isEqualTo(Step.FAIL_VERIFICATION));
    assertThat(governance.history(id)).hasSize(before);
    assertThat(governance.verify(SUPERVISOR, id, true, "checked on site").verifier())
        .contains(SUPERVISOR);
  }

  @Test
  void commandInTheWrongStage_illegalTransitionNamingStageAndCommand() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);

    assertThatThrownBy(() -> governance.close(CENTRE, id, ""))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("incident " + id + " is REGISTERED: command close refused");
    assertThatThrownBy(() -> governance.feedback(A, id, "done"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("command feedback refused");
  }

  @Test
  void unknownIncident_notFound() {
    assertThatThrownBy(() -> governance.claim(A, IncidentId.of("nope")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("no incident nope");
  }

  @Test
  void convene_andExtend_everyInputErrorNamesTheCommandAsCalled() {
    // before the fix: a null actor or id said "command convene-joint-meeting" (and
    // "command extend-deadline"), while their other input checks said "convene" ("extend")
    IncidentId id = IncidentId.of("I1");
    Set<LineId> lines = Set.of(GREENING, TRAFFIC);
    assertThatThrownBy(() -> governance.convene(null, id, GREENING, lines, "joint"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command convene:")
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("actor", "input.required")))
        .hasMessageNotContaining("convene-joint-meeting");
    assertThatThrownBy(() -> governance.convene(CENTRE, id, GREENING, Set.of(GREENING), "joint"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command convene:")
        .hasMessageContaining("lines");
    assertThatThrownBy(() -> governance.extend(null, id, NINE.plusSeconds(3600), "more time"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command extend:")
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path)
                    .containsExactly("actor"))
        .hasMessageNotContaining("extend-deadline");
    assertThatThrownBy(() -> governance.extend(CENTRE, id, null, "more time"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command extend:")
        .hasMessageContaining("replyBy: is required");
    assertThat(stored()).isZero();
  }

  @Test
  void rate_outOfRange_everyFieldListed() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);

    assertThatThrownBy(() -> governance.rate(Actor.resident("acct-1"), id, 0, 6, 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("attitude: must be between 1 and 5, was 0")
        .hasMessageContaining("timeliness: must be between 1 and 5, was 6")
        .hasMessageNotContaining("satisfaction");
  }

  @Test
  void assign_unknownWorkerOrLineOrWrongLine_listed() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);

    assertThatThrownBy(
            () -> governance.assign(CENTRE, id, WorkerId.of("w-ghost"), LineId.of("no-line"), ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("worker: is not in the directory, was w-ghost")
        .hasMessageContaining("line: is not a known line, was no-line");
    assertThatThrownBy(() -> governance.assign(CENTRE, id, POLICE, URBAN, ""))
        .hasMessageContaining("worker: does not act for line urban-management, was w-police");
    assertThatThrownBy(() -> governance.assign(Actor.worker(A), id, B, URBAN, ""))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("NOT_AUTHORIZED");
  }

  @Test
  void assign_workerOutsideTheCasesGridOrLevel_refusedAndNothingStored() {
    // Dongcheng: no quota, so the case can be passed up to the street below
    GridGovernance governance = governance(clock, Presets.dongcheng());
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    int before = governance.history(id).size();

    // w-c acts for urban management but serves grid 2; the cadre belongs to the street
    assertThatThrownBy(() -> governance.assign(CENTRE, id, C, URBAN, ""))
        .isInstanceOf(CommandRefusedException.class)
        .satisfies(e -> assertThat(((CommandRefusedException) e).code()).isEqualTo("NOT_ELIGIBLE"))
        .hasMessageContaining("w-c")
        .hasMessageContaining("GRID");
    assertThatThrownBy(() -> governance.assign(CENTRE, id, CADRE, URBAN, ""))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("NOT_ELIGIBLE");
    assertThat(governance.history(id)).hasSize(before);

    governance.escalate(CENTRE, id, "needs the community");
    governance.escalate(CENTRE, id, "needs the street");
    int atStreet = governance.history(id).size();
    assertThatThrownBy(() -> governance.assign(CENTRE, id, A, URBAN, ""))
        .as("a grid worker does not act at the street")
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("NOT_ELIGIBLE");
    assertThat(governance.history(id)).hasSize(atStreet);
    assertThat(governance.assign(CENTRE, id, CADRE, URBAN, "").assignee()).contains(CADRE);
  }

  @Test
  void register_unknownCategoryCorrection_listed() {
    IncidentId id = governance.report(patrol(GRID_1, VENDING).build()).incident().id();

    assertThatThrownBy(
            () ->
                governance.register(
                    CENTRE, id, Optional.of(CategoryCode.parse("P0999")), Optional.empty(), ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("category: is not in the category catalogue, was P0999");
    assertThatThrownBy(
            () ->
                governance.register(
                    CENTRE,
                    id,
                    Optional.of(CategoryCode.parse("P0999")),
                    Optional.of(LineId.of("no-line")),
                    ""))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path)
                    .containsExactlyInAnyOrder("category", "line"))
        .hasMessageContaining("line: is not a known line, was no-line");
    assertThat(governance.history(id)).hasSize(1);
  }

  @Test
  void
      register_reportWhoseCategoryLeftTheCatalogue_invalidInputNamingCategory_aCorrectionRegisters() {
    IncidentId id = governance.report(patrol(GRID_1, VENDING).build()).incident().id();
    governance.updateDirectory(
        d ->
            new org.gridgov.core.Directory(
                d.territory(),
                d.roster(),
                d.lines(),
                org.gridgov.core.category.CategoryCatalogue.of(
                    d.catalogue().all().stream().filter(c -> !c.code().equals(VENDING)).toList())));

    // before the fix: a NoSuchElementException from the catalogue, no field and no rule
    assertThatThrownBy(
            () -> governance.register(CENTRE, id, Optional.empty(), Optional.empty(), ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command register:")
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("category");
                          assertThat(v.rule()).isEqualTo("input.required");
                        }))
        .hasMessageContaining(VENDING.toString());
    assertThat(governance.history(id)).hasSize(1);

    assertThat(
            governance.register(CENTRE, id, Optional.of(CAR), Optional.empty(), "a car").category())
        .isEqualTo(CAR);
  }

  @Test
  void report_sameExternalTicketTwice_oneIncident() {
    Report ticket = patrol(GRID_1, VENDING).external(ExternalRef.of("12345", "BJ-1")).build();

    var first = governance.report(ticket);
    var again = governance.report(ticket);

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.incident().id()).isEqualTo(first.incident().id());
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void report_ticketResentAfterItsReporterLeftTheRoster_theFirstIncidentNotARefusal() {
    Report ticket = patrol(GRID_1, VENDING).external(ExternalRef.of("12345", "BJ-3")).build();
    var first = governance.report(ticket);
    governance.updateDirectory(
        d ->
            d.withRoster(
                Roster.of(d.roster().workers().stream().filter(w -> !w.id().equals(A)).toList())));

    var again = governance.report(ticket);

    assertThat(again.created()).isFalse();
    assertThat(again.incident().id()).isEqualTo(first.incident().id());
    assertThat(stored()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                governance.report(
                    patrol(GRID_1, VENDING).external(ExternalRef.of("12345", "BJ-4")).build()))
        .as("a new ticket by the worker who left")
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("actor");
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void report_ticketOfAnArchivedCaseTheStoreDropped_duplicateNamingTheTicketNothingStored() {
    GridGovernance dropping =
        governance(
            InMemoryGridStorage.builder().keepArchived(false).build(), clock, Presets.kaixuan());
    Report ticket = patrol(GRID_1, VENDING).external(ExternalRef.of("12345", "BJ-2")).build();
    IncidentId id = dropping.report(ticket).incident().id();
    dropping.reject(CENTRE, id, RejectionKind.INVALID, Optional.empty(), "not a case");
    dropping.archive(CENTRE, id, "");

    assertThatThrownBy(() -> dropping.report(ticket))
        .isInstanceOf(DuplicateException.class)
        .hasMessageContaining("external reference")
        .hasMessageContaining("BJ-2");
    assertThat(dropping.storage().incidents().count()).isEqualTo(1);
    assertThat(dropping.find(id)).isEmpty();
  }

  @Test
  void build_missingParts_namesThem() {
    assertThatThrownBy(() -> GridGovernance.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("GridGovernance needs storage, clock, policy");
  }

  @Test
  void report_communityAsGridOrDescriptionTooLong_namedAndNothingStored() {
    assertThatThrownBy(() -> governance.report(patrol(COMMUNITY, VENDING).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("grid: is not a grid of the territory, was 330102011002");
    assertThatThrownBy(
            () -> governance.report(patrol(GRID_1, VENDING).description("x".repeat(4001)).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("description: must be at most 4000 characters, was 4001");
    assertThat(stored()).isZero();
  }

  @Test
  void reject_invalidWithADuplicateOrADuplicateOfItself_named() {
    IncidentId id = governance.report(patrol(GRID_1, VENDING).build()).incident().id();
    IncidentId other = governance.report(patrol(GRID_1, VENDING).build()).incident().id();

    assertThatThrownBy(
            () -> governance.reject(CENTRE, id, RejectionKind.INVALID, Optional.of(other), ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("duplicateOf: is only for a DUPLICATE");
    assertThatThrownBy(
            () -> governance.reject(CENTRE, id, RejectionKind.DUPLICATE, Optional.of(id), ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command reject:")
        .hasMessageContaining("duplicateOf: must name another incident");
    assertThatThrownBy(
            () ->
                governance.reject(
                    CENTRE, id, RejectionKind.DUPLICATE, Optional.of(IncidentId.of("I-ghost")), ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("duplicateOf: is not a known incident, was I-ghost")
        .hasMessageContaining("[input.unknown]");
    assertThatThrownBy(() -> governance.reject(CENTRE, id, null, Optional.empty(), ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("kind: is required");
    assertThatThrownBy(() -> governance.reject(CENTRE, id, RejectionKind.INVALID, null, ""))
        .as("no Optional at all: named, not a NullPointerException")
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("duplicateOf: is required");
    assertThat(governance.history(id)).hasSize(1);

    var rejected = governance.reject(CENTRE, id, RejectionKind.DUPLICATE, Optional.of(other), "");
    assertThat(rejected.stage()).isEqualTo(Stage.REJECTED);
    assertThat(rejected.id()).isEqualTo(id);
  }

  @Test
  void arbitrate_andConvene_missingOrUnknownLine_namedAndNothingStored() {
    IncidentId id = reportAndRegister(governance, GRID_1, CAR);
    governance.assign(CENTRE, id, POLICE, TRAFFIC, "");
    governance.returnCase(Actor.department(TRAFFIC), id, "greening's");
    int before = governance.history(id).size();
    LineId nowhere = LineId.of("no-line");

    assertThatThrownBy(() -> governance.arbitrate(CENTRE, id, null, "yours"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command arbitrate:")
        .hasMessageContaining("line: is required");
    assertThatThrownBy(() -> governance.arbitrate(CENTRE, id, nowhere, "yours"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line: is not a known line, was no-line [input.unknown]");
    assertThatThrownBy(
            () -> governance.convene(CENTRE, id, null, Set.of(GREENING, TRAFFIC), "joint"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command convene:")
        .hasMessageContaining("lead: is required");
    assertThatThrownBy(
            () -> governance.convene(CENTRE, id, nowhere, Set.of(nowhere, TRAFFIC), "joint"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line: is not a known line, was no-line [input.unknown]");
    assertThat(governance.history(id)).hasSize(before);
    assertThat(governance.arbitrate(CENTRE, id, GREENING, "yours").line()).contains(GREENING);
  }

  @Test
  void report_badTopicOrAMicroGridOfAnotherGrid_namedAndNothingStored() {
    assertThatThrownBy(() -> governance.report(patrol(GRID_1, VENDING).topic("a\u0000b").build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("topic: must not hold a NUL character (at 1)");
    assertThatThrownBy(() -> governance.report(patrol(GRID_1, VENDING).microGrid(GRID_2).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("microGrid: is not a micro-grid of the reported grid, was " + GRID_2);
    assertThat(stored()).isZero();
    assertThat(
            governance
                .report(patrol(GRID_1, VENDING).topic("stalls at the gate").build())
                .incident()
                .topic())
        .contains("stalls at the gate");
    AreaCode building1 = AreaCode.of("330102011002001001", Level.MICRO_GRID);
    assertThat(
            governance
                .report(patrol(GRID_1, VENDING).microGrid(building1).build())
                .incident()
                .microGrid())
        .as("a micro-grid of the reported grid")
        .contains(building1);
  }

  @Test
  void report_textsThatCannotBeStored_listedWithTheOtherProblems() {
    Report bad =
        patrol(GRID_1, CategoryCode.parse("E0999"))
            .description("x".repeat(4001))
            .topic("a\u0000b")
            .build();

    assertThatThrownBy(() -> governance.report(bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command report:")
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path)
                    .containsExactlyInAnyOrder("category", "description", "topic"));
    assertThat(stored()).isZero();
  }

  @Test
  void report_byTheSystem_refusedNotAuthorizedNothingStored() {
    Report bySystem =
        Report.by(Actor.system(RuleId.of("dispatch.auto")))
            .source(Source.PATROL)
            .category(VENDING)
            .grid(GRID_1)
            .description("made up")
            .build();

    assertThatThrownBy(() -> governance.report(bySystem))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("NOT_AUTHORIZED")
        .satisfies(e -> assertThat(((CommandRefusedException) e).step()).isEqualTo(Step.REPORT));
    assertThat(stored()).isZero();
  }

  @Test
  void report_ticketResentWithAFieldMissing_refusedNamingItNotAnsweredWithTheFirst() {
    ExternalRef ticket = ExternalRef.of("12345", "BJ-2");
    governance.report(patrol(GRID_1, VENDING).external(ticket).build());

    assertThatThrownBy(
            () ->
                governance.report(
                    patrol(GRID_1, VENDING).external(ticket).description(null).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("description: is required");
    assertThat(stored()).isEqualTo(1);
  }

  @Test
  void feedback_summaryThatCannotBeStored_namedNothingStored_aGoodOneStoredAsGiven() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, id);

    assertThatThrownBy(() -> governance.feedback(A, id, "a\u0000b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command feedback:")
        .hasMessageContaining("summary: must not hold a NUL character (at 1)");
    assertThat(governance.history(id)).hasSize(3);

    governance.feedback(A, id, "moved the stall on");
    assertThat(governance.history(id))
        .last()
        .isInstanceOfSatisfying(
            FeedbackGiven.class, f -> assertThat(f.summary()).isEqualTo("moved the stall on"));
  }

  @Test
  void supervise_byAWorkerNotInTheDirectory_invalidInputNamingTheActor_theCentreMay() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);

    assertThatThrownBy(() -> governance.supervise(Actor.worker(WorkerId.of("w-ghost")), id, "late"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command supervise:")
        .hasMessageContaining("actor: is not a worker in the directory")
        .hasMessageContaining("[input.unknown]");
    assertThat(governance.history(id)).hasSize(2);

    var supervised = governance.supervise(CENTRE, id, "late");
    assertThat(supervised.supervisions()).isEqualTo(1);
    assertThat(governance.history(id)).hasSize(3).last().isInstanceOf(IncidentSupervised.class);
  }

  @Test
  void supervise_noIdByAWorkerNotInTheDirectory_bothNamedUnderTheCommand() {
    assertThatThrownBy(
            () -> governance.supervise(Actor.worker(WorkerId.of("w-ghost")), null, "late"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command supervise:")
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("id", "input.required"),
                        org.assertj.core.groups.Tuple.tuple("actor", "input.unknown")));
    assertThatThrownBy(() -> governance.supervise(CENTRE, null, "late"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command supervise:")
        .hasMessageContaining("id: is required");
  }

  @Test
  void returnCase_blankReason_namedUnderTheCommandNothingStored() {
    IncidentId id = reportAndRegister(governance, GRID_1, CAR);
    governance.assign(CENTRE, id, POLICE, TRAFFIC, "");
    int before = governance.history(id).size();

    for (String blank : new String[] {null, "", "  "}) {
      assertThatThrownBy(() -> governance.returnCase(Actor.department(TRAFFIC), id, blank))
          .as("reason %s", blank)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("invalid command return:")
          .hasMessageContaining("reason: must say why the case is not the line's")
          .hasMessageContaining("[input.required]");
    }
    assertThat(governance.history(id)).hasSize(before);
  }

  @Test
  void extend_toThePastOrBeforeTheDeadline_namedAndNothingStored() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    clock.setInstant(hours(2));
    governance.claim(A, id); // reply by hours(2 + 72)

    assertThatThrownBy(() -> governance.extend(CENTRE, id, hours(1), "more time"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("replyBy: must be after the current deadline");
    assertThatThrownBy(() -> governance.extend(CENTRE, id, hours(60), "more time"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("[input.range]");
    assertThat(governance.history(id)).hasSize(3);
    assertThat(governance.extend(CENTRE, id, hours(100), "more time").replyBy())
        .contains(hours(100));
  }

  @Test
  void extend_beyondTheInstantsEveryStoreKeeps_namedAndNothingStored() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, id);

    assertThatThrownBy(
            () ->
                governance.extend(
                    CENTRE, id, java.time.Instant.parse("+10000-01-01T00:00:00Z"), "more time"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid command extend:")
        .hasMessageContaining(
            "replyBy: must be between 1900-01-01T00:00:00Z and"
                + " 9999-12-31T23:59:59.999999Z, was +10000-01-01T00:00:00Z [input.range]");
    assertThat(governance.history(id)).hasSize(3);
    assertThat(governance.extend(CENTRE, id, IncidentEvent.MAX_INSTANT, "more time").replyBy())
        .as("the latest instant itself")
        .contains(IncidentEvent.MAX_INSTANT);
  }

  @Test
  void commands_missingIdsWorkersOrTooLongTexts_namedNotNullPointers() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);

    assertThatThrownBy(() -> governance.claim(null, id))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("worker: is required");
    assertThatThrownBy(() -> governance.supervise(CENTRE, null, ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("id: is required");
    assertThatThrownBy(() -> governance.register(CENTRE, id, null, Optional.empty(), ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("category: is required");
    assertThatThrownBy(() -> governance.supervise(CENTRE, id, "x".repeat(4001)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reason: must be at most 4000 characters, was 4001");
    assertThatThrownBy(() -> governance.supervise(CENTRE, id, "a\u0000b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reason: must not hold a NUL character (at 1)");
    String cutEmoji = ("a" + "🌃".repeat(2000)).substring(0, 4000);
    assertThatThrownBy(
            () -> governance.report(patrol(GRID_1, VENDING).description(cutEmoji).build()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("description: must not hold half of a surrogate pair (at 3999)");
    assertThat(
            governance
                .report(patrol(GRID_1, VENDING).description("🌃".repeat(2000)).build())
                .created())
        .as("whole pairs are fine")
        .isTrue();
    assertThat(governance.history(id)).hasSize(2);
    assertThat(stored()).isEqualTo(2);
  }
}
