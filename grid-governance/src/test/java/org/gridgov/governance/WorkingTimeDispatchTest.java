package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.governance.Town.A;
import static org.gridgov.governance.Town.GRID_1;
import static org.gridgov.governance.Town.VENDING;
import static org.gridgov.governance.Town.patrol;
import static org.gridgov.governance.Town.reportAndRegister;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.policy.PolicyLoader;
import org.gridgov.core.policy.PolicySet;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * A policy counting its limits in working time (08:30–12:00, 13:30–17:30 on weekdays): a case
 * registered late on Friday waits for its claim until Monday, is due the next working day, and is
 * supervised that afternoon; the same case under calendar time is assigned on Friday evening.
 */
class WorkingTimeDispatchTest {
  private static final String POLICY =
      String.join(
          "\n",
          "id: office-hours",
          "version: 1",
          "effectiveFrom: 2024-01-01",
          "zone: Asia/Shanghai",
          "source: test",
          "dispatch:",
          "  claimWindow: 2h",
          "  replyWithin: 8h",
          "  supervisionAfter: 4h",
          "  categoryDeadlines: { E0402: 8h }",
          "  workingTime:",
          "    hours: [\"08:30-12:00\", \"13:30-17:30\"]",
          "    workdays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]",
          "    appliesTo: [claimWindow, replyWithin, supervisionAfter]",
          "returns: { bounceLimit: 2 }",
          "verification: { maxReworks: 3 }",
          "escalation: { mode: SOFT, quota: { GRID: 0.1 } }",
          "");

  private static Instant at(String local) {
    return OffsetDateTime.parse(local + "+08:00").toInstant();
  }

  private static PolicySet policy(String yaml) {
    return PolicyLoader.fromYaml(new StringReader(yaml), "office.yaml");
  }

  @Test
  void fridayEvening_claimWaitsForMonday_dueTuesday_supervisedTuesdayAfternoon() {
    MutableClock clock = MutableClock.of(at("2024-03-08T16:00:00"), ZoneOffset.UTC);
    GridGovernance governance = Town.governance(clock, policy(POLICY));

    IncidentId id = reportAndRegister(governance, GRID_1, VENDING);
    assertThat(governance.require(id).claimUntil()).contains(at("2024-03-11T09:00:00"));

    clock.setInstant(at("2024-03-08T18:00:00"));
    governance.advance();
    assertThat(governance.require(id).assignee()).as("the window runs on Monday").isEmpty();

    clock.setInstant(at("2024-03-11T09:00:00"));
    governance.advance();
    Incident assigned = governance.require(id);
    assertThat(assigned.assignee()).contains(A);
    // Monday 09:00-12:00 and 13:30-17:30 are 7 h; the eighth is Tuesday 08:30-09:30
    assertThat(assigned.replyBy()).contains(at("2024-03-12T09:30:00"));

    clock.setInstant(at("2024-03-12T09:31:00"));
    governance.advance();
    Incident overdue = governance.require(id);
    assertThat(overdue.overdue()).isTrue();
    // 09:30-12:00 is 2.5 h, then 1.5 h from 13:30
    assertThat(overdue.superviseAt()).contains(at("2024-03-12T15:00:00"));
  }

  @Test
  void claimedOnFriday_replyDeadlineInWorkingTime_calendarPolicyUnchanged() {
    MutableClock clock = MutableClock.of(at("2024-03-08T16:00:00"), ZoneOffset.UTC);
    GridGovernance working = Town.governance(clock, policy(POLICY));
    GridGovernance calendar =
        Town.governance(
            clock, policy(POLICY.replaceAll("(?s)  workingTime:.*?supervisionAfter\\]\n", "")));

    IncidentId w = reportAndRegister(working, GRID_1, VENDING);
    IncidentId c = reportAndRegister(calendar, GRID_1, VENDING);
    assertThat(calendar.require(c).claimUntil()).contains(at("2024-03-08T18:00:00"));
    // Friday 16:00-17:30, Monday 08:30-12:00 and 13:30-16:30: 8 h
    assertThat(working.claim(A, w).replyBy()).contains(at("2024-03-11T16:30:00"));
    assertThat(calendar.claim(A, c).replyBy()).contains(at("2024-03-09T00:00:00"));
  }

  @Test
  void registrationAndVerificationLimits_countedInWorkingTimeWhenTheyApply() {
    String limits =
        POLICY
            .replace("  supervisionAfter: 4h\n", "  supervisionAfter: 4h\n  registerWithin: 30m\n")
            .replace(
                "verification: { maxReworks: 3 }", "verification: { maxReworks: 3, within: 1h }");
    MutableClock clock = MutableClock.of(at("2024-03-08T17:20:00"), ZoneOffset.UTC);
    GridGovernance working =
        Town.governance(
            clock,
            policy(
                limits.replace(
                    "appliesTo: [claimWindow, replyWithin, supervisionAfter]",
                    "appliesTo: [claimWindow, replyWithin, registerWithin, verification.within]")));
    GridGovernance calendar = Town.governance(clock, policy(limits));

    IncidentId w = working.report(patrol(GRID_1, VENDING).build()).incident().id();
    IncidentId c = calendar.report(patrol(GRID_1, VENDING).build()).incident().id();
    // Friday 17:20-17:30 is 10 min, the other 20 on Monday from 08:30
    assertThat(working.require(w).registerBy()).contains(at("2024-03-11T08:50:00"));
    assertThat(calendar.require(c).registerBy()).contains(at("2024-03-08T17:50:00"));

    for (GridGovernance g : java.util.List.of(working, calendar)) {
      IncidentId id = g == working ? w : c;
      g.register(Town.CENTRE, id, java.util.Optional.empty(), java.util.Optional.empty(), "");
      g.claim(A, id);
    }
    // Friday 17:20-17:30 is 10 min of the hour, the other 50 on Monday from 08:30
    assertThat(working.feedback(A, w, "moved").verifyBy()).contains(at("2024-03-11T09:20:00"));
    assertThat(calendar.feedback(A, c, "moved").verifyBy()).contains(at("2024-03-08T18:20:00"));
  }

  @Test
  void workingTime_unknownLimit_refusedListingTheKnownOnes() {
    assertThatThrownBy(() -> policy(POLICY.replace("supervisionAfter]", "verifyWithin]")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("dispatch.workingTime.appliesTo[2]")
        .hasMessageContaining(
            "must be one of claimWindow, replyWithin, supervisionAfter,"
                + " registerWithin, verification.within");
  }
}
