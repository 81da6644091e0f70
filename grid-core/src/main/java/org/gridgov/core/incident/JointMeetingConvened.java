package org.gridgov.core.incident;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Set;
import org.gridgov.core.InputRules;
import org.gridgov.core.line.LineId;

/**
 * A joint meeting (联席会议) of several lines took up a case that spans them; {@code lead} handles it
 * with the others' support, and it is dispatched from {@code claimUntil} on.
 */
public record JointMeetingConvened(
    IncidentId incident,
    Actor actor,
    Instant at,
    String reason,
    LineId lead,
    ImmutableSet<LineId> lines,
    Instant claimUntil)
    implements IncidentEvent {
  public JointMeetingConvened(
      IncidentId incident,
      Actor actor,
      Instant at,
      String reason,
      LineId lead,
      Set<LineId> lines,
      Instant claimUntil) {
    this(incident, actor, at, reason, lead, copy(lines), claimUntil);
  }

  public JointMeetingConvened {
    EventFields.check("joint-meeting", incident, actor, at, reason);
    EventFields.required("joint-meeting", "lead", lead);
    EventFields.notBefore("joint-meeting", incident, "claimUntil", claimUntil, at);
    lines = ImmutableSet.copyOf(EventFields.required("joint-meeting", "lines", lines));
    if (lines.size() < 2 || !lines.contains(lead)) {
      throw EventFields.refused(
          "joint-meeting",
          incident,
          "lines",
          InputRules.RANGE,
          "must hold at least two lines including the lead " + lead,
          lines);
    }
  }

  /**
   * A copy of {@code lines}, refusing null (a bare NPE from the copy otherwise) naming the field.
   */
  private static ImmutableSet<LineId> copy(Set<LineId> lines) {
    EventFields.required("joint-meeting", "lines", lines);
    for (LineId line : lines) {
      if (line == null) {
        throw new NullPointerException("joint-meeting.lines must not hold null");
      }
    }
    return ImmutableSet.copyOf(lines);
  }

  @Override
  public Step step() {
    return Step.CONVENE_JOINT_MEETING;
  }
}
