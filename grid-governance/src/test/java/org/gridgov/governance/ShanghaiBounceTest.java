package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.*;

import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.Optional;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.IllegalTransitionException;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Shanghai's grass-on-a-car case (seed 004): the traffic police say it is greening's, the greening
 * office sends it back; after the policy's bounce limit (2) the centre must arbitrate, and the
 * arbitrated line can no longer return it.
 */
class ShanghaiBounceTest {

  @Test
  void trafficPoliceThenGreeningThenBack_arbitrationSettlesIt() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId id =
        governance
            .report(patrol(GRID_1, CAR).description("grass clippings on a car").build())
            .incident()
            .id();
    governance.register(CENTRE, id, Optional.empty(), Optional.of(TRAFFIC), "cars are traffic");
    governance.assign(CENTRE, id, POLICE, TRAFFIC, "");

    clock.setInstant(hours(1));
    governance.returnCase(Actor.department(TRAFFIC), id, "the grass is from the greening works");
    governance.assign(CENTRE, id, GARDENER, GREENING, "re-dispatched");
    clock.setInstant(hours(2));
    Incident bounced = governance.returnCase(Actor.department(GREENING), id, "it is a parked car");

    assertThat(bounced.stage()).isEqualTo(Stage.RETURNED);
    assertThat(bounced.bounces()).isEqualTo(2);
    assertThat(governance.centreWorklist())
        .as("a returned case waits for the centre")
        .extracting(Incident::id)
        .containsExactly(id);

    governance.assign(CENTRE, id, POLICE, TRAFFIC, "back to traffic");
    assertThatThrownBy(() -> governance.returnCase(Actor.department(TRAFFIC), id, "still not ours"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("BOUNCE_LIMIT_REACHED")
        .hasMessageContaining("returned 2 times (limit 2); the centre must arbitrate");
    assertThat(governance.require(id).bounces()).as("nothing stored").isEqualTo(2);

    clock.setInstant(hours(3));
    Incident arbitrated = governance.arbitrate(CENTRE, id, TRAFFIC, "parked car: traffic police");
    assertThat(arbitrated.stage()).isEqualTo(Stage.REGISTERED);
    assertThat(governance.centreWorklist()).as("decided: its claim window runs again").isEmpty();
    assertThat(arbitrated.arbitrated()).isTrue();
    assertThat(governance.advance().assigned()).isEqualTo(1);
    assertThat(governance.require(id).assignee()).contains(POLICE);
    assertThatThrownBy(() -> governance.returnCase(Actor.worker(POLICE), id, "not ours"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("ARBITRATED");
  }

  @Test
  void returnedToTheLimitThenPassedUp_centreArbitratesItAtTheCommunity() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance =
        governance(
            clock,
            PolicyLoader.fromYaml(
                new StringReader(
                    """
        id: bounce-test
        version: 1
        effectiveFrom: 2024-01-01
        zone: Asia/Shanghai
        source: "test: Shanghai's bounce limit of 2, no quota on the grid"
        dispatch: { claimWindow: 24h, replyWithin: 72h, supervisionAfter: 24h }
        returns: { bounceLimit: 2 }
        verification: { maxReworks: 3 }
        escalation: { mode: HARD, quota: { COMMUNITY: 0.1 } }
        """),
                "bounce.yaml"));
    IncidentId id = governance.report(patrol(GRID_1, CAR).build()).incident().id();
    governance.register(CENTRE, id, Optional.empty(), Optional.of(TRAFFIC), "");
    governance.assign(CENTRE, id, POLICE, TRAFFIC, "");
    governance.returnCase(Actor.department(TRAFFIC), id, "the grass is from the greening works");
    governance.assign(CENTRE, id, GARDENER, GREENING, "");
    governance.returnCase(Actor.department(GREENING), id, "it is a parked car");
    Incident passedUp = governance.escalate(CENTRE, id, "neither line takes it in the grid");
    assertThat(passedUp.stage()).isEqualTo(Stage.REGISTERED);
    assertThat(passedUp.level()).isEqualTo(Level.COMMUNITY);
    assertThatThrownBy(() -> governance.returnCase(Actor.department(GREENING), id, "not ours"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("returned 2 times (limit 2); the centre must arbitrate");

    clock.setInstant(hours(1));
    Incident arbitrated = governance.arbitrate(CENTRE, id, TRAFFIC, "parked car: traffic police");

    assertThat(arbitrated.stage()).isEqualTo(Stage.REGISTERED);
    assertThat(arbitrated.line()).contains(TRAFFIC);
    assertThat(arbitrated.level()).isEqualTo(Level.COMMUNITY);
    assertThat(arbitrated.arbitrated()).isTrue();
    assertThat(arbitrated.claimUntil()).contains(hours(1));
    assertThat(governance.require(id)).isEqualTo(arbitrated);
  }

  @Test
  void returnedTwice_centreArbitratesInsteadOfReassigning() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId id = governance.report(patrol(GRID_1, CAR).build()).incident().id();
    governance.register(CENTRE, id, Optional.empty(), Optional.of(TRAFFIC), "");
    governance.assign(CENTRE, id, POLICE, TRAFFIC, "");
    governance.returnCase(Actor.department(TRAFFIC), id, "not ours");
    governance.assign(CENTRE, id, GARDENER, GREENING, "");
    governance.returnCase(Actor.worker(GARDENER), id, "not ours either");

    Incident joint =
        governance.convene(
            CENTRE, id, GREENING, java.util.Set.of(GREENING, TRAFFIC), "spans both lines");

    assertThat(joint.line()).contains(GREENING);
    assertThat(joint.jointLines()).containsExactlyInAnyOrder(GREENING, TRAFFIC);
    assertThat(governance.advance().assigned()).isEqualTo(1);
    assertThat(governance.require(id).assignee()).contains(GARDENER);
  }

  @Test
  void assignedButNeverReturned_arbitrationRefusedAndNothingStored() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId id = governance.report(patrol(GRID_1, CAR).build()).incident().id();
    governance.register(CENTRE, id, Optional.empty(), Optional.of(TRAFFIC), "");
    governance.assign(CENTRE, id, POLICE, TRAFFIC, "");
    int before = governance.history(id).size();

    clock.setInstant(hours(1));
    assertThatThrownBy(() -> governance.arbitrate(CENTRE, id, GREENING, "greening's"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage(
            "incident "
                + id
                + " is DISPATCHED: command arbitrate refused: the case was"
                + " never returned: arbitration settles a bounced case");
    assertThat(governance.history(id)).as("nothing stored").hasSize(before);
    assertThat(governance.require(id).assignee()).contains(POLICE);

    governance.returnCase(Actor.department(TRAFFIC), id, "the grass is from the greening works");
    assertThat(governance.arbitrate(CENTRE, id, GREENING, "greening's").line())
        .as("once returned, the centre decides")
        .contains(GREENING);
  }

  @Test
  void jointMeetingThenArbitration_oneLineOwnsTheCase() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId id = governance.report(patrol(GRID_1, CAR).build()).incident().id();
    governance.register(CENTRE, id, Optional.empty(), Optional.of(TRAFFIC), "");
    governance.assign(CENTRE, id, POLICE, TRAFFIC, "");
    governance.returnCase(Actor.department(TRAFFIC), id, "not ours");
    governance.convene(
        CENTRE, id, GREENING, java.util.Set.of(GREENING, TRAFFIC), "spans both lines");
    assertThat(governance.advance().assigned()).isEqualTo(1);
    assertThat(governance.require(id).assignee()).contains(GARDENER);

    clock.setInstant(hours(1));
    Incident arbitrated = governance.arbitrate(CENTRE, id, TRAFFIC, "parked car: traffic police");

    assertThat(arbitrated.line()).contains(TRAFFIC);
    assertThat(arbitrated.arbitrated()).isTrue();
    assertThat(arbitrated.jointLines()).as("arbitration decides one line").isEmpty();
    assertThat(governance.require(id)).isEqualTo(arbitrated);
    assertThat(governance.advance().assigned()).isEqualTo(1);
    assertThat(governance.require(id).assignee()).contains(POLICE);
  }

  @Test
  void returnByAnotherLinesDepartment_refusedAndNothingStored() {
    MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
    GridGovernance governance = governance(clock, Presets.kaixuan());
    IncidentId id = governance.report(patrol(GRID_1, CAR).build()).incident().id();
    governance.register(CENTRE, id, Optional.empty(), Optional.of(TRAFFIC), "");
    governance.assign(CENTRE, id, POLICE, TRAFFIC, "");
    int before = governance.history(id).size();

    assertThatThrownBy(() -> governance.returnCase(Actor.department(GREENING), id, "meddling"))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("NOT_AUTHORIZED")
        .hasMessageContaining("department:greening may not return");
    assertThatThrownBy(() -> governance.returnCase(Actor.department(TRAFFIC), id, " "))
        .isInstanceOf(org.gridgov.core.InvalidInputException.class)
        .hasMessageContaining("reason: must say why");
    assertThat(governance.history(id)).hasSize(before);
  }
}
