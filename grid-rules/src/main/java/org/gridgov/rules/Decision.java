package org.gridgov.rules;

import java.util.List;
import org.gridgov.core.RuleId;
import org.gridgov.core.incident.IncidentEvent;

/**
 * What a rule decided: the rule that decided and the events to append (none when the rule waits,
 * changes nothing or refuses). The engines' sealed decision types implement this.
 */
public interface Decision {
  RuleId rule();

  /** The events to append, in order; empty when nothing is to be stored. */
  List<IncidentEvent> events();
}
