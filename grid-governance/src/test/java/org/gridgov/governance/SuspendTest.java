package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.A;
import static org.gridgov.governance.Town.CENTRE;
import static org.gridgov.governance.Town.GRID_1;
import static org.gridgov.governance.Town.NINE;
import static org.gridgov.governance.Town.VENDING;
import static org.gridgov.governance.Town.hours;
import static org.gridgov.governance.Town.reportAndRegister;

import java.time.ZoneOffset;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.IllegalTransitionException;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.policy.Presets;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/** 挂账: the centre parks a case its handler cannot solve in time, and resumes it later. */
class SuspendTest {
  private final MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
  private final GridGovernance governance = Town.governance(clock, Presets.kaixuan());

  private IncidentId claimed() {
    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    governance.claim(A, id);
    return id;
  }

  @Test
  void suspended_noDeadlineRuns_resumedDueAgain_thenHandledAsUsual() {
    IncidentId id = claimed();
    clock.setInstant(hours(10));

    Incident parked = governance.suspend(CENTRE, id, "the stall owner is in court");
    assertThat(parked.stage()).isEqualTo(Stage.SUSPENDED);
    assertThat(parked.assignee()).contains(A);
    assertThat(parked.replyBy()).isEmpty();
    assertThat(parked.nextTimer()).isEmpty();
    assertThat(parked.suspensions()).isEqualTo(1);
    assertThat(parked.isOpen()).isTrue();

    clock.setInstant(hours(500)); // far past the 72-hour deadline it had
    assertThat(governance.advance().acted()).as("nothing runs while parked").isZero();
    assertThat(governance.require(id).overdue()).isFalse();

    Incident resumed = governance.resume(CENTRE, id, "ruling made");
    assertThat(resumed.stage()).isEqualTo(Stage.DISPATCHED);
    assertThat(resumed.replyBy()).contains(hours(500 + 72));
    clock.setInstant(hours(501));
    assertThat(governance.feedback(A, id, "stall removed").stage()).isEqualTo(Stage.HANDLED);
  }

  @Test
  void suspendedAfterTheDeadlinePassed_markedOverdueFirst() {
    IncidentId id = claimed();
    clock.setInstant(hours(80)); // the 72-hour deadline passed and no round ran

    governance.suspend(CENTRE, id, "cannot be solved in time");

    List<IncidentEvent> history = governance.history(id);
    assertThat(history.subList(history.size() - 2, history.size()))
        .hasExactlyElementsOfTypes(MarkedOverdue.class, CaseSuspended.class);
    assertThat(governance.require(id).overdueCount()).isEqualTo(1);
  }

  @Test
  void refused_notTheCentre_noReason_wrongStage_nothingStored() {
    IncidentId id = claimed();
    long version = governance.require(id).version();

    assertThatThrownBy(() -> governance.suspend(Actor.worker(A), id, "too hard"))
        .isInstanceOfSatisfying(
            CommandRefusedException.class, e -> assertThat(e.code()).isEqualTo("NOT_AUTHORIZED"));
    assertThatThrownBy(() -> governance.suspend(CENTRE, id, ""))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.path()).isEqualTo("reason")));
    assertThatThrownBy(() -> governance.resume(CENTRE, id, "not parked"))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(governance.require(id).version()).isEqualTo(version);

    IncidentId registered = reportAndRegister(governance, GRID_1, VENDING);
    assertThatThrownBy(() -> governance.suspend(CENTRE, registered, "nobody has it"))
        .isInstanceOf(IllegalTransitionException.class);
    governance.suspend(CENTRE, id, "parked");
    assertThatThrownBy(() -> governance.feedback(A, id, "done anyway"))
        .as("a parked case is resumed before it is answered")
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> governance.resume(Actor.worker(A), id, "resume"))
        .isInstanceOf(CommandRefusedException.class);
  }
}
