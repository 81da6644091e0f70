package org.gridgov.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.util.Set;
import org.gridgov.core.Violation;
import org.gridgov.core.policy.PolicyRules;
import org.gridgov.core.policy.WorkingTime;
import org.junit.jupiter.api.Test;

/** A schedule read without {@code appliesTo}, as the simulator's setups read people's hours. */
class WorkingTimeTreeTest {
  private static final TreeReader.Rules RULES =
      new TreeReader.Rules(
          PolicyRules.REQUIRED,
          PolicyRules.UNKNOWN_FIELD,
          PolicyRules.TYPE,
          PolicyRules.MINIMUM,
          PolicyRules.DURATION,
          PolicyRules.MONEY,
          PolicyRules.ENUM,
          null,
          0,
          0,
          null);

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void readDays_hoursAndDays_applyingToWhatTheCallerGives() throws Exception {
    TreeReader r = new TreeReader(RULES);

    WorkingTime time =
        WorkingTimeTree.readDays(
            r,
            json("{\"hours\": [\"08:00-12:00\"]," + " \"workdays\": [\"MONDAY\", \"SATURDAY\"]}"),
            "shift",
            Set.of(WorkingTime.Limit.REPLY));

    assertThat(r.violations()).isEmpty();
    assertThat(time.workdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
    assertThat(time.appliesTo()).containsExactly(WorkingTime.Limit.REPLY);
  }

  @Test
  void readDays_appliesToInTheFile_unknownFieldAndNoSchedule() throws Exception {
    TreeReader r = new TreeReader(RULES);

    WorkingTime time =
        WorkingTimeTree.readDays(
            r,
            json(
                "{\"hours\": [\"08:00-12:00\"],"
                    + " \"workdays\": [\"MONDAY\"], \"appliesTo\": [\"replyWithin\"]}"),
            "shift",
            Set.of(WorkingTime.Limit.REPLY));

    assertThat(r.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("shift.appliesTo", PolicyRules.UNKNOWN_FIELD.value()));
    assertThat(time).as("null when any part is bad, as documented").isNull();
  }
}
