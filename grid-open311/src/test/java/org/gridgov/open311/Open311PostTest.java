package org.gridgov.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.ActorKind;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.incident.Stage;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.governance.GridGovernance;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.w3c.dom.Document;

/** POST requests: a report through the facade, or an error naming the form field; no store. */
class Open311PostTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AreaCode MICRO_GRID =
      AreaCode.of("330102011002001002", org.gridgov.core.territory.Level.MICRO_GRID);
  private final Desk desk = new Desk(InMemoryGridStorage.create());
  private final Open311 open311 =
      Open311.builder(desk.governance)
          .jurisdiction("hangzhou.gov.cn")
          .acceptReports("key-1"::equals)
          .locator((lat, lon) -> lat > 30.28 ? Optional.of(Desk.GRID) : Optional.empty())
          .build();

  private static Map<String, List<String>> form(String... pairs) {
    Map<String, List<String>> form = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return form;
  }

  private long stored() {
    return desk.governance.storage().incidents().count();
  }

  private Incident posted(Open311Response response) throws Exception {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode created = JSON.readTree(response.body()).get(0);
    return desk.governance.require(IncidentId.of(created.get("service_request_id").asText()));
  }

  @Test
  void byGridCode_reportedThroughTheFacade_readBackAsAnOpenRequest() throws Exception {
    Open311Response response =
        open311.post(
            "/requests.json",
            form(
                "api_key",
                "key-1",
                "jurisdiction_id",
                "hangzhou.gov.cn",
                "service_code",
                "E0402",
                "address_id",
                Desk.GRID.value(),
                "description",
                "stall by the school gate"));

    Incident incident = posted(response);
    assertThat(incident.stage()).isEqualTo(Stage.REPORTED);
    assertThat(incident.category().toString()).isEqualTo("E0402");
    assertThat(incident.grid()).isEqualTo(Desk.GRID);
    assertThat(incident.source()).isEqualTo(Source.APP);
    assertThat(incident.reporter()).isEqualTo(Actor.external("open311"));
    assertThat(((IncidentReported) desk.governance.history(incident.id()).get(0)).description())
        .isEqualTo("stall by the school gate");
    assertThat(JSON.readTree(response.body()).get(0).has("account_id")).isFalse();
    ServiceRequest request = open311.request(incident.id()).orElseThrow();
    assertThat(request.status()).isEqualTo(RequestStatus.OPEN);
    assertThat(request.statusNotes()).isEqualTo("reported");
  }

  @Test
  void byMicroGridCode_placedInItsGrid() throws Exception {
    Incident incident =
        posted(
            open311.post(
                "requests.json",
                form(
                    "api_key",
                    "key-1",
                    "service_code",
                    "E0402",
                    "address_id",
                    MICRO_GRID.value())));

    assertThat(incident.grid()).isEqualTo(Desk.GRID);
    assertThat(incident.microGrid()).contains(MICRO_GRID);
    assertThat(open311.request(incident.id()).orElseThrow().addressId())
        .isEqualTo(MICRO_GRID.value());
  }

  @Test
  void byCoordinates_throughTheLocator_emergencyFromTheCategory() throws Exception {
    Incident incident =
        posted(
            open311.post(
                "requests.json",
                form(
                    "api_key",
                    "key-1",
                    "service_code",
                    "E0502",
                    "lat",
                    "30.2901",
                    "long",
                    "120.1998")));

    assertThat(incident.grid()).isEqualTo(Desk.GRID);
    assertThat(incident.emergency()).as("路面塌陷 is an emergency category").isTrue();
  }

  @Test
  void accountId_storedAsTheResidentsToken_andEchoed() throws Exception {
    Open311Response response =
        open311.post(
            "requests.xml",
            form(
                "api_key",
                "key-1",
                "service_code",
                "E0402",
                "address_id",
                Desk.GRID.value(),
                "account_id",
                "acct-7f3a",
                "email",
                "someone@example.org",
                "phone",
                "13800000000",
                "first_name",
                "Li"));

    assertThat(response.status()).isEqualTo(200);
    Document document = Open311GetTest.xml(response.body());
    assertThat(Open311GetTest.texts(document, "account_id")).containsExactly("acct-7f3a");
    String id = Open311GetTest.texts(document, "service_request_id").get(0);
    Incident incident = desk.governance.require(IncidentId.of(id));
    assertThat(incident.reporter().kind()).isEqualTo(ActorKind.RESIDENT);
    assertThat(incident.reporter().id()).isEqualTo("acct-7f3a");
    assertThat(desk.governance.history(incident.id()).toString())
        .as("the person's contact details are not stored")
        .doesNotContain("someone@example.org", "13800000000");
  }

  /**
   * The specification's POST response: {@code <service_requests><request>} holding the new
   * service_request_id (realtime, so no token), in JSON an array of one object; its only other
   * fields may be service_notice and account_id.
   */
  @Test
  void answer_oneRequestInServiceRequests_itsIdNoToken_jsonAnArrayOfOne() throws Exception {
    Map<String, List<String>> valid =
        form("api_key", "key-1", "service_code", "E0402", "address_id", Desk.GRID.value());

    Document xml = Open311GetTest.xml(open311.post("requests.xml", valid).body());
    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
    org.w3c.dom.NodeList requests = xml.getDocumentElement().getChildNodes();
    assertThat(requests.getLength()).isEqualTo(1);
    assertThat(requests.item(0).getNodeName()).isEqualTo("request");
    assertThat(Open311GetTest.texts(xml, "service_request_id")).singleElement().isNotNull();
    assertThat(Open311GetTest.texts(xml, "token")).isEmpty();

    JsonNode json = JSON.readTree(open311.post("requests.json", valid).body());
    assertThat(json.isArray()).isTrue();
    assertThat(json).hasSize(1);
    assertThat(json.get(0).fieldNames())
        .toIterable()
        .contains("service_request_id")
        .isSubsetOf("service_request_id", "service_notice", "account_id");
    String xmlId = Open311GetTest.texts(xml, "service_request_id").get(0);
    assertThat(json.get(0).get("service_request_id").asText())
        .as("each post is a new request")
        .isNotEqualTo(xmlId);
    assertThat(open311.get("requests/" + xmlId + ".xml", Map.of()).status()).isEqualTo(200);
  }

  /**
   * The README: "A field without a value is left out of both formats". A request posted without a
   * description has none to show, free text on or off: no empty description field.
   */
  @Test
  void postedWithoutDescription_freeTextOn_noEmptyDescriptionField() throws Exception {
    Open311 shown =
        Open311.builder(desk.governance).freeText(true).acceptReports("key-1"::equals).build();
    Incident bare =
        posted(
            shown.post(
                "requests.json",
                form(
                    "api_key", "key-1", "service_code", "E0402", "address_id", Desk.GRID.value())));
    Incident described =
        posted(
            shown.post(
                "requests.json",
                form(
                    "api_key",
                    "key-1",
                    "service_code",
                    "E0402",
                    "address_id",
                    Desk.GRID.value(),
                    "description",
                    "stall by the gate")));

    String path = "requests/" + bare.id().value();
    assertThat(JSON.readTree(shown.get(path + ".json", Map.of()).body()).get(0).has("description"))
        .isFalse();
    assertThat(
            Open311GetTest.texts(
                Open311GetTest.xml(shown.get(path + ".xml", Map.of()).body()), "description"))
        .isEmpty();
    assertThat(shown.request(bare.id()).orElseThrow().description()).isEmpty();
    assertThat(shown.request(described.id()).orElseThrow().description())
        .contains("stall by the gate");
  }

  @Test
  void accountIdThatIsAPhoneNumber_refusedWithoutEchoingIt_nothingStored_numericIdsPass()
      throws Exception {
    long before = stored();
    for (String phone :
        List.of(
            "13800138000",
            "+8613800138000",
            "8613800138000",
            "+86 138 0013 8000",
            "86-138-0013-8000",
            "138-0013-8000",
            "138.0013.8000",
            "0571-88888888",
            "(0571) 8888-8888",
            "010 6512 3456",
            "0086 13800138000",
            "199-9999-9999")) {
      Open311Response response =
          open311.post(
              "requests.json",
              form(
                  "api_key",
                  "key-1",
                  "service_code",
                  "E0402",
                  "address_id",
                  Desk.GRID.value(),
                  "account_id",
                  phone));

      assertThat(response.status()).as(phone).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).findValuesAsText("description"))
          .as(phone)
          .singleElement()
          .satisfies(
              d ->
                  assertThat(d)
                      .startsWith("account_id:")
                      .contains("pseudonym", "not shown", PostedReport.ACCOUNT.value())
                      .doesNotContain(phone, "13800138000", "0013", "8888", "9999"));
    }
    assertThat(stored()).isEqualTo(before);

    for (String pseudonym :
        List.of(
            "123456",
            "12-34-56",
            "acct-7f3a",
            "1234567",
            "2024-000123",
            "12345678901",
            "u13800138000")) {
      Incident incident =
          posted(
              open311.post(
                  "requests.json",
                  form(
                      "api_key",
                      "key-1",
                      "service_code",
                      "E0402",
                      "address_id",
                      Desk.GRID.value(),
                      "account_id",
                      pseudonym)));
      assertThat(incident.reporter()).as(pseudonym).isEqualTo(Actor.resident(pseudonym));
    }
  }

  @Test
  void accountIdThatIsAFixedLineInInternationalForm_refused_itsTrunkZeroDropped() throws Exception {
    // with the country code a fixed line is written without the 0 of its area code
    long before = stored();
    for (String phone :
        List.of(
            "86-571-8888-8888",
            "0086.10.6512.3456",
            "8675526888888",
            "+86 571 8888 8888",
            "+86-10-6512-3456",
            "0086 21 6888 8888",
            "+86 (755) 2688 8888")) {
      Open311Response response =
          open311.post(
              "requests.json",
              form(
                  "api_key",
                  "key-1",
                  "service_code",
                  "E0402",
                  "address_id",
                  Desk.GRID.value(),
                  "account_id",
                  phone));

      assertThat(response.status()).as(phone).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).findValuesAsText("description"))
          .as(phone)
          .singleElement()
          .satisfies(
              d ->
                  assertThat(d)
                      .startsWith("account_id:")
                      .contains("pseudonym", PostedReport.ACCOUNT.value())
                      .doesNotContain("8888", "3456"));
    }
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void fieldGivenTwice_oneError_notAlsoRequired() throws Exception {
    long before = stored();
    for (String field : List.of("service_code", "address_id", "lat")) {
      Map<String, List<String>> twice =
          form(
              "api_key",
              "key-1",
              "service_code",
              "E0402",
              "address_id",
              Desk.GRID.value(),
              "lat",
              "30.29",
              "long",
              "120.2");
      if (field.equals("lat")) {
        twice.remove("address_id");
      }
      twice.put(field, List.of(twice.get(field).get(0), twice.get(field).get(0)));

      Open311Response response = open311.post("requests.json", twice);

      assertThat(response.status()).as(field).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).findValuesAsText("description"))
          .as(field)
          .singleElement()
          .asString()
          .startsWith(field + ": must be given once")
          .contains("2 values", PostedReport.REQUIRED.value());
    }
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void apiKey_requiredAndChecked_neverEchoed_reportsOffByDefault() throws Exception {
    long before = stored();
    Map<String, List<String>> valid =
        form("service_code", "E0402", "address_id", Desk.GRID.value());

    Open311Response missing = open311.post("requests.json", valid);
    Map<String, List<String>> wrongKey = new HashMap<>(valid);
    wrongKey.put("api_key", List.of("secret-guess"));
    Open311Response wrong = open311.post("requests.json", wrongKey);
    Map<String, List<String>> withKey = new HashMap<>(valid);
    withKey.put("api_key", List.of("key-1"));
    Open311Response closed =
        Open311.builder(desk.governance).build().post("requests.json", withKey);

    assertThat(List.of(missing, wrong, closed))
        .extracting(Open311Response::status)
        .containsOnly(403);
    assertThat(JSON.readTree(missing.body()).get(0).get("description").asText())
        .contains("api_key", "is required", Open311.API_KEY.value());
    assertThat(wrong.body()).contains("is not a valid key").doesNotContain("secret-guess");
    assertThat(closed.body()).contains("takes no reports");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void blankApiKey_countsAsMissing_aBlankBeforeTheKeyIsSkipped() throws Exception {
    Open311Response blank =
        open311.post(
            "requests.json",
            form("api_key", " ", "service_code", "E0402", "address_id", Desk.GRID.value()));
    assertThat(blank.status()).isEqualTo(403);
    assertThat(blank.body()).contains("is required to post a report");

    posted(
        open311.post(
            "requests.json",
            form(
                "api_key",
                "",
                "api_key",
                "key-1",
                "service_code",
                "E0402",
                "address_id",
                Desk.GRID.value())));
  }

  @Test
  void blankFields_countAsAbsent() throws Exception {
    Incident incident =
        posted(
            open311.post(
                "requests.json",
                form(
                    "api_key",
                    "key-1",
                    "service_code",
                    "E0402",
                    "service_code",
                    " ",
                    "address_id",
                    Desk.GRID.value(),
                    "account_id",
                    "",
                    "description",
                    " ",
                    "lat",
                    "",
                    "long",
                    "")));

    assertThat(incident.reporter()).as("no account: the channel").isEqualTo(PostedReport.CHANNEL);
    assertThat(((IncidentReported) desk.governance.history(incident.id()).get(0)).description())
        .isEmpty();
  }

  @Test
  void coordinatesAtTheirBounds_accepted() throws Exception {
    Incident north =
        posted(
            open311.post(
                "requests.json",
                form("api_key", "key-1", "service_code", "E0402", "lat", "90", "long", "-180")));
    assertThat(north.grid()).isEqualTo(Desk.GRID);
    Open311Response south =
        open311.post(
            "requests.json",
            form("api_key", "key-1", "service_code", "E0402", "lat", "-90.0", "long", "180.0"));
    assertThat(JSON.readTree(south.body()).findValuesAsText("description"))
        .as("placed by the" + " locator, not refused as out of range")
        .singleElement()
        .asString()
        .startsWith("lat: lies in no grid");
  }

  @Test
  void locator_aMicroGridIsPlacedInItsGrid_anAreaAboveAGridIsNoPlace() throws Exception {
    Open311 micro =
        Open311.builder(desk.governance)
            .acceptReports("key-1"::equals)
            .locator((lat, lon) -> Optional.of(MICRO_GRID))
            .build();
    Incident incident =
        posted(
            micro.post(
                "requests.json",
                form(
                    "api_key", "key-1", "service_code", "E0402", "lat", "30.29", "long", "120.2")));
    assertThat(incident.grid()).isEqualTo(Desk.GRID);
    assertThat(incident.microGrid()).contains(MICRO_GRID);

    long before = stored();
    Open311 community =
        Open311.builder(desk.governance)
            .acceptReports("key-1"::equals)
            .locator((lat, lon) -> Optional.of(Desk.COMMUNITY))
            .build();
    Open311Response response =
        community.post(
            "requests.json",
            form("api_key", "key-1", "service_code", "E0402", "lat", "30.29", "long", "120.2"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).findValuesAsText("description"))
        .singleElement()
        .asString()
        .startsWith("lat: lies in no grid")
        .contains("30.29,120.2");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void reportSource_storedWithThePostedReport() throws Exception {
    Open311 hotline =
        Open311.builder(desk.governance)
            .acceptReports("key-1"::equals)
            .reportSource(Source.HOTLINE_12345)
            .build();

    Incident incident =
        posted(
            hotline.post(
                "requests.json",
                form(
                    "api_key", "key-1", "service_code", "E0402", "address_id", Desk.GRID.value())));

    assertThat(incident.source()).isEqualTo(Source.HOTLINE_12345);
  }

  @Test
  void unknownServiceCode_404_otherProblems_400_everyOneNamed_nothingStored() throws Exception {
    long before = stored();

    Open311Response unknown =
        open311.post(
            "requests.json",
            form("api_key", "key-1", "service_code", "E0999", "address_id", Desk.GRID.value()));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("E0999", "open311.unknown-service");

    Open311Response bad =
        open311.post(
            "requests.json",
            form(
                "api_key",
                "key-1",
                "service_code",
                "vending",
                "address_id",
                "330102011002",
                "account_id",
                "a b"));
    assertThat(bad.status()).isEqualTo(400);
    JsonNode errors = JSON.readTree(bad.body());
    assertThat(errors).hasSize(3);
    assertThat(errors.findValuesAsText("description"))
        .anySatisfy(d -> assertThat(d).startsWith("service_code:").contains("open311.service-code"))
        .anySatisfy(
            d ->
                assertThat(d)
                    .as("the README's example")
                    .isEqualTo(
                        "address_id: must be"
                            + " the code of a grid or micro-grid of this territory, was 330102011002"
                            + " [open311.location]"))
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith("account_id:")
                    .contains("open311.account-id")
                    .doesNotContain("a b"));
    // an address_id that is no code is a resident's text: refused without echoing it
    Open311Response typed =
        open311.post(
            "requests.json",
            form(
                "api_key", "key-1", "service_code", "E0402", "address_id", "张三 13800138000 景芳路3号"));
    assertThat(typed.status()).isEqualTo(400);
    assertThat(JSON.readTree(typed.body()).findValuesAsText("description"))
        .singleElement()
        .isEqualTo(
            "address_id: must be the code of a grid or micro-grid of this territory, in"
                + " digits (the text sent is not shown) [open311.location]");
    assertThat(stored()).isEqualTo(before);
  }

  /**
   * To a client a service code is an opaque id from the service list: {@code 001} (the
   * specification's own example) names no service here just as {@code E0999} does, and GET
   * services/001 is 404. The specification: "404 - service_code ... was not found".
   */
  @Test
  void serviceCodeOfAnotherForm_404_likeAnyCodeNotInTheCatalogue_nothingStored() throws Exception {
    long before = stored();
    assertThat(open311.get("services/001.json", Map.of()).status()).isEqualTo(404);

    Open311Response other =
        open311.post(
            "requests.xml",
            form("api_key", "key-1", "service_code", "001", "address_id", Desk.GRID.value()));
    assertThat(other.status()).as(other.body()).isEqualTo(404);
    Document errors = Open311GetTest.xml(other.body());
    assertThat(Open311GetTest.texts(errors, "code")).containsExactly("404");
    assertThat(Open311GetTest.texts(errors, "description"))
        .singleElement()
        .asString()
        .startsWith("service_code:")
        .contains("001");

    Open311Response typed =
        open311.post(
            "requests.json",
            form("api_key", "key-1", "service_code", "王五", "address_id", Desk.GRID.value()));
    assertThat(typed.status()).isEqualTo(404);
    assertThat(typed.body()).contains("not shown").doesNotContain("王五");

    Open311Response missing =
        open311.post("requests.json", form("api_key", "key-1", "address_id", Desk.GRID.value()));
    assertThat(missing.status()).as("not provided: 400").isEqualTo(400);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void location_requiredAndPlaceable() throws Exception {
    Map<String, String> cases =
        Map.of(
            "no location", "address_id: is required (or lat and long)",
            "address_string", "not by address_string",
            "lat only", "long: is required with lat",
            "outside", "lat: lies in no grid",
            "out of range", "lat: must be WGS84 degrees from -90 to 90");
    Map<String, Map<String, List<String>>> forms =
        Map.of(
            "no location", form("api_key", "key-1", "service_code", "E0402"),
            "address_string",
                form("api_key", "key-1", "service_code", "E0402", "address_string", "景芳路 1 号"),
            "lat only", form("api_key", "key-1", "service_code", "E0402", "lat", "30.29"),
            "outside",
                form("api_key", "key-1", "service_code", "E0402", "lat", "30.1", "long", "120.1"),
            "out of range",
                form("api_key", "key-1", "service_code", "E0402", "lat", "95", "long", "120.1"));
    for (var entry : cases.entrySet()) {
      Open311Response response = open311.post("requests.json", forms.get(entry.getKey()));
      assertThat(response.status()).as(entry.getKey()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get(0).get("description").asText())
          .as(entry.getKey())
          .contains(entry.getValue());
    }
    Open311Response noLocator =
        Open311.builder(desk.governance)
            .acceptReports(k -> true)
            .build()
            .post(
                "requests.json",
                form("api_key", "k", "service_code", "E0402", "lat", "30.29", "long", "120.2"));
    assertThat(noLocator.status()).isEqualTo(400);
    assertThat(noLocator.body()).contains("no grid boundaries", "send address_id");
  }

  @Test
  void facadeRefusal_namedByTheFormField() throws Exception {
    long before = stored();
    Open311Response response =
        open311.post(
            "requests.json",
            form(
                "api_key",
                "key-1",
                "service_code",
                "E0402",
                "address_id",
                Desk.GRID.value(),
                "description",
                "x".repeat(4001)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get(0).get("description").asText())
        .startsWith("description:")
        .contains("4000");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void refusedByTheFacade_400AGeneralServiceError_not403_accountIdNotBlamed() throws Exception {
    // before the policy's first version takes effect every report is refused: a service
    // problem, while the specification keeps 403 for a missing or invalid api_key
    MutableClock early =
        MutableClock.of(Presets.kaixuan().effectiveFrom().minusSeconds(3_600), ZoneOffset.UTC);
    GridGovernance governance =
        GridGovernance.builder()
            .storage(InMemoryGridStorage.create())
            .directory(Desk.directory())
            .policy(Presets.kaixuan())
            .clock(early)
            .build();
    Open311 notYet = Open311.builder(governance).acceptReports("key-1"::equals).build();

    Open311Response response =
        notYet.post(
            "requests.xml",
            form(
                "api_key",
                "key-1",
                "service_code",
                "E0402",
                "address_id",
                Desk.GRID.value(),
                "account_id",
                "acct-7f3a"));

    assertThat(response.status()).isEqualTo(400);
    Document errors = Open311GetTest.xml(response.body());
    assertThat(Open311GetTest.texts(errors, "code")).containsExactly("400");
    assertThat(Open311GetTest.texts(errors, "description"))
        .singleElement()
        .asString()
        .startsWith("service_request:")
        .contains("NO_POLICY_IN_FORCE", "policy.in-force")
        .doesNotContain("account_id", "acct-7f3a");
    assertThat(governance.storage().incidents().count()).isZero();
  }

  @Test
  void coordinatesThatAreNoNumber_refusedWithoutEchoingTheText() throws Exception {
    Open311Response typed =
        open311.post(
            "requests.json",
            form(
                "api_key",
                "key-1",
                "service_code",
                "E0402",
                "lat",
                "张三 13800138000",
                "long",
                "120.2"));
    Open311Response outOfRange =
        open311.post(
            "requests.json",
            form("api_key", "key-1", "service_code", "E0402", "lat", "30.29", "long", "181.5"));

    assertThat(typed.status()).isEqualTo(400);
    assertThat(JSON.readTree(typed.body()).findValuesAsText("description"))
        .singleElement()
        .isEqualTo(
            "lat: must be WGS84 degrees from -90 to 90, a decimal number (the text sent is"
                + " not shown) [open311.location]");
    assertThat(outOfRange.status()).isEqualTo(400);
    assertThat(JSON.readTree(outOfRange.body()).findValuesAsText("description"))
        .singleElement()
        .as("a number: repeated, and not told to be one")
        .isEqualTo("long: must be WGS84 degrees from -180 to 180, was 181.5 [open311.location]");
  }

  @Test
  void wrongPathOrJurisdiction_404() throws Exception {
    Map<String, List<String>> valid =
        form("api_key", "key-1", "service_code", "E0402", "address_id", Desk.GRID.value());
    assertThat(open311.post("services.json", valid).status()).isEqualTo(404);
    assertThat(open311.post("requests", valid).status()).isEqualTo(404);
    Map<String, List<String>> elsewhere = new HashMap<>(valid);
    elsewhere.put("jurisdiction_id", List.of("beijing.gov.cn"));
    assertThat(open311.post("requests.json", elsewhere).status()).isEqualTo(404);
  }

  /**
   * A service code, address id or coordinate that is a resident's text or phone number is refused
   * without repeating it, and nothing is stored.
   */
  @Test
  void personalTextInACodeOrNumberField_refusedWithoutRepeatingIt() throws Exception {
    String phone = "13800138000";
    long before = stored();
    Map<String, Map<String, List<String>>> forms =
        Map.of(
            "service_code",
                form(
                    "api_key",
                    "key-1",
                    "service_code",
                    "王五 13800138000",
                    "address_id",
                    Desk.GRID.value()),
            "address_id", form("api_key", "key-1", "service_code", "E0402", "address_id", phone),
            "lat",
                form("api_key", "key-1", "service_code", "E0402", "lat", phone, "long", "120.2"));
    for (Map.Entry<String, Map<String, List<String>>> posted : forms.entrySet()) {
      Open311Response response = open311.post("requests.json", posted.getValue());
      assertThat(response.status())
          .as(posted.getKey() + ": a service code naming no service is 404, as E0999 is")
          .isEqualTo(posted.getKey().equals("service_code") ? 404 : 400);
      assertThat(JSON.readTree(response.body()).findValuesAsText("description"))
          .as(posted.getKey())
          .singleElement()
          .asString()
          .startsWith(posted.getKey() + ":")
          .contains("not shown")
          .doesNotContain(phone, "王五");
    }
    Open311Response path = open311.post("requests/" + phone + ".json", form("api_key", "key-1"));
    assertThat(path.status()).isEqualTo(404);
    assertThat(JSON.readTree(path.body()).findValuesAsText("description"))
        .singleElement()
        .asString()
        .startsWith("path:")
        .contains("not shown")
        .doesNotContain(phone);
    assertThat(stored()).isEqualTo(before);
  }

  /**
   * A form holding a null list or a null value reads as that field not given: no key is 403, a null
   * description is a report without one, and never a NullPointerException.
   */
  @Test
  void nullListOrNullValue_readAsNotGiven() throws Exception {
    long before = stored();
    Map<String, List<String>> noKey =
        form("service_code", "E0402", "address_id", Desk.GRID.value());
    noKey.put("api_key", null);
    noKey.put("jurisdiction_id", null);
    assertThat(open311.post("requests.json", noKey).status()).isEqualTo(403);
    assertThat(stored()).isEqualTo(before);

    Map<String, List<String>> nullFields =
        form("api_key", "key-1", "service_code", "E0402", "address_id", Desk.GRID.value());
    nullFields.put("description", null);
    nullFields.put("account_id", java.util.Arrays.asList((String) null));
    Incident incident = posted(open311.post("requests.json", nullFields));
    assertThat(incident.grid()).isEqualTo(Desk.GRID);
    assertThat(stored()).isEqualTo(before + 1);
  }
}
