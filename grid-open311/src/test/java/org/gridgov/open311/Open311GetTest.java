package org.gridgov.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.policy.Presets;
import org.gridgov.governance.GridGovernance;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The GET handler, its documents read back with an XML parser and a JSON parser. */
class Open311GetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Desk desk = new Desk(InMemoryGridStorage.create());
  private final Open311 open311 =
      Open311.builder(desk.governance).jurisdiction("hangzhou.gov.cn").build();

  static Document xml(String body) throws Exception {
    assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document document, String tag) {
    NodeList nodes = document.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  @Test
  void servicesXml_theWholeCatalogue() throws Exception {
    Open311Response response = open311.get("/services.xml", Map.of());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/xml; charset=utf-8");
    Document document = xml(response.body());
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("services");
    assertThat(texts(document, "service_code"))
        .hasSize(CategoryCatalogue.standard().all().size())
        .contains("E0402", "P0113");
    assertThat(texts(document, "metadata")).containsOnly("false");
    assertThat(texts(document, "type")).containsOnly("realtime");
  }

  @Test
  void servicesJson_anArrayOfObjects() throws Exception {
    Open311Response response = open311.get("services.json", Map.of());

    assertThat(response.contentType()).isEqualTo("application/json; charset=utf-8");
    JsonNode services = JSON.readTree(response.body());
    assertThat(services.isArray()).isTrue();
    assertThat(services).hasSize(CategoryCatalogue.standard().all().size());
    assertThat(services.get(0).get("metadata").isBoolean()).isTrue();
    assertThat(services.get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "service_code", "service_name", "description", "metadata", "type", "keywords", "group");
  }

  @Test
  void serviceDefinition_knownCodeHasNoAttributes_unknownIs404() throws Exception {
    JsonNode definition = JSON.readTree(open311.get("services/E0402.json", Map.of()).body());
    assertThat(definition.get("service_code").asText()).isEqualTo("E0402");
    assertThat(definition.get("attributes").isArray()).isTrue();
    assertThat(definition.get("attributes")).isEmpty();
    Document xml = xml(open311.get("services/E0402.xml", Map.of()).body());
    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_definition");

    Open311Response unknown = open311.get("services/E0999.json", Map.of());
    assertThat(unknown.status()).isEqualTo(404);
    JsonNode error = JSON.readTree(unknown.body()).get(0);
    assertThat(error.get("code").asInt()).isEqualTo(404);
    assertThat(error.get("description").asText())
        .contains("service_code", "E0999", Open311.RESOURCE.value());
    assertThat(open311.get("services/not-a-code.xml", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void requestsJson_filtered_fieldsAsTheSpecificationNamesThem() throws Exception {
    Open311Response response =
        open311.get(
            "requests.json",
            Map.of("status", List.of("closed"), "jurisdiction_id", List.of("hangzhou.gov.cn")));

    assertThat(response.status()).isEqualTo(200);
    JsonNode requests = JSON.readTree(response.body());
    assertThat(requests).hasSize(2);
    JsonNode closed = requests.get(1);
    assertThat(closed.get("service_request_id").asText()).isEqualTo(desk.closed.value());
    assertThat(closed.get("status").asText()).isEqualTo("closed");
    assertThat(closed.get("requested_datetime").asText()).isEqualTo("2024-03-04T09:00:00+08:00");
    assertThat(closed.has("description")).as("free text is off").isFalse();
    assertThat(closed.get("address_id").asText()).isEqualTo(Desk.GRID.value());
    assertThat(requests.get(0).has("expected_datetime"))
        .as("rejected before registering")
        .isFalse();
  }

  /**
   * What a client reads of a request, field by field in the specification's order, the same in both
   * formats: free text when it is on, and a field without a value left out.
   */
  @Test
  void requestDocuments_everyFieldAsTheReadmeMapsIt_sameInXmlAndJson() throws Exception {
    String address = "景芳第一网格, 景芳社区, 凯旋街道, 上城区"; // the grid, then the areas above it
    Map<String, String> waiting = new LinkedHashMap<>();
    waiting.put("service_request_id", desk.waiting.value());
    waiting.put("status", "open");
    waiting.put("status_notes", "registered");
    waiting.put("service_name", CategoryCatalogue.standard().require(Desk.CAR).name());
    waiting.put("service_code", "E0404");
    waiting.put("description", "car on the fire lane");
    waiting.put(
        "agency_responsible",
        desk.governance
            .directory()
            .lines()
            .require(desk.governance.require(desk.waiting).line().orElseThrow())
            .name());
    waiting.put("requested_datetime", "2024-03-04T10:00:00+08:00");
    waiting.put("updated_datetime", "2024-03-04T10:00:00+08:00"); // registered on the spot
    // no expected_datetime: a registered case waiting for a claim has no deadline yet
    waiting.put("address", address);
    waiting.put("address_id", Desk.GRID.value());
    Map<String, String> duplicate = new LinkedHashMap<>();
    duplicate.put("service_request_id", desk.duplicate.value());
    duplicate.put("status", "closed");
    duplicate.put("status_notes", "already closed as the first report");
    duplicate.put("service_name", CategoryCatalogue.standard().require(Desk.VENDING).name());
    duplicate.put("service_code", "E0402");
    duplicate.put("description", "the same stall");
    // never registered: no agency, no deadline
    duplicate.put("requested_datetime", "2024-03-04T11:00:00+08:00");
    duplicate.put("updated_datetime", "2024-03-04T11:00:00+08:00");
    duplicate.put("address", address);
    duplicate.put("address_id", Desk.GRID.value());
    Map<String, List<String>> both =
        Map.of("service_request_id", List.of(desk.waiting.value() + "," + desk.duplicate.value()));

    Open311 shown = Open311.builder(desk.governance).freeText(true).build();
    assertThat(fields(shown.get("requests.json", both))).containsExactly(waiting, duplicate);
    assertThat(fields(shown.get("requests.xml", both))).containsExactly(waiting, duplicate);

    // free text off: no description, a rejection named by its kind; and the case handled and
    // closed, whose reply deadline is Kaixuan's 72 hours from its claim at 09:00
    waiting.remove("description");
    duplicate.remove("description");
    duplicate.put("status_notes", "rejected as duplicate");
    Map<String, String> closed = new LinkedHashMap<>();
    closed.put("service_request_id", desk.closed.value());
    closed.put("status", "closed");
    closed.put("status_notes", "closed");
    closed.put("service_name", CategoryCatalogue.standard().require(Desk.VENDING).name());
    closed.put("service_code", "E0402");
    closed.put(
        "agency_responsible",
        desk.governance
            .directory()
            .lines()
            .require(desk.governance.require(desk.closed).line().orElseThrow())
            .name());
    closed.put("requested_datetime", "2024-03-04T09:00:00+08:00");
    closed.put("updated_datetime", "2024-03-04T09:30:00+08:00"); // closed half an hour on
    closed.put("expected_datetime", "2024-03-07T09:00:00+08:00");
    closed.put("address", address);
    closed.put("address_id", Desk.GRID.value());
    Map<String, List<String>> all =
        Map.of(
            "service_request_id",
            List.of(
                desk.closed.value() + "," + desk.waiting.value() + "," + desk.duplicate.value()));
    assertThat(fields(open311.get("requests.json", all)))
        .as("free text off")
        .containsExactly(closed, waiting, duplicate);
    assertThat(fields(open311.get("requests.xml", all)))
        .as("free text off")
        .containsExactly(closed, waiting, duplicate);
  }

  /** Each request of a {@code requests} document as its fields, in the order written. */
  private static List<Map<String, String>> fields(Open311Response response) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<Map<String, String>> requests = new ArrayList<>();
    if (response.format() == Format.JSON) {
      for (JsonNode request : JSON.readTree(response.body())) {
        Map<String, String> fields = new LinkedHashMap<>();
        request.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        requests.add(fields);
      }
    } else {
      for (Element request : children(xml(response.body()).getDocumentElement())) {
        Map<String, String> fields = new LinkedHashMap<>();
        children(request).forEach(f -> fields.put(f.getTagName(), f.getTextContent()));
        requests.add(fields);
      }
    }
    return requests;
  }

  @Test
  void requestXml_oneById_unknownIs404() throws Exception {
    Open311Response response = open311.get("/requests/" + desk.waiting.value() + ".xml", Map.of());

    assertThat(response.status()).isEqualTo(200);
    Document document = xml(response.body());
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("service_requests");
    NodeList requests = document.getElementsByTagName("request");
    assertThat(requests.getLength()).isEqualTo(1);
    Element request = (Element) requests.item(0);
    assertThat(request.getElementsByTagName("status").item(0).getTextContent()).isEqualTo("open");
    assertThat(request.getElementsByTagName("service_code").item(0).getTextContent())
        .isEqualTo("E0404");

    assertThat(open311.get("requests/no-such-case.xml", Map.of()).status()).isEqualTo(404);
    assertThat(open311.get("requests/a b.json", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void freeTextInXml_everyCharacterXmlHolds_keptToTheEdgesOfItsRanges() throws Exception {
    // XML 1.0: tab, line feed, U+0020–U+D7FF, U+E000–U+FFFD and pairs of surrogates; U+E000
    // starts the private use area, where older GB18030 mappings put rare characters of names.
    // (The facade refuses a lone surrogate, so none reaches the export.)
    String kept = "a\tb\nc \uD7FF\uE000\uFFFD\uD83D\uDE92";
    IncidentId id = desk.report(Desk.VENDING, kept + "|\u001F\uFFFE\uFFFF");
    Open311 shown = Open311.builder(desk.governance).freeText(true).build();

    Document document = xml(shown.get("requests/" + id.value() + ".xml", Map.of()).body());

    assertThat(texts(document, "description")).containsExactly(kept + "|\uFFFD\uFFFD\uFFFD");
  }

  @Test
  void freeTextInXml_controlCharactersReplaced_documentStaysReadable() throws Exception {
    Open311 shown = Open311.builder(desk.governance).freeText(true).build();

    Document document = xml(shown.get("requests/" + desk.closed.value() + ".xml", Map.of()).body());

    assertThat(texts(document, "description"))
        .containsExactly("stall outside gate 2\uFFFD blocking the path");
    assertThat(
            JSON.readTree(shown.get("requests/" + desk.closed.value() + ".json", Map.of()).body())
                .get(0)
                .get("description")
                .asText())
        .as("JSON escapes it instead")
        .isEqualTo("stall outside gate 2\u0007 blocking the path");
  }

  @Test
  void freeTextInXml_emojiAndFullWidthKept_nonCharactersReplaced() throws Exception {
    String seen = "\uD83D\uDEA7占道！\uE000\uFFFD\u0007\uD83D\uDEA7\uFFFE end";
    desk.report(Desk.CAR, seen);
    Open311 shown = Open311.builder(desk.governance).freeText(true).build();

    Document document =
        xml(shown.get("requests.xml", Map.of("service_code", List.of("E0404"))).body());

    assertThat(texts(document, "description"))
        .contains("\uD83D\uDEA7占道！\uE000\uFFFD\uFFFD\uD83D\uDEA7\uFFFD end");
  }

  @Test
  void discoveryTextInXml_halfASurrogatePairReplaced() throws Exception {
    Open311 described =
        Open311.builder(desk.governance)
            .discovery(
                new Discovery(
                    java.net.URI.create("https://open311.example.gov.cn/v2"),
                    "call 12345 \uD83D",
                    "\uDEA7 ask the centre",
                    false))
            .build();

    Document document = xml(described.get("discovery.xml", Map.of()).body());

    assertThat(texts(document, "contact")).containsExactly("call 12345 \uFFFD");
    assertThat(texts(document, "key_service")).containsExactly("\uFFFD ask the centre");
    assertThat(texts(document, "type")).containsExactly("test");
  }

  @Test
  void format_itsSuffixNamesIt_inAnyCase() {
    for (Format format : Format.values()) {
      assertThat(Format.ofExtension(format.extension())).contains(format);
      assertThat(Format.ofExtension(format.extension().toUpperCase(java.util.Locale.ROOT)))
          .contains(format);
    }
    assertThat(Format.XML.extension()).isEqualTo("xml");
    assertThat(Format.JSON.extension()).isEqualTo("json");
    assertThat(Format.ofExtension("csv")).isEmpty();
  }

  @Test
  void badFilters_400_oneErrorPerProblem_inTheAskedFormat() throws Exception {
    Open311Response response =
        open311.get(
            "requests.xml",
            Map.of("status", List.of("pending"), "start_date", List.of("2024-03-04")));

    assertThat(response.status()).isEqualTo(400);
    Document document = xml(response.body());
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("errors");
    assertThat(texts(document, "code")).containsExactly("400", "400");
    assertThat(texts(document, "description"))
        .anySatisfy(d -> assertThat(d).contains("status", "pending", RequestQuery.STATUS.value()))
        .anySatisfy(
            d -> assertThat(d).contains("start_date", "2024-03-04", RequestQuery.DATETIME.value()));

    Open311Response tooLong =
        open311.get(
            "requests.json",
            Map.of(
                "start_date",
                List.of("2024-01-01T00:00:00Z"),
                "end_date",
                List.of("2024-06-01T00:00:00Z")));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(JSON.readTree(tooLong.body()).get(0).get("description").asText())
        .contains("end_date", "90 days", RequestQuery.WINDOW.value());
  }

  /**
   * The specification's examples: 1994-11-05T08:15:30-05:00 and 1994-11-05T13:15:30Z are the same
   * instant. Bounds written with Z, with a negative offset or with the policy's +08:00 choose the
   * same request: the first case, reported at 2024-03-04T09:00:00+08:00.
   */
  @Test
  void datetimeFilters_zOrAnyOffset_theSameInstant() throws Exception {
    for (String at :
        List.of("2024-03-04T01:00:00Z", "2024-03-03T20:00:00-05:00", "2024-03-04T09:00:00+08:00")) {
      JsonNode requests =
          JSON.readTree(
              open311
                  .get("requests.json", Map.of("start_date", List.of(at), "end_date", List.of(at)))
                  .body());
      assertThat(requests.findValuesAsText("service_request_id"))
          .as(at)
          .containsExactly(desk.closed.value());
    }
  }

  @Test
  void unencodedPlusOfTheOffset_400_sayingToEncodeIt_notGuessed() throws Exception {
    // a bare + in a query is a space once decoded: the offset's sign is lost
    Open311Response bare =
        open311.get(
            "requests.json",
            Open311.parameters(
                "start_date=2024-03-04T08:00:00+08:00&end_date=2024-03-05T08:00:00.5+08:00"));

    assertThat(bare.status()).isEqualTo(400);
    assertThat(JSON.readTree(bare.body()).findValuesAsText("description"))
        .satisfiesExactlyInAnyOrder(
            d ->
                assertThat(d)
                    .startsWith("start_date:")
                    .contains("+ of its offset", "%2B", RequestQuery.DATETIME.value()),
            d ->
                assertThat(d)
                    .startsWith("end_date:")
                    .contains("%2B", RequestQuery.DATETIME.value()));
    Open311Response encoded =
        open311.get("requests.json", Open311.parameters("start_date=2024-03-04T08:00:00%2B08:00"));
    assertThat(encoded.status()).as(encoded.body()).isEqualTo(200);
    assertThat(JSON.readTree(encoded.body())).hasSize(3);
    // a space anywhere else is no lost sign: the plain rule, no hint
    for (String other :
        List.of(
            "2024-03-04 08:00:00+08:00",
            "2024-03-04T08:00:00 0800",
            "2024-03-04T08:00 :00+08:00",
            "2024-03-04T08:00:00  08:00")) {
      Open311Response response = open311.get("requests.json", Map.of("start_date", List.of(other)));
      assertThat(response.status()).as(other).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).findValuesAsText("description"))
          .as(other)
          .singleElement()
          .asString()
          .contains("W3C datetime", RequestQuery.DATETIME.value())
          .doesNotContain("%2B");
    }
  }

  @Test
  void beforeThePolicysFirstVersion_noRequestsCanExist_anEmptyList_filtersStillChecked()
      throws Exception {
    MutableClock early =
        MutableClock.of(Presets.kaixuan().effectiveFrom().minusSeconds(3_600), ZoneOffset.UTC);
    GridGovernance governance =
        GridGovernance.builder()
            .storage(InMemoryGridStorage.create())
            .directory(Desk.directory())
            .policy(Presets.kaixuan())
            .clock(early)
            .build();
    Open311 notYet = Open311.builder(governance).build();

    Open311Response json = notYet.get("requests.json", Map.of("status", List.of("open")));
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    assertThat(JSON.readTree(json.body()).isArray()).isTrue();
    assertThat(JSON.readTree(json.body())).isEmpty();
    Open311Response xml =
        notYet.get("requests.xml", Map.of("service_request_id", List.of("case-1")));
    assertThat(xml.status()).as(xml.body()).isEqualTo(200);
    assertThat(xml(xml.body()).getDocumentElement().getTagName()).isEqualTo("service_requests");
    assertThat(children(xml(xml.body()).getDocumentElement())).isEmpty();
    assertThat(notYet.requests(RequestQuery.all())).isEmpty();

    Open311Response malformed = notYet.get("requests.json", Map.of("status", List.of("pending")));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).findValuesAsText("description"))
        .singleElement()
        .asString()
        .contains("status", "pending", RequestQuery.STATUS.value());
    Open311Response backwards =
        notYet.get(
            "requests.json",
            Map.of(
                "start_date",
                List.of("2024-03-04T00:00:00Z"),
                "end_date",
                List.of("2024-03-01T00:00:00Z")));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(JSON.readTree(backwards.body()).findValuesAsText("description"))
        .singleElement()
        .asString()
        .contains("end_date", RequestQuery.WINDOW.value());
  }

  /**
   * A node whose clock is before its policy's first version, over a store that holds cases (another
   * node's): GET requests/{id} answers as GET requests?service_request_id={id} does, none there,
   * 404 in the asked format, and never throws out of the handler (a server would send a 500 or drop
   * the connection).
   */
  @Test
  void beforeThePolicysFirstVersion_oneRequestByPath_404LikeTheQueryById_notAnException()
      throws Exception {
    MutableClock early =
        MutableClock.of(Presets.kaixuan().effectiveFrom().minusSeconds(3_600), ZoneOffset.UTC);
    GridGovernance behind =
        GridGovernance.builder()
            .storage(desk.governance.storage())
            .directory(Desk.directory())
            .policy(Presets.kaixuan())
            .clock(early)
            .build();
    Open311 notYet = Open311.builder(behind).build();
    assertThat(
            JSON.readTree(
                notYet
                    .get(
                        "requests.json", Map.of("service_request_id", List.of(desk.closed.value())))
                    .body()))
        .isEmpty();

    Open311Response byPath = notYet.get("requests/" + desk.closed.value() + ".json", Map.of());

    assertThat(byPath.status()).as(byPath.body()).isEqualTo(404);
    assertThat(JSON.readTree(byPath.body()).get(0).get("description").asText())
        .startsWith("service_request_id:")
        .contains(Open311.RESOURCE.value());
    assertThat(notYet.request(desk.closed)).isEmpty();
  }

  @Test
  void serviceRequestId_overridesTheOtherFilters_evenMalformedOnes() throws Exception {
    // the specification: service_request_id "overrides all other arguments"
    Open311Response response =
        open311.get(
            "requests.xml",
            Map.of(
                "service_request_id",
                List.of(desk.closed.value() + "," + desk.waiting.value()),
                "status",
                List.of("pending"),
                "service_code",
                List.of("vending"),
                "start_date",
                List.of("yesterday"),
                "end_date",
                List.of("2024-03-04T09:00:00Z")));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Document document = xml(response.body());
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("service_requests");
    assertThat(texts(document, "service_request_id"))
        .containsExactly(desk.closed.value(), desk.waiting.value());
    assertThat(texts(document, "status")).containsExactly("closed", "open");

    Open311Response badId =
        open311.get(
            "requests.json",
            Map.of("service_request_id", List.of("a b"), "status", List.of("pending")));
    assertThat(badId.status()).isEqualTo(400);
    assertThat(JSON.readTree(badId.body()).findValuesAsText("description"))
        .singleElement()
        .asString()
        .startsWith("service_request_id:")
        .contains(RequestQuery.REQUEST_ID.value());
  }

  /** The response fields of GET Service Requests, in the specification's order. */
  private static final List<String> REQUEST_FIELDS =
      List.of(
          "service_request_id",
          "status",
          "status_notes",
          "service_name",
          "service_code",
          "description",
          "agency_responsible",
          "service_notice",
          "requested_datetime",
          "updated_datetime",
          "expected_datetime",
          "address",
          "address_id",
          "zipcode",
          "lat",
          "long",
          "media_url");

  @Test
  void requestsXml_asAClientReadsThem_onlyTheSpecificationsFields_inItsOrder_w3cTimes()
      throws Exception {
    Open311 shown = Open311.builder(desk.governance).freeText(true).build();
    Document document = xml(shown.get("requests.xml", Map.of()).body());

    Element root = document.getDocumentElement();
    assertThat(root.getAttributes().getLength()).as("no attributes, no namespace").isZero();
    List<Element> requests = children(root);
    assertThat(requests).hasSize(3).extracting(Element::getTagName).containsOnly("request");
    for (Element request : requests) {
      List<String> names = children(request).stream().map(Element::getTagName).toList();
      assertThat(names)
          .as("a subsequence of the specification's fields")
          .isSubsetOf(REQUEST_FIELDS)
          .doesNotHaveDuplicates()
          .isSortedAccordingTo(java.util.Comparator.comparing(REQUEST_FIELDS::indexOf));
      assertThat(names)
          .contains(
              "service_request_id",
              "status",
              "service_name",
              "service_code",
              "requested_datetime",
              "updated_datetime");
      for (Element field : children(request)) {
        assertThat(children(field)).as(field.getTagName() + " holds text only").isEmpty();
        if (field.getTagName().endsWith("_datetime")) {
          assertThat(field.getTextContent())
              .as(field.getTagName())
              .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
        }
      }
    }
    JsonNode json = JSON.readTree(shown.get("requests.json", Map.of()).body());
    for (JsonNode request : json) {
      request
          .fields()
          .forEachRemaining(
              field ->
                  assertThat(field.getValue().isTextual())
                      .as(field.getKey() + " is a string")
                      .isTrue());
      assertThat(request.fieldNames()).toIterable().isSubsetOf(REQUEST_FIELDS);
    }
  }

  private static List<Element> children(Element parent) {
    List<Element> children = new ArrayList<>();
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        children.add(e);
      }
    }
    return children;
  }

  @Test
  void anotherJurisdiction_404() throws Exception {
    Open311Response response =
        open311.get("services.json", Map.of("jurisdiction_id", List.of("beijing.gov.cn")));

    assertThat(response.status()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).get(0).get("description").asText())
        .contains("jurisdiction_id", "beijing.gov.cn", Open311.JURISDICTION.value());
    assertThat(open311.get("services.json", Map.of("jurisdiction_id", List.of(""))).status())
        .as("an empty parameter is no parameter")
        .isEqualTo(200);
    assertThat(
            open311
                .get("services.json", Map.of("jurisdiction_id", List.of("HangZhou.Gov.CN")))
                .status())
        .as("a domain, whatever its case")
        .isEqualTo(200);
  }

  @Test
  void unknownFormat_404_inXml_theRequiredFormat() throws Exception {
    for (String path : List.of("requests.csv", "requests", "services.json/x")) {
      Open311Response response = open311.get(path, Map.of());
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(texts(xml(response.body()), "description"))
          .as(path)
          .singleElement()
          .asString()
          .contains(Open311.RESOURCE.value());
    }
  }

  @Test
  void unknownResource_404_inTheAskedFormat() throws Exception {
    Open311Response tokens = open311.get("tokens/abc.json", Map.of());
    assertThat(tokens.status()).isEqualTo(404);
    assertThat(JSON.readTree(tokens.body()).get(0).get("description").asText())
        .contains("tokens/abc.json", Open311.RESOURCE.value());
    assertThat(open311.get("discovery.xml", Map.of()).status()).isEqualTo(404);
    Open311Response noName = open311.get("/.json", Map.of());
    assertThat(noName.status()).isEqualTo(404);
    assertThat(JSON.readTree(noName.body()).get(0).get("description").asText())
        .as("a suffix without a resource: still the asked format")
        .startsWith("path:")
        .contains(Open311.RESOURCE.value());
  }

  @Test
  void discovery_servedWhenDescribed_changesetFollowsTheDirectory() throws Exception {
    assertThat(open311.get("discovery.json", Map.of()).status()).as("not described").isEqualTo(404);
    Open311 described =
        Open311.builder(desk.governance)
            .discovery(
                new Discovery(
                    java.net.URI.create("https://open311.example.gov.cn/v2"),
                    "call 12345",
                    "ask the centre for a key",
                    true))
            .build();

    JsonNode json = JSON.readTree(described.get("discovery.json", Map.of()).body());
    assertThat(json.get("contact").asText()).isEqualTo("call 12345");
    assertThat(json.get("key_service").asText()).isEqualTo("ask the centre for a key");
    JsonNode endpoint = json.get("endpoints").get(0);
    assertThat(endpoint.get("specification").asText())
        .isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(endpoint.get("url").asText()).isEqualTo("https://open311.example.gov.cn/v2");
    assertThat(endpoint.get("changeset").asText())
        .isEqualTo(json.get("changeset").asText())
        .isEqualTo(String.format("revision-%012d", desk.governance.directoryRevision()));
    assertThat(endpoint.get("type").asText()).isEqualTo("production");
    assertThat(endpoint.get("formats"))
        .extracting(JsonNode::asText)
        .containsExactly("text/xml", "application/json");
    Document xml = xml(described.get("discovery.xml", Map.of()).body());
    assertThat(texts(xml, "format")).containsExactly("text/xml", "application/json");

    String before = json.get("changeset").asText();
    desk.governance.updateDirectory(d -> d.withRoster(d.roster()));
    desk.governance.updateDirectory(
        d -> d.withRoster(org.gridgov.core.people.Roster.of(d.roster().workers().subList(0, 1))));
    String after =
        JSON.readTree(described.get("discovery.json", Map.of()).body()).get("changeset").asText();
    assertThat(after).isNotEqualTo(before);
    assertThat(after.compareTo(before)).as("sortable").isPositive();
  }

  @Test
  void discovery_refusesARelativeUrlOrBlankText() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Discovery(java.net.URI.create("/v2"), "c", "k", true))
        .isInstanceOfSatisfying(
            org.gridgov.core.RuleConfigurationException.class,
            e -> assertThat(e.ruleId()).isEqualTo(Discovery.URL));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Discovery(java.net.URI.create("https://a.example/v2"), " ", "k", true))
        .isInstanceOfSatisfying(
            org.gridgov.core.RuleConfigurationException.class,
            e -> assertThat(e.ruleId()).isEqualTo(Discovery.TEXT));
  }

  /**
   * What a client sends in the wrong place may be a resident's name, phone number or address: a
   * refusal repeats a value only when it has the shape of a code, id, date or path.
   */
  @Test
  void personalTextInAnyParameterOrPath_refusedWithoutRepeatingIt() throws Exception {
    String name = "张三 景芳路3号";
    String phone = "13800138000";
    Map<String, Map<String, List<String>>> queries =
        Map.of(
            "service_code", Map.of("service_code", List.of(name)),
            "status", Map.of("status", List.of(phone)),
            "service_request_id", Map.of("service_request_id", List.of(name)),
            "start_date", Map.of("start_date", List.of(name)),
            "end_date", Map.of("end_date", List.of(phone, "2024-03-04T00:00:00Z")));
    for (Map.Entry<String, Map<String, List<String>>> query : queries.entrySet()) {
      Open311Response response = open311.get("requests.json", query.getValue());
      assertThat(response.status()).as(query.getKey()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).findValuesAsText("description"))
          .as(query.getKey())
          .singleElement()
          .asString()
          .startsWith(query.getKey() + ":")
          .contains("not shown")
          .doesNotContain(phone, "张三", "景芳路");
    }
    Map<String, String> paths =
        Map.of(
            "services/" + name + ".json", "service_code",
            "requests/" + phone + ".json", "service_request_id",
            "requests/" + name + ".json", "service_request_id",
            name + ".json", "path",
            "requests/tel:" + phone + ".json", "service_request_id",
            "requests/" + phone + "/x.json", "service_request_id");
    for (Map.Entry<String, String> path : paths.entrySet()) {
      Open311Response response = open311.get(path.getKey(), Map.of());
      assertThat(response.status()).as(path.getKey()).isEqualTo(404);
      assertThat(JSON.readTree(response.body()).findValuesAsText("description"))
          .as(path.getKey())
          .singleElement()
          .asString()
          .startsWith(path.getValue() + ":")
          .contains(Open311.RESOURCE.value(), "not shown")
          .doesNotContain(phone, "张三", "景芳路");
    }
    Open311Response elsewhere =
        open311.get("services.json", Map.of("jurisdiction_id", List.of(phone)));
    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(JSON.readTree(elsewhere.body()).findValuesAsText("description"))
        .singleElement()
        .asString()
        .contains("jurisdiction_id", "hangzhou.gov.cn", "not shown")
        .doesNotContain(phone);
  }

  /**
   * A server's parameter map may hold a null list or a null value (a Java map allows both): each
   * reads as a parameter not given, as an empty value does, never as a NullPointerException.
   */
  @Test
  void nullListOrNullValue_readAsNotGiven() throws Exception {
    Map<String, List<String>> nulls = new java.util.HashMap<>();
    nulls.put("jurisdiction_id", null);
    nulls.put("status", null);
    nulls.put("service_code", java.util.Arrays.asList((String) null));
    Open311Response withNulls = open311.get("requests.json", nulls);
    Open311Response without = open311.get("requests.json", Map.of());
    assertThat(withNulls.status()).isEqualTo(200);
    assertThat(withNulls.body()).isEqualTo(without.body());

    Map<String, List<String>> elsewhere = new java.util.HashMap<>();
    elsewhere.put("jurisdiction_id", java.util.Arrays.asList(null, "other.gov.cn"));
    assertThat(open311.get("services.json", elsewhere).status()).isEqualTo(404);
  }
}
