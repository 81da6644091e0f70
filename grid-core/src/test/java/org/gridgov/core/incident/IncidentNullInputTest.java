package org.gridgov.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.gridgov.core.InputRules;
import org.gridgov.core.Violation;
import org.gridgov.core.line.LineId;
import org.junit.jupiter.api.Test;

class IncidentNullInputTest {
  private static final IncidentId ID = IncidentId.of("INC-1");
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  @Test
  void replay_nullHistoryOrNullFirstEvent_refusedNamingIt() {
    assertThatThrownBy(() -> Incident.replay(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("events must not be null");
    assertThatThrownBy(() -> Incident.replay(Arrays.asList((IncidentEvent) null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("events[0] must not be null");
  }

  @Test
  void jointMeeting_nullLinesOrANullLine_refusedNamingTheField() {
    LineId lead = LineId.of("urban-management");
    assertThatThrownBy(
            () ->
                new JointMeetingConvened(
                    ID, Actor.centre("seat-1"), T0, "", lead, (Set<LineId>) null, T0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("joint-meeting.lines must not be null");
    assertThatThrownBy(
            () ->
                new JointMeetingConvened(
                    ID,
                    Actor.centre("seat-1"),
                    T0,
                    "",
                    lead,
                    new HashSet<>(Arrays.asList(lead, null)),
                    T0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("joint-meeting.lines must not hold null");
  }

  @Test
  void actorFactories_nullArgument_refusedNamingIt() {
    assertThatThrownBy(() -> Actor.department(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("line");
    assertThatThrownBy(() -> Actor.system(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("rule");
  }

  @Test
  void residentActor_badToken_refusedWithoutEchoingWhatMayBeANameOrPhone() {
    Violation name = refusal(() -> Actor.resident("张三"), "resident actor", "id", InputRules.FORMAT);
    assertThat(name.value()).isEqualTo("a text of 2 characters");
    assertThatThrownBy(() -> Actor.resident("张三")).hasMessageNotContaining("张三");
    Violation phone =
        refusal(
            () -> new Actor(ActorKind.RESIDENT, "138 0000 0000"),
            "resident actor",
            "id",
            InputRules.FORMAT);
    assertThat(phone.value()).isEqualTo("a text of 13 characters");
    assertThatThrownBy(() -> Actor.resident("138 0000 0000")).hasMessageNotContaining("138");
    refusal(() -> Actor.resident(null), "resident actor", "id", InputRules.REQUIRED);
  }
}
