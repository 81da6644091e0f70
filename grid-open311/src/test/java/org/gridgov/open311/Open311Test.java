package org.gridgov.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.Violation;
import org.gridgov.core.category.CategoryCatalogue;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.spi.GridStorage;
import org.gridgov.core.spi.IncidentStore;
import org.gridgov.storage.memory.InMemoryGridStorage;
import org.junit.jupiter.api.Test;

class Open311Test {
  private final Desk desk = new Desk(InMemoryGridStorage.create());

  private Open311 open311() {
    return Open311.builder(desk.governance).build();
  }

  private static ServiceRequest only(List<ServiceRequest> requests, IncidentId id) {
    return requests.stream().filter(r -> r.id().equals(id.value())).findFirst().orElseThrow();
  }

  @Test
  void services_everyCategoryOfTheCatalogue_inCodeOrder_groupedByMajorClass() {
    List<Service> services = open311().services();

    assertThat(services).hasSize(CategoryCatalogue.standard().all().size());
    assertThat(services).extracting(Service::code).isSorted();
    Service vending =
        services.stream().filter(s -> s.code().equals("E0402")).findFirst().orElseThrow();
    var category = CategoryCatalogue.standard().require(Desk.VENDING);
    assertThat(vending.name()).isEqualTo(category.name());
    assertThat(vending.group()).isEqualTo(category.majorName());
    assertThat(vending.keywords()).startsWith("事件, ");
    assertThat(vending.metadata()).isFalse();
    assertThat(vending.type()).isEqualTo("realtime");
  }

  @Test
  void requests_closedOpenAndRejected_mappedToOpen311sTwoStatuses() {
    List<ServiceRequest> requests = open311().requests(RequestQuery.all());

    assertThat(requests)
        .extracting(ServiceRequest::id)
        .containsExactly(desk.duplicate.value(), desk.waiting.value(), desk.closed.value());
    ServiceRequest closed = only(requests, desk.closed);
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.statusNotes()).isEqualTo("closed");
    assertThat(closed.serviceCode()).isEqualTo("E0402");
    assertThat(closed.agencyResponsible())
        .contains(
            desk.governance
                .directory()
                .lines()
                .require(org.gridgov.core.line.LineId.of("urban-management"))
                .name());
    Instant closedAt = desk.governance.require(desk.closed).closedAt().orElseThrow();
    assertThat(closed.requested()).isEqualTo(OffsetDateTime.parse("2024-03-04T09:00:00+08:00"));
    assertThat(closed.updated().toInstant()).isEqualTo(closedAt);
    assertThat(closed.updated().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(closed.expected().map(OffsetDateTime::toInstant))
        .isEqualTo(desk.governance.require(desk.closed).replyBy());
    assertThat(closed.addressId()).isEqualTo(Desk.GRID.value());
    var territory = desk.governance.directory().territory();
    assertThat(closed.address())
        .startsWith(territory.require(Desk.GRID).name() + ", ")
        .contains(territory.require(Desk.COMMUNITY).name());

    ServiceRequest waiting = only(requests, desk.waiting);
    assertThat(waiting.status()).isEqualTo(RequestStatus.OPEN);
    assertThat(waiting.statusNotes()).isEqualTo("registered");
    assertThat(waiting.updated().toInstant()).isEqualTo(Desk.NINE.plusSeconds(3_600));
    assertThat(waiting.agencyResponsible()).isPresent();

    ServiceRequest duplicate = only(requests, desk.duplicate);
    assertThat(duplicate.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(duplicate.statusNotes()).isEqualTo("rejected as duplicate");
    assertThat(duplicate.agencyResponsible()).as("never registered").isEmpty();
    assertThat(duplicate.expected()).isEmpty();
  }

  @Test
  void freeText_offByDefault_onShowsDescriptionAndReasons() {
    ServiceRequest hidden = open311().request(desk.closed).orElseThrow();
    assertThat(hidden.description()).isEmpty();
    assertThat(hidden.statusNotes()).isEqualTo("closed");

    Open311 shown = Open311.builder(desk.governance).freeText(true).build();
    assertThat(shown.request(desk.closed).orElseThrow().description())
        .contains("stall outside gate 2\u0007 blocking the path");
    assertThat(shown.request(desk.closed).orElseThrow().statusNotes()).isEqualTo("stall removed");
    assertThat(shown.request(desk.duplicate).orElseThrow().statusNotes())
        .isEqualTo("already closed as the first report");
  }

  @Test
  void window_defaultsToTheLastNinetyDays_boundsInclusive() {
    Open311 open311 = open311();
    desk.clock.set(Desk.NINE.plus(Duration.ofDays(90)).plusSeconds(3_600));
    assertThat(open311.requests(RequestQuery.all()))
        .extracting(ServiceRequest::id)
        .as("the first report is 90 days and an hour old")
        .containsExactly(desk.duplicate.value(), desk.waiting.value());

    Instant second = Desk.NINE.plusSeconds(3_600);
    assertThat(open311.requests(RequestQuery.all().between(second, second)))
        .extracting(ServiceRequest::id)
        .containsExactly(desk.waiting.value());
    assertThat(
            open311.requests(
                new RequestQuery(
                    com.google.common.collect.ImmutableList.of(),
                    com.google.common.collect.ImmutableSet.of(),
                    Optional.of(second),
                    Optional.empty(),
                    com.google.common.collect.ImmutableSet.of())))
        .as("from a start only: the window after it")
        .extracting(ServiceRequest::id)
        .containsExactly(desk.duplicate.value(), desk.waiting.value());
  }

  @Test
  void window_fromAStartOnly_endsTheWindowAfterIt_notNow() {
    desk.clock.set(Desk.NINE.plus(Duration.ofDays(100)));
    RequestQuery fromNine =
        new RequestQuery(
            com.google.common.collect.ImmutableList.of(),
            com.google.common.collect.ImmutableSet.of(),
            Optional.of(Desk.NINE),
            Optional.empty(),
            com.google.common.collect.ImmutableSet.of());

    assertThat(open311().requests(fromNine))
        .as("90 days from the start, though now is 100 days on")
        .extracting(ServiceRequest::id)
        .containsExactly(desk.duplicate.value(), desk.waiting.value(), desk.closed.value());
  }

  @Test
  void window_neitherWholeDaysNorHours_namedInIsoForm() {
    Open311 open311 = Open311.builder(desk.governance).window(Duration.ofMinutes(90)).build();

    assertThatThrownBy(
            () ->
                open311.requests(
                    RequestQuery.all().between(Desk.NINE, Desk.NINE.plus(Duration.ofHours(2)))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .extracting(Violation::message)
                    .asString()
                    .startsWith("may not be more than PT1H30M after start_date"));
  }

  @Test
  void reportedAtTheSameInstant_orderedById() {
    IncidentId first = desk.report(Desk.CAR, "car again");
    IncidentId second = desk.report(Desk.CAR, "and another");
    List<String> byId =
        java.util.stream.Stream.of(first, second).sorted().map(IncidentId::value).toList();

    assertThat(open311().requests(RequestQuery.all()))
        .extracting(ServiceRequest::id)
        .startsWith(byId.toArray(String[]::new));
    assertThat(Open311.builder(desk.governance).limit(1).build().requests(RequestQuery.all()))
        .extracting(ServiceRequest::id)
        .containsExactly(byId.get(0));
  }

  @Test
  void gridTheTerritoryNoLongerHolds_addressIsItsCode() {
    desk.governance.updateDirectory(
        d ->
            org.gridgov.core.Directory.of(
                org.gridgov.core.territory.Divisions.shangcheng(),
                org.gridgov.core.people.Roster.of(List.of())));

    ServiceRequest closed = open311().request(desk.closed).orElseThrow();

    assertThat(closed.address()).isEqualTo(Desk.GRID.value());
    assertThat(closed.addressId()).isEqualTo(Desk.GRID.value());
  }

  @Test
  void filters_statusAndServiceCode_idsOverrideTheRest() {
    Open311 open311 = open311();

    assertThat(open311.requests(RequestQuery.all().withStatuses(List.of(RequestStatus.OPEN))))
        .extracting(ServiceRequest::id)
        .containsExactly(desk.waiting.value());
    assertThat(open311.requests(RequestQuery.all().withServiceCodes(List.of(Desk.VENDING))))
        .extracting(ServiceRequest::id)
        .containsExactly(desk.duplicate.value(), desk.closed.value());
    assertThat(
            open311.requests(
                RequestQuery.all()
                    .withStatuses(List.of(RequestStatus.OPEN))
                    .withIds(List.of(desk.closed, IncidentId.of("no-such-case"), desk.waiting))))
        .as("named ids win over the status filter; unknown ones are left out")
        .extracting(ServiceRequest::id)
        .containsExactly(desk.closed.value(), desk.waiting.value());
  }

  @Test
  void limit_keepsTheMostRecentlyReported() {
    Open311 two = Open311.builder(desk.governance).limit(2).build();

    assertThat(two.requests(RequestQuery.all()))
        .extracting(ServiceRequest::id)
        .containsExactly(desk.duplicate.value(), desk.waiting.value());
    assertThatThrownBy(
            () ->
                two.requests(
                    RequestQuery.all().withIds(List.of(desk.closed, desk.waiting, desk.duplicate))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "service_request_id", Open311.LIMIT.value())));
    assertThat(two.requests(RequestQuery.all().withIds(List.of(desk.closed, desk.waiting))))
        .as("as many ids as the limit: only more is refused")
        .extracting(ServiceRequest::id)
        .containsExactly(desk.closed.value(), desk.waiting.value());
  }

  /**
   * The specification's response volume, "a span of 90 days or first 1000 requests", as the
   * defaults of a builder given nothing else: 1,000 ids may be asked for at once, 1,001 are
   * refused, and a span of 90 days is allowed, a second more refused.
   */
  @Test
  void defaults_theSpecificationsThousandRequestsAndNinetyDays() {
    Open311 defaults = open311();
    List<IncidentId> thousand = new ArrayList<>(List.of(desk.closed));
    for (int i = 1; i < 1000; i++) {
      thousand.add(IncidentId.of("no-such-case-" + i));
    }
    assertThat(defaults.requests(RequestQuery.all().withIds(thousand)))
        .extracting(ServiceRequest::id)
        .containsExactly(desk.closed.value());
    thousand.add(IncidentId.of("no-such-case-1000"));
    assertThatThrownBy(() -> defaults.requests(RequestQuery.all().withIds(thousand)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("service_request_id");
                          assertThat(v.rule()).isEqualTo(Open311.LIMIT.value());
                          assertThat(v.message()).contains("1000");
                        }));

    Instant end = Desk.NINE.plus(Duration.ofDays(90));
    assertThat(defaults.requests(RequestQuery.all().between(Desk.NINE, end))).hasSize(3);
    assertThatThrownBy(
            () -> defaults.requests(RequestQuery.all().between(Desk.NINE, end.plusSeconds(1))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactly(RequestQuery.WINDOW.value()));
  }

  @Test
  void parse_listsEveryBadParameter_withItsRule() {
    Map<String, List<String>> bad =
        Map.of(
            "start_date", List.of("2024-03-04T09:00:00"),
            "end_date", List.of("yesterday"),
            "status", List.of("open,pending"),
            "service_code", List.of("E0402", "vending"));

    assertThatThrownBy(() -> RequestQuery.parse(bad))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::path, Violation::rule, Violation::value)
                  .containsExactlyInAnyOrder(
                      org.assertj.core.groups.Tuple.tuple(
                          "start_date", RequestQuery.DATETIME.value(), "2024-03-04T09:00:00"),
                      org.assertj.core.groups.Tuple.tuple(
                          "end_date", RequestQuery.DATETIME.value(), "yesterday"),
                      org.assertj.core.groups.Tuple.tuple(
                          "status", RequestQuery.STATUS.value(), "pending"),
                      org.assertj.core.groups.Tuple.tuple(
                          "service_code", RequestQuery.SERVICE_CODE.value(), "vending"));
            });
  }

  @Test
  void parse_commaListsRepeatedValuesAndBlanks() {
    RequestQuery query =
        RequestQuery.parse(
            Map.of(
                "service_code", List.of("E0402, E0404", "P0113"),
                "status", List.of("", "CLOSED"),
                "start_date", List.of("2024-03-04T09:00:00+08:00"),
                "end_date", List.of(""),
                "api_key", List.of("ignored")));

    assertThat(query.serviceCodes())
        .extracting(Object::toString)
        .containsExactly("E0402", "E0404", "P0113");
    assertThat(query.statuses()).containsExactly(RequestStatus.CLOSED);
    assertThat(query.start()).contains(Desk.NINE);
    assertThat(query.end()).as("an empty value is no value").isEmpty();
    assertThat(query.ids()).isEmpty();
  }

  @Test
  void window_refusesAnEndBeforeTheStart_andASpanLongerThanTheWindow() {
    Open311 open311 = Open311.builder(desk.governance).window(Duration.ofHours(36)).build();

    assertThatThrownBy(
            () ->
                open311.requests(RequestQuery.all().between(Desk.NINE, Desk.NINE.minusSeconds(1))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.path()).isEqualTo("end_date");
                          assertThat(v.rule()).isEqualTo(RequestQuery.WINDOW.value());
                          assertThat(v.message()).contains("must not be before start_date");
                        }));
    assertThatThrownBy(
            () ->
                open311.requests(
                    RequestQuery.all().between(Desk.NINE, Desk.NINE.plus(Duration.ofHours(37)))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.rule()).isEqualTo(RequestQuery.WINDOW.value());
                          assertThat(v.message()).contains("more than 36 hours after start_date");
                        }));
    assertThat(
            open311.requests(
                RequestQuery.all().between(Desk.NINE, Desk.NINE.plus(Duration.ofHours(36)))))
        .as("exactly the window is allowed")
        .hasSize(3);
  }

  @Test
  void builder_refusesABadLimitWindowOrJurisdiction() {
    assertThatThrownBy(() -> Open311.builder(desk.governance).limit(0))
        .isInstanceOfSatisfying(
            RuleConfigurationException.class, e -> assertThat(e.ruleId()).isEqualTo(Open311.LIMIT));
    assertThatThrownBy(() -> Open311.builder(desk.governance).window(Duration.ZERO))
        .isInstanceOfSatisfying(
            RuleConfigurationException.class,
            e -> assertThat(e.ruleId()).isEqualTo(Open311.WINDOW_LENGTH));
    assertThatThrownBy(() -> Open311.builder(desk.governance).jurisdiction(" "))
        .isInstanceOfSatisfying(
            RuleConfigurationException.class,
            e -> assertThat(e.ruleId()).isEqualTo(Open311.JURISDICTION));
  }

  @Test
  void zone_theBuildersOverridesThePolicys() {
    ServiceRequest utc =
        Open311.builder(desk.governance)
            .zone(ZoneOffset.UTC)
            .build()
            .request(desk.closed)
            .orElseThrow();

    assertThat(utc.requested()).isEqualTo(OffsetDateTime.parse("2024-03-04T01:00:00Z"));
    assertThat(Format.w3c(utc.requested())).isEqualTo("2024-03-04T01:00:00Z");
  }

  @Test
  void referredCase_notedAsReferred_stillOpen() {
    Open311 open311 = open311();
    assertThat(open311.request(desk.waiting).orElseThrow().statusNotes())
        .as("in its claim window")
        .isEqualTo("registered");
    desk.clock.set(Desk.NINE.plus(Duration.ofHours(26)));
    desk.governance.advance(); // nobody up to the district acts for traffic: referred

    assertThat(desk.governance.require(desk.waiting).awaitsCentre()).isTrue();
    ServiceRequest referred = open311.request(desk.waiting).orElseThrow();
    assertThat(referred.status()).isEqualTo(RequestStatus.OPEN);
    assertThat(referred.statusNotes()).isEqualTo("referred");
  }

  @Test
  void suspendedAndReopened_stillOpen_notedByStage() {
    IncidentId parked = desk.report(Desk.VENDING, "stall again");
    desk.governance.register(Desk.CENTRE, parked, Optional.empty(), Optional.empty(), "");
    desk.governance.claim(Desk.MANAGER, parked);
    desk.governance.suspend(Desk.CENTRE, parked, "owner in court");
    desk.governance.reopen(Desk.CENTRE, desk.closed, "callback: stall back");

    Open311 open311 = open311();
    ServiceRequest suspended = open311.request(parked).orElseThrow();
    assertThat(suspended.status()).isEqualTo(RequestStatus.OPEN);
    assertThat(suspended.statusNotes()).isEqualTo("suspended");
    assertThat(suspended.expected()).as("no deadline runs while parked").isEmpty();
    ServiceRequest reopened = open311.request(desk.closed).orElseThrow();
    assertThat(reopened.status()).isEqualTo(RequestStatus.OPEN);
    assertThat(reopened.statusNotes()).isEqualTo("dispatched");
    assertThat(reopened.updated().toInstant()).isEqualTo(desk.clock.instant());
  }

  @Test
  void limitOverManyDays_sameAsOneScanOfTheWholeWindow() {
    java.util.Random random = new java.util.Random(7);
    Instant at = Desk.NINE.plus(Duration.ofHours(4));
    for (int i = 0; i < 60; i++) {
      at = at.plus(Duration.ofMinutes(random.nextInt(20 * 60)));
      desk.clock.set(at);
      IncidentId id = desk.report(random.nextBoolean() ? Desk.VENDING : Desk.CAR, "case " + i);
      if (random.nextInt(3) == 0) {
        desk.governance.reject(
            Desk.CENTRE,
            id,
            org.gridgov.core.incident.RejectionKind.INVALID,
            Optional.empty(),
            "not ours");
      }
    }
    desk.clock.set(at.plus(Duration.ofDays(3)));
    Instant now = desk.clock.instant();
    List<Incident> all = new java.util.ArrayList<>();
    desk.governance
        .histories(now.minus(Duration.ofDays(90)), now.plusNanos(1))
        .forEach(h -> all.add(Incident.replay(h)));
    assertThat(all).hasSize(63);

    for (int limit : List.of(1, 4, 17, 40, 100)) {
      for (RequestQuery query :
          List.of(
              RequestQuery.all(),
              RequestQuery.all().withStatuses(List.of(RequestStatus.CLOSED)),
              RequestQuery.all().withServiceCodes(List.of(Desk.CAR)))) {
        List<String> expected =
            all.stream()
                .filter(
                    i ->
                        query.statuses().isEmpty()
                            || query.statuses().contains(RequestStatus.of(i.stage())))
                .filter(
                    i ->
                        query.serviceCodes().isEmpty()
                            || query.serviceCodes().contains(i.category()))
                .sorted(
                    java.util.Comparator.comparing(Incident::reportedAt)
                        .reversed()
                        .thenComparing(Incident::id))
                .limit(limit)
                .map(i -> i.id().value())
                .toList();
        assertThat(Open311.builder(desk.governance).limit(limit).build().requests(query))
            .as("limit %d, %s", limit, query)
            .extracting(ServiceRequest::id)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  /**
   * The README: the store is read backwards from the window's end, a day, then two, four … at a
   * time, and stops once the limit is reached. Desk's three cases all lie in the last day.
   */
  @Test
  void limitReachedInTheLastDay_olderSpansNotRead() {
    List<Instant> readFrom = new ArrayList<>();
    Desk reads = new Desk(readsRecorded(InMemoryGridStorage.create(), readFrom));
    Instant now = reads.clock.instant();

    readFrom.clear();
    assertThat(Open311.builder(reads.governance).limit(3).build().requests(RequestQuery.all()))
        .hasSize(3);
    assertThat(readFrom)
        .as("one day read, the limit reached in it")
        .isNotEmpty()
        .containsOnly(now.plusNanos(1).minus(Duration.ofDays(1)));

    readFrom.clear();
    assertThat(Open311.builder(reads.governance).limit(4).build().requests(RequestQuery.all()))
        .hasSize(3);
    assertThat(readFrom)
        .as("short of the limit: down to the window's start")
        .contains(now.minus(Duration.ofDays(90)));
  }

  /** {@code store} as it is, recording where each read of histories by report time starts. */
  private static GridStorage readsRecorded(GridStorage store, List<Instant> readFrom) {
    IncidentStore incidents =
        (IncidentStore)
            Proxy.newProxyInstance(
                IncidentStore.class.getClassLoader(),
                new Class<?>[] {IncidentStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("historiesAliveBetween")) {
                    readFrom.add((Instant) args[0]);
                  }
                  return delegate(method, store.incidents(), args);
                });
    return (GridStorage)
        Proxy.newProxyInstance(
            GridStorage.class.getClassLoader(),
            new Class<?>[] {GridStorage.class},
            (proxy, method, args) ->
                method.getName().equals("incidents") ? incidents : delegate(method, store, args));
  }

  private static Object delegate(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
