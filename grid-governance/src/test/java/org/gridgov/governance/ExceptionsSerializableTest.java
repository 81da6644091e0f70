package org.gridgov.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.IllegalTransitionException;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.incident.Step;
import org.gridgov.rules.Refusal;
import org.junit.jupiter.api.Test;

/**
 * The exceptions an application catches are serializable, as every Throwable promises: a remote
 * call, a job queue or a test runner in another JVM can carry them with their ids, rule and
 * violations (each of them threw NotSerializableException for a field it holds).
 */
class ExceptionsSerializableTest {
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      @SuppressWarnings("unchecked")
      T read = (T) in.readObject();
      return read;
    }
  }

  @Test
  void invalidInput_keepsItsSubjectAndEveryViolation() throws Exception {
    InvalidInputException thrown =
        new InvalidInputException(
            "policy kaixuan",
            List.of(
                new Violation("escalation.quota.GRID", "policy.range", "must be at most 1", "1.5"),
                new Violation("dispatch.claimWindow", "policy.required", "is required", "")));

    InvalidInputException read = roundTrip(thrown);

    assertThat(read.subject()).isEqualTo("policy kaixuan");
    assertThat(read.violations()).isEqualTo(thrown.violations());
    assertThat(read).hasMessage(thrown.getMessage());
  }

  @Test
  void commandRefused_keepsItsIncidentStepAndRefusal() throws Exception {
    IncidentId id = IncidentId.of("inc-42");
    CommandRefusedException thrown =
        new CommandRefusedException(
            id,
            Step.ESCALATE,
            new Refusal(RuleId.of("escalation.level-quota"), "QUOTA_EXHAUSTED", "1 of 1 used"));

    CommandRefusedException read = roundTrip(thrown);

    assertThat(read.incident()).isEqualTo(id).hasSameHashCodeAs(id);
    assertThat(read.incident().compareTo(IncidentId.of("inc-43")))
        .isEqualTo(id.compareTo(IncidentId.of("inc-43")));
    assertThat(read.step()).isEqualTo(Step.ESCALATE);
    assertThat(read.refusal()).isEqualTo(thrown.refusal());
    assertThat(read.code()).isEqualTo("QUOTA_EXHAUSTED");
  }

  @Test
  void illegalTransitionAndRuleConfiguration_keepTheirFields() throws Exception {
    IllegalTransitionException transition =
        roundTrip(
            new IllegalTransitionException(
                IncidentId.of("inc-7"), Stage.CLOSED, Step.CLAIM, "already closed"));
    RuleConfigurationException configuration =
        roundTrip(
            new RuleConfigurationException(
                RuleId.of("simulation.run"), "days", "must be at least 1, was 0"));

    assertThat(transition.incident()).isEqualTo(IncidentId.of("inc-7"));
    assertThat(transition.stage()).isEqualTo(Stage.CLOSED);
    assertThat(transition.step()).isEqualTo(Step.CLAIM);
    assertThat(configuration.ruleId()).isEqualTo(RuleId.of("simulation.run"));
    assertThat(configuration.field()).isEqualTo("days");
  }

  /** A stream cannot smuggle in an id the factory refuses: it is checked again when read. */
  @Test
  void incidentId_readBack_isCheckedAsWhenBuilt() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(IncidentId.of("inc-1"));
    }
    byte[] stream = bytes.toByteArray();
    // the value's UTF bytes "inc-1" become "inc 1": a space, which no id may hold
    for (int i = 0; i + 4 < stream.length; i++) {
      if (stream[i] == 'i'
          && stream[i + 1] == 'n'
          && stream[i + 2] == 'c'
          && stream[i + 3] == '-'
          && stream[i + 4] == '1') {
        stream[i + 3] = ' ';
      }
    }
    assertThatThrownBy(
            () -> {
              try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
                in.readObject();
              }
            })
        .isInstanceOfAny(IllegalArgumentException.class, InvalidObjectException.class);
  }
}
