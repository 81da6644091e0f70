package org.gridgov.storage.jdbc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.incident.CaseSuspended;
import org.gridgov.core.incident.FeedbackGiven;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.IncidentSupervised;
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
      assertThat(EventCodec.decode(event.incident(), encoded.type(), encoded.schemaVersion(),
          encoded.payload())).isEqualTo(event);
    }
  }

  /**
   * Rows of schema version 1 as stored (each type's row as first written; the referral to the
   * centre, the reopened, suspended and resumed cases came after the others) must load in every
   * later release. Fields added later are optional (a report's registration limit, {@code
   * registerBy}; a suspension's end, {@code until}; a feedback's verification limit, {@code
   * verifyBy}): a row written before loads without it, and
   * the rows after the first version's are the same events with it, as written since.
   */
  @Test
  void decode_storedVersionOneRows_loadUnchanged() throws Exception {
    List<IncidentEvent> decoded = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        getClass().getResourceAsStream("events-v1.jsonl")), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode row = Json.MAPPER.readTree(line);
        decoded.add(EventCodec.decode(IncidentId.of(row.get("incident").asText()),
            row.get("type").asText(), row.get("schemaVersion").asInt(),
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
    assertThat(withLaterFields).as("the fixtures hold each later field")
        .hasExactlyElementsOfTypes(IncidentReported.class, CaseSuspended.class,
            FeedbackGiven.class);
    expected.addAll(withLaterFields);
    assertThat(decoded).containsExactlyElementsOf(expected);
  }

  /** {@code event} without the optional fields added after the first version. */
  private static IncidentEvent asFirstWritten(IncidentEvent event) {
    if (event instanceof IncidentReported r) {
      return new IncidentReported(r.incident(), r.actor(), r.at(), r.reason(), r.source(),
          r.category(), r.grid(), r.microGrid(), r.external(), r.emergency(), r.description(),
          r.topic());
    }
    if (event instanceof CaseSuspended s) {
      return new CaseSuspended(s.incident(), s.actor(), s.at(), s.reason());
    }
    if (event instanceof FeedbackGiven f) {
      return new FeedbackGiven(f.incident(), f.actor(), f.at(), f.reason(), f.handler(),
          f.summary());
    }
    return event;
  }

  @Test
  void typeNames_areStableAndDistinct() {
    assertThat(everyEvent().stream().map(e -> EventCodec.typeName(e.getClass())).distinct())
        .hasSize(22)
        .contains("incident.reported", "incident.joint-meeting-convened", "incident.referred",
            "incident.reopened", "incident.suspended", "incident.resumed",
            "incident.archived");
  }

  @Test
  void typeName_ofAClassThatIsNoEventTypeOfItsOwn_refusedAtType() {
    assertThatThrownBy(() -> EventCodec.typeName(IncidentEvent.class))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.subject()).isEqualTo("stored event type");
          assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("type");
            assertThat(v.rule()).isEqualTo("input.unknown");
            assertThat(v.value()).isEqualTo(IncidentEvent.class.getName());
          });
        });
  }

  @Test
  void asStored_nanoseconds_truncatedToMicroseconds() {
    IncidentSupervised event = new IncidentSupervised(ID, Events.CENTRE,
        Instant.parse("2024-03-04T01:00:00.123456789Z"), "x");

    assertThat(EventCodec.asStored(event).at()).isEqualTo("2024-03-04T01:00:00.123456Z");
  }

  @Test
  void decode_unknownTypeOrVersion_refusedByName() {
    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.teleported", 1, "{}"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("unknown event type 'incident.teleported' of incident every-a")
        .hasMessageContaining("; known: [incident.arbitrated, incident.archived,"
            + " incident.assigned, incident.claimed, incident.closed,")
        .hasMessageEndingWith("incident.supervised, incident.suspended,"
            + " incident.verification-failed, incident.verification-passed]");
    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.closed", 2, "{}"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("schema version 2");
  }

  @Test
  void decode_brokenPayload_namesTheFieldNotTheValue() {
    String payload = "{\"actor\":{\"kind\":\"CENTRE\",\"id\":\"seat-1\"},"
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
    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.closed", 1,
        payload.replace("2024-03-04T01:00:00Z", "yesterday")))
        .isInstanceOf(JsonFormatException.class).hasMessageNotContaining("yesterday");
  }

  /**
   * A stored event its record refuses (a row written by hand, or by an older release with looser
   * rules) is named by its field and rule, so an operator knows what to mend; its text is not shown.
   */
  @Test
  void decode_payloadItsRecordRefuses_namesTheFieldAndRuleNotTheValue() {
    String payload = "{\"actor\":{\"kind\":\"CENTRE\",\"id\":\"seat-1\"},"
        + "\"at\":\"2024-03-04T01:00:00Z\",\"reason\":\"13800000000\\u0000\"}";

    assertThatThrownBy(() -> EventCodec.decode(ID, "incident.supervised", 1, payload))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("event incident.supervised of incident every-a breaks its own rules:"
            + " reason [input.format]")
        .hasMessageNotContaining("13800000000");
  }

  /**
   * A number past what its field holds is refused naming the field, not read wrapped round: 2^32 +
   * 1 cast to an int is 1, a valid rating.
   */
  @Test
  void decode_numberBeyondItsField_refusedNamingTheField() {
    IncidentEvent rated = everyEvent().stream()
        .filter(e -> EventCodec.typeName(e.getClass()).equals("incident.rated")).findFirst()
        .orElseThrow();
    EventCodec.EncodedEvent encoded = EventCodec.encode(rated);
    String wrapsToOne = encoded.payload().replaceFirst("\"attitude\":[0-9]+",
        "\"attitude\":4294967297");
    String beyondLong = encoded.payload().replaceFirst("\"attitude\":[0-9]+",
        "\"attitude\":18446744073709551617");

    assertThat(wrapsToOne).contains("4294967297");
    assertThatThrownBy(() -> EventCodec.decode(rated.incident(), "incident.rated", 1,
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

        assertThatThrownBy(() -> EventCodec.decode(event.incident(), encoded.type(), 1,
            Json.write(otherKind))).as(where).isInstanceOf(JsonFormatException.class)
            .hasMessageStartingWith(where + " ");
        try {
          EventCodec.decode(event.incident(), encoded.type(), 1, Json.write(without));
          loadWithout.add(field);
        } catch (JsonFormatException e) {
          // read and refused by the reader, or read and refused by the event's own record
          assertThat(e.getMessage()).as(where).satisfiesAnyOf(
              m -> assertThat(m).startsWith(where + " "),
              m -> assertThat(m).endsWith("breaks its own rules: " + field + " [input.required]"));
        }
      }
    }

    // duplicateOf is optional as stored, but the fixtures' rejection is of a duplicate, which
    // its record refuses without it
    assertThat(loadWithout).containsExactlyInAnyOrder("microGrid", "externalSystem", "topic",
        "registerBy", "superviseAt", "verifyBy", "until");
  }
}
