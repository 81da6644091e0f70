package org.gridgov.storage.jdbc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.storage.jdbc.json.CodecRefusals.assertRequired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
import org.gridgov.core.incident.MarkedOverdue;
import org.gridgov.tck.fixtures.Events;
import org.gridgov.tck.fixtures.EveryEventType;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  private static final IncidentId ID = IncidentId.of("every-a");

  private static List<IncidentEvent> everyEvent() {
    List<IncidentEvent> all = new ArrayList<>();
    EveryEventType.histories().forEach(all::addAll);
    return all;
  }

  @Test
  void encodeThenDecode_everyEventType_equal() {
    for (IncidentEvent event : everyEvent()) {
      EventCodec.EncodedEvent encoded = EventCodec.encode(event);

      assertThat(encoded.schemaVersion()).isEqualTo(EventCodec.SCHEMA_VERSION);
      assertThat(encoded.type()).isEqualTo(EventCodec.typeName(event.getClass()));
      assertThat(
              EventCodec.decode(
                  event.incident(), encoded.type(), encoded.schemaVersion(), encoded.payload()))
          .isEqualTo(event);
    }
  }

  /**
   * Rows of schema version 1 as stored (each type's row as first written; the referral to the
   * centre, the reopened, suspended and resumed cases came after the others) must load in every
   * later release. Fields added later are optional (a report's registration limit, {@code
   * registerBy}; a suspension's end, {@code until}; a feedback's verification limit, {@code
   * verifyBy}): a row written before loads without it, and the rows after the first version's are
   * the same events with it, as written since.
   */
  @Test
  void decode_storedVersionOneRows_loadUnchanged() throws Exception {
    List<IncidentEvent> decoded = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream("events-v1.jsonl")),
                StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode row = Json.MAPPER.readTree(line);
        decoded.add(
            EventCodec.decode(
                IncidentId.of(row.get("incident").asText()),
                row.get("type").asText(),
                row.get("schemaVersion").asInt(),
                Json.write(row.get("payload"))));
      }
    }

    List<IncidentEvent> expected = new ArrayList<>();
    List<IncidentEvent> withLaterFields = new ArrayList<>();
    for (IncidentEvent event : everyEvent()) {
      IncidentEvent first = asFirstWritten(event);
      expected.add(first);
      if (!first.equals(event)) {
        withLaterFields.add(event);
      }
    }
    assertThat(withLaterFields)
        .as("the fixtures hold each later field")
        .hasExactlyElementsOfTypes(
            IncidentReported.class, CaseSuspended.class, FeedbackGiven.class);
    expected.addAll(withLaterFields);
    assertThat(decoded).containsExactlyElementsOf(expected);
  }

  /** {@code event} without the optional fields added after the first version. */
  private static IncidentEvent asFirstWritten(IncidentEvent event) {
    if (event instanceof IncidentReported r) {
      return new IncidentReported(
          r.incident(),
          r.actor(),
          r.at(),
          r.reason(),
          r.source(),
          r.category(),
          r.grid(),
          r.microGrid(),
          r.external(),
          r.emergency(),
          r.description(),
          r.topic());
    }
    if (event instanceof CaseSuspended s) {
      return new CaseSuspended(s.incident(), s.actor(), s.at(), s.reason());
    }
    if (event instanceof FeedbackGiven f) {
      return new FeedbackGiven(
          f.incident(), f.actor(), f.at(), f.reason(), f.handler(), f.summary());
    }
    return event;
  }

  @Test
  void typeNames_areStableAndDistinct() {
    assertThat(everyEvent().stream().map(e -> EventCodec.typeName(e.getClass())).distinct())
        .hasSize(22)
        .contains(
            "incident.reported",
            "incident.joint-meeting-convened",
            "incident.referred",
            "incident.reopened",
            "incident.suspended",
            "incident.resumed",
            "incident.archived");
  }

  @Test
  void typeName_ofAClassThatIsNoEventTypeOfItsOwn_refusedAtType() {
    assertThatThrownBy(() -> EventCodec.typeName(IncidentEvent.class))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.subject()).isEqualTo("stored event type");
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.path()).isEqualTo("type");
                        assertThat(v.rule()).isEqualTo("input.unknown");
                        assertThat(v.value()).isEqualTo(IncidentEvent.class.getName());
                      });
            });
  }

  @Test
  void asStored_nanoseconds_truncatedToMicroseconds() {
    IncidentSupervised event =
        new IncidentSupervised(
            ID, Events.CENTRE, Instant.parse("2024-03-04T01:00:00.123456789Z"), "x");

    assertThat(EventCodec.asStored(event).at()).isEqualTo("2024-03-04T01:00:00.123456Z");
  }

  @Test
  void decode_unknownTypeOrVersion_refusedByName() {
    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.teleported", 1, "{}"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("unknown event type 'incident.teleported' of incident every-a")
        .hasMessageContaining(
            "; known: [incident.arbitrated, incident.archived,"
                + " incident.assigned, incident.claimed, incident.closed,")
        .hasMessageEndingWith(
            "incident.supervised, incident.suspended,"
                + " incident.verification-failed, incident.verification-passed]");
    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.closed", 2, "{}"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("schema version 2");
  }

  @Test
  void decode_brokenPayload_namesTheFieldNotTheValue() {
    String payload =
        "{\"actor\":{\"kind\":\"CENTRE\",\"id\":\"seat-1\"},"
            + "\"at\":\"2024-03-04T01:00:00Z\",\"reason\":\"张三 13800000000\"}";

    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.claimed", 1, payload))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("incident.claimed.claimant is missing or not text")
        .hasMessageNotContaining("13800000000");
    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.closed", 1, "{not json"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("incident.closed is not valid JSON at line 1");
    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.closed", 1, "{\n\"at\": }"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("incident.closed is not valid JSON at line 2");
    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.closed", 1, "[]"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("incident.closed is not a JSON object");
    assertThatThrownBy(
            () ->
                EventCodec.decode(
                    ID, "incident.closed", 1, payload.replace("2024-03-04T01:00:00Z", "yesterday")))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageNotContaining("yesterday");
  }

  /**
   * A stored event its record refuses (a row written by hand, or by an older release with looser
   * rules) is named by its field and rule, so an operator knows what to mend; its text is not
   * shown.
   */
  @Test
  void decode_payloadItsRecordRefuses_namesTheFieldAndRuleNotTheValue() {
    String payload =
        "{\"actor\":{\"kind\":\"CENTRE\",\"id\":\"seat-1\"},"
            + "\"at\":\"2024-03-04T01:00:00Z\",\"reason\":\"13800000000\\u0000\"}";

    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.supervised", 1, payload))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage(
            "event incident.supervised of incident every-a breaks its own rules:"
                + " reason [input.format]")
        .hasMessageNotContaining("13800000000");
  }

  /**
   * A number past what its field holds is refused naming the field, not read wrapped round: 2^32 +
   * 1 cast to an int is 1, a valid rating.
   */
  @Test
  void decode_numberBeyondItsField_refusedNamingTheField() {
    IncidentEvent rated =
        everyEvent().stream()
            .filter(e -> EventCodec.typeName(e.getClass()).equals("incident.rated"))
            .findFirst()
            .orElseThrow();
    EventCodec.EncodedEvent encoded = EventCodec.encode(rated);
    String wrapsToOne =
        encoded.payload().replaceFirst("\"attitude\":[0-9]+", "\"attitude\":4294967297");
    String beyondLong =
        encoded.payload().replaceFirst("\"attitude\":[0-9]+", "\"attitude\":18446744073709551617");

    assertThat(wrapsToOne).contains("4294967297");
    assertThatThrownBy(
            () ->
                EventCodec.decode(
                    rated.incident(),
                    "incident.rated",
                    1,
                    encoded.payload().replaceFirst("\"attitude\":[0-9]+", "\"attitude\":9")))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("incident.rated.rating is not a valid rating");
    for (String payload : List.of(wrapsToOne, beyondLong)) {
      assertThatThrownBy(() -> EventCodec.decode(rated.incident(), "incident.rated", 1, payload))
          .isInstanceOf(JsonFormatException.class)
          .hasMessage("incident.rated.rating.attitude is out of range");
    }
  }

  /**
   * Every field of every stored type, left out or holding a value of another kind (a number where
   * text, a flag, a list or an object belongs): refused naming the field, except the optional
   * fields, added after the first version or absent by nature, which load without it.
   */
  @Test
  void decode_eachFieldMissingOrOfAnotherKind_refusedNamingIt_optionalOnesLoadWithout()
      throws Exception {
    Set<String> loadWithout = new TreeSet<>();
    for (IncidentEvent event : everyEvent()) {
      EventCodec.EncodedEvent encoded = EventCodec.encode(event);
      ObjectNode payload = (ObjectNode) Json.MAPPER.readTree(encoded.payload());
      List<String> fields = new ArrayList<>();
      payload.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        ObjectNode without = payload.deepCopy();
        without.remove(field);
        ObjectNode otherKind = payload.deepCopy();
        otherKind.put(field, 7);
        String where = encoded.type() + "." + field;

        assertThatThrownBy(
                () -> EventCodec.decode(event.incident(), encoded.type(), 1, Json.write(otherKind)))
            .as(where)
            .isInstanceOf(JsonFormatException.class)
            .hasMessageStartingWith(where + " ");
        try {
          EventCodec.decode(event.incident(), encoded.type(), 1, Json.write(without));
          loadWithout.add(field);
        } catch (JsonFormatException e) {
          // read and refused by the reader, or read and refused by the event's own record
          assertThat(e.getMessage())
              .as(where)
              .satisfiesAnyOf(
                  m -> assertThat(m).startsWith(where + " "),
                  m ->
                      assertThat(m)
                          .endsWith("breaks its own rules: " + field + " [input.required]"));
        }
      }
    }

    // duplicateOf is optional as stored, but the fixtures' rejection is of a duplicate, which
    // its record refuses without it
    assertThat(loadWithout)
        .containsExactlyInAnyOrder(
            "microGrid",
            "externalSystem",
            "topic",
            "registerBy",
            "superviseAt",
            "verifyBy",
            "until");
  }

  private static IncidentEvent first(String type) {
    return everyEvent().stream()
        .filter(e -> EventCodec.typeName(e.getClass()).equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static ObjectNode payloadOf(IncidentEvent event) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(EventCodec.encode(event).payload());
  }

  /**
   * Every optional instant is written as the required ones are, cut to the microsecond (the codec's
   * promise for every instant), so the event read back is the event as stored.
   */
  @Test
  void asStored_optionalInstantsWithNanoseconds_truncatedToMicroseconds() {
    IncidentReported r = (IncidentReported) first("incident.reported");
    Instant registerBy = r.at().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.HOURS);
    FeedbackGiven f = (FeedbackGiven) first("incident.feedback-given");
    Instant verifyBy = f.at().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.HOURS);
    MarkedOverdue m = (MarkedOverdue) first("incident.marked-overdue");
    Instant superviseAt = m.at().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.HOURS);
    CaseSuspended s = (CaseSuspended) first("incident.suspended");
    Instant until = s.at().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.HOURS);
    long nanos = 123_456_789;

    IncidentReported reported =
        (IncidentReported)
            EventCodec.asStored(
                new IncidentReported(
                    r.incident(),
                    r.actor(),
                    r.at(),
                    r.reason(),
                    r.source(),
                    r.category(),
                    r.grid(),
                    r.microGrid(),
                    r.external(),
                    r.emergency(),
                    r.description(),
                    r.topic(),
                    Optional.of(registerBy.plusNanos(nanos))));
    FeedbackGiven feedback =
        (FeedbackGiven)
            EventCodec.asStored(
                new FeedbackGiven(
                    f.incident(),
                    f.actor(),
                    f.at(),
                    f.reason(),
                    f.handler(),
                    f.summary(),
                    Optional.of(verifyBy.plusNanos(nanos))));
    MarkedOverdue overdue =
        (MarkedOverdue)
            EventCodec.asStored(
                new MarkedOverdue(
                    m.incident(),
                    m.actor(),
                    m.at(),
                    m.reason(),
                    m.deadline(),
                    Optional.of(superviseAt.plusNanos(nanos))));
    CaseSuspended suspended =
        (CaseSuspended)
            EventCodec.asStored(
                new CaseSuspended(
                    s.incident(),
                    s.actor(),
                    s.at(),
                    s.reason(),
                    Optional.of(until.plusNanos(nanos))));

    assertThat(reported.registerBy()).contains(registerBy.plusNanos(123_456_000));
    assertThat(feedback.verifyBy()).contains(verifyBy.plusNanos(123_456_000));
    assertThat(overdue.superviseAt()).contains(superviseAt.plusNanos(123_456_000));
    assertThat(suspended.until()).contains(until.plusNanos(123_456_000));
  }

  /** A schema version below the first is as unknown as one above this codec's. */
  @Test
  void decode_schemaVersionBelowOne_refusedByName() throws Exception {
    String payload = EventCodec.encode(first("incident.closed")).payload();

    for (int version : new int[] {0, -1}) {
      assertThatThrownBy(() -> EventCodec.decode(ID, "incident.closed", version, payload))
          .isInstanceOf(JsonFormatException.class)
          .hasMessage(
              "event type incident.closed of incident every-a has schema version "
                  + version
                  + "; this codec reads 1 to 1");
    }
  }

  /**
   * An optional field another adapter (or a hand-written row) stores as JSON {@code null} reads as
   * its absence, as a row written before the field was added does.
   */
  @Test
  void decode_optionalFieldStoredAsNull_loadsAsWithout() throws Exception {
    int nulled = 0;
    for (IncidentEvent event : everyEvent()) {
      String type = EventCodec.typeName(event.getClass());
      ObjectNode payload = payloadOf(event);
      for (String field :
          List.of(
              "microGrid",
              "externalSystem",
              "topic",
              "registerBy",
              "superviseAt",
              "verifyBy",
              "until")) {
        if (!payload.has(field)) {
          continue;
        }
        ObjectNode asNull = payload.deepCopy().putNull(field);
        ObjectNode without = payload.deepCopy();
        without.remove(field);

        assertThat(EventCodec.decode(event.incident(), type, 1, Json.write(asNull)))
            .as(field)
            .isEqualTo(EventCodec.decode(event.incident(), type, 1, Json.write(without)));
        nulled++;
      }
    }
    assertThat(nulled).as("the fixtures hold each optional field").isGreaterThanOrEqualTo(7);
  }

  @Test
  void decode_listHoldingANonText_refusedNamingTheList() throws Exception {
    ObjectNode payload = payloadOf(first("incident.joint-meeting-convened"));
    payload.putArray("lines").add(7);

    assertThatThrownBy(
            () -> EventCodec.decode(ID, "incident.joint-meeting-convened", 1, Json.write(payload)))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("incident.joint-meeting-convened.lines holds a value that is not text");
  }

  /** A rating's score left out, stored as text or as a fraction: refused naming the score. */
  @Test
  void decode_ratingScoreMissingOrNotAWholeNumber_refusedNamingIt() throws Exception {
    IncidentEvent rated = first("incident.rated");
    List<ObjectNode> broken = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      broken.add(payloadOf(rated));
    }
    ((ObjectNode) broken.get(0).get("rating")).remove("timeliness");
    ((ObjectNode) broken.get(1).get("rating")).put("timeliness", "4");
    ((ObjectNode) broken.get(2).get("rating")).put("timeliness", 4.5);

    for (ObjectNode payload : broken) {
      assertThatThrownBy(
              () -> EventCodec.decode(rated.incident(), "incident.rated", 1, Json.write(payload)))
          .isInstanceOf(JsonFormatException.class)
          .hasMessage("incident.rated.rating.timeliness is missing or not a whole number");
    }
  }

  /**
   * A payload Jackson refuses for its size rather than its syntax (nested past Jackson's depth
   * limit) is still a broken document, named as such, not some other exception, and not placed at a
   * line Jackson never gave ("at line 0").
   */
  @Test
  void decode_payloadNestedPastJacksonsLimit_refusedAsNotValidJson() {
    String deep = "{\"reason\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.closed", 1, deep))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage(
            "incident.closed is beyond the JSON reader's limits (nesting depth, length"
                + " of a number, a name or a text)");
  }

  /** Each public entry point refuses a missing argument at its field, before reading anything. */
  @Test
  void missingArguments_refusedNamingTheParameter() {
    IncidentId id = IncidentId.of("I1");
    assertRequired(() -> EventCodec.encode(null), "event");
    assertRequired(() -> EventCodec.asStored(null), "event");
    assertRequired(() -> EventCodec.typeName(null), "type");
    assertRequired(() -> EventCodec.decode(null, "IncidentReported", 1, "{}"), "incident");
    assertRequired(() -> EventCodec.decode(id, null, 1, "{}"), "type");
    assertRequired(() -> EventCodec.decode(id, "IncidentReported", 1, null), "payload");
    assertRequired(() -> new EventCodec.EncodedEvent(null, 1, "{}"), "type");
    assertRequired(() -> new EventCodec.EncodedEvent("IncidentReported", 1, null), "payload");
  }
}
