package org.gridgov.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gridgov.core.Directory;
import org.gridgov.core.InputRules;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.Incident;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.incident.IncidentReported;
import org.gridgov.core.incident.Source;
import org.gridgov.core.people.Roster;
import org.gridgov.core.policy.PolicySet;
import org.gridgov.core.policy.PolicyTimeline;
import org.gridgov.core.policy.Presets;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Divisions;
import org.gridgov.core.territory.Level;
import org.junit.jupiter.api.Test;

/**
 * What the SPI's default methods promise every store that does not override them, on a store
 * answering only the abstract methods a test names.
 */
class StoreDefaultsTest {
  private static final Instant T = Instant.parse("2024-03-04T01:00:00Z");
  private static final IncidentEvent CLOSED =
      new IncidentClosed(IncidentId.of("i1"), Actor.centre("seat-1"), T.plusSeconds(60), "");

  /** A {@code type} whose default methods run as written, its others as {@code answers} says. */
  @SuppressWarnings("unchecked")
  private static <S> S store(Class<S> type, Map<String, Function<Object[], Object>> answers) {
    return (S)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
              }
              Function<Object[], Object> answer = answers.get(method.getName());
              if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
              }
              return answer.apply(args);
            });
  }

  private static IncidentReported reported(String id) {
    return new IncidentReported(
        IncidentId.of(id),
        Actor.centre("seat-1"),
        T,
        "",
        Source.PATROL,
        CategoryCode.parse("P0110"),
        AreaCode.of("330102011002001", Level.GRID),
        Optional.empty(),
        Optional.empty(),
        false,
        "lamp out",
        Optional.empty());
  }

  private static Incident incident(String id) {
    return Incident.start(reported(id));
  }

  @Test
  void appendAll_skipsStaleAndUnknownIncidents_keepsTheOthersInOrder() {
    List<String> asked = new ArrayList<>();
    IncidentStore store =
        store(
            IncidentStore.class,
            Map.of(
                "append",
                args -> {
                  String id = args[0].toString();
                  asked.add(id + "@" + args[1]);
                  return switch (id) {
                    case "i2" -> throw new StaleVersionException("incident", id, 1, 2);
                    case "i3" -> throw new NotFoundException("incident", id);
                    default -> incident(id);
                  };
                }));

    List<Incident> appended =
        store.appendAll(
            List.of(
                Append.of(IncidentId.of("i4"), 1, List.of(CLOSED)),
                Append.of(IncidentId.of("i2"), 1, List.of(CLOSED)),
                Append.of(IncidentId.of("i3"), 1, List.of(CLOSED)),
                Append.of(IncidentId.of("i1"), 5, List.of(CLOSED))));

    assertThat(appended).extracting(i -> i.id().value()).containsExactly("i4", "i1");
    assertThat(asked).containsExactly("i4@1", "i2@1", "i3@1", "i1@5");
  }

  @Test
  void appendAll_failureThatMayHaveStoredTheBatch_reachesTheCaller() {
    IncidentStore store =
        store(
            IncidentStore.class,
            Map.of(
                "append",
                args -> {
                  throw new OutcomeUnknownException(
                      "commit failed: it may have been stored or not", null);
                }));

    assertThatThrownBy(
            () -> store.appendAll(List.of(Append.of(IncidentId.of("i1"), 1, List.of(CLOSED)))))
        .isInstanceOf(OutcomeUnknownException.class);
  }

  @Test
  void appendAll_nullListOrElement_refusedBeforeAnyAppend() {
    List<String> asked = new ArrayList<>();
    IncidentStore store =
        store(
            IncidentStore.class,
            Map.of(
                "append",
                args -> {
                  asked.add(args[0].toString());
                  return incident(args[0].toString());
                }));

    assertThatThrownBy(() -> store.appendAll(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("appends");
    assertThatThrownBy(
            () ->
                store.appendAll(
                    Arrays.asList(Append.of(IncidentId.of("i1"), 1, List.of(CLOSED)), null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("append");
    assertThat(asked).isEmpty();
  }

  @Test
  void checkLimit_oneOrMore_accepted_belowOne_refusedNamingTheCall() {
    IncidentStore.checkLimit("dueAt", 1);
    IncidentStore.checkLimit("claimDue", Integer.MAX_VALUE);

    assertThat(
            refusal(
                () -> IncidentStore.checkLimit("dueAt", 0),
                "dueAt call",
                "limit",
                InputRules.RANGE))
        .hasToString("limit: must be at least 1, was 0 [input.range]");
    refusal(
        () -> IncidentStore.checkLimit("claimDue", -1), "claimDue call", "limit", InputRules.RANGE);
  }

  @Test
  void checkOpening_aReportFirst_returnsIt() {
    IncidentReported reported = reported("i1");

    assertThat(IncidentStore.checkOpening(List.of(reported, CLOSED))).isSameAs(reported);
  }

  @Test
  void append_holdsItsEvents() {
    Append append = Append.of(IncidentId.of("i1"), 3, new ArrayList<>(List.of(CLOSED)));

    assertThat(append.id()).isEqualTo(IncidentId.of("i1"));
    assertThat(append.expectedVersion()).isEqualTo(3);
    assertThat(append.events()).containsExactly(CLOSED);
  }

  @Test
  void revision_theStoredOne_orZeroBeforeTheFirstSave() {
    Directory directory = Directory.of(Divisions.jingfangExample(), Roster.of(List.of()));
    DirectoryStore saved =
        store(
            DirectoryStore.class,
            Map.of("load", args -> Optional.of(new Revision<>(directory, 7))));
    DirectoryStore empty = store(DirectoryStore.class, Map.of("load", args -> Optional.empty()));

    assertThat(saved.revision()).isEqualTo(7);
    assertThat(empty.revision()).isZero();
  }

  @Test
  void versionCount_theTimelinesVersions_orZeroForAnUnknownPolicy() {
    PolicySet v1 = Presets.kaixuan();
    PolicySet v2 =
        new PolicySet(
            "kaixuan",
            2,
            Instant.parse("2030-01-01T00:00:00Z"),
            v1.zone(),
            v1.source(),
            v1.dispatch(),
            v1.returns(),
            v1.verification(),
            v1.escalation(),
            v1.targets(),
            v1.pay());
    PolicyStore store =
        store(
            PolicyStore.class,
            Map.of(
                "timeline",
                args ->
                    "kaixuan".equals(args[0])
                        ? Optional.of(PolicyTimeline.of(List.of(v1, v2)))
                        : Optional.empty()));

    assertThat(store.versionCount("kaixuan")).isEqualTo(2);
    assertThat(store.versionCount("dongcheng")).isZero();
    refusal(() -> store.versionCount("kai xuan"), "policy lookup", "policyId", InputRules.FORMAT);
  }

  @Test
  void exceptions_keepWhatTheyAreAbout() {
    StaleVersionException stale = new StaleVersionException("incident", IncidentId.of("i1"), 2, 5);
    DuplicateException duplicate = new DuplicateException("policy", "kaixuan v2");
    NotFoundException missing = new NotFoundException("incident", IncidentId.of("i9"));

    assertThat(stale).hasMessage("incident i1 is at version 5, the writer expected 2");
    assertThat(stale.kind()).isEqualTo("incident");
    assertThat(stale.id()).isEqualTo("i1");
    assertThat(stale.expectedVersion()).isEqualTo(2);
    assertThat(stale.actualVersion()).isEqualTo(5);
    assertThat(duplicate).hasMessage("policy kaixuan v2 is already stored");
    assertThat(duplicate.kind()).isEqualTo("policy");
    assertThat(duplicate.id()).isEqualTo("kaixuan v2");
    assertThat(missing).hasMessage("no incident i9");
    assertThat(missing.kind()).isEqualTo("incident");
    assertThat(missing.id()).isEqualTo("i9");
  }
}
