package org.gridgov.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.core.Refusals.refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Violation;
import org.gridgov.core.incident.Actor;
import org.gridgov.core.incident.IncidentClosed;
import org.gridgov.core.incident.IncidentEvent;
import org.gridgov.core.incident.IncidentId;
import org.junit.jupiter.api.Test;

class IncidentStoreTest {
  private static final Instant T = Instant.parse("2024-03-04T00:00:00Z");

  @Test
  void checkOwner_upToTheBound_returnsIt() {
    String longest = "n".repeat(IncidentStore.MAX_OWNER_LENGTH);

    assertThat(IncidentStore.checkOwner(longest)).isSameAs(longest);
    assertThat(IncidentStore.checkOwner("节点-1")).isEqualTo("节点-1");
  }

  @Test
  void checkOwner_tooLongBlankOrUnstorable_refusedNamingOwnerBoundAndLength() {
    assertThat(
            refusal(
                () -> IncidentStore.checkOwner("n".repeat(129)),
                "lease",
                "owner",
                InputRules.FORMAT))
        .hasToString("owner: must be at most 128 characters, was 129" + " [input.format]");
    refusal(() -> IncidentStore.checkOwner(""), "lease", "owner", InputRules.REQUIRED);
    refusal(() -> IncidentStore.checkOwner(" \t"), "lease", "owner", InputRules.REQUIRED);
    assertThat(
            refusal(() -> IncidentStore.checkOwner("node-a "), "lease", "owner", InputRules.FORMAT)
                .message())
        .isEqualTo("must not end with a space");
    assertThat(
            refusal(
                    () -> IncidentStore.checkOwner("node\u0000a"),
                    "lease",
                    "owner",
                    InputRules.FORMAT)
                .message())
        .isEqualTo("must not hold a NUL character (at 4)");
    assertThat(
            refusal(
                    () -> IncidentStore.checkOwner("node\uD83C"),
                    "lease",
                    "owner",
                    InputRules.FORMAT)
                .message())
        .isEqualTo("must not hold half of a surrogate pair (at 4)");
    assertThatThrownBy(() -> IncidentStore.checkOwner(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("owner");
  }

  @Test
  void checkExpectedVersion_zeroOrMore_accepted_negative_refusedNamingIt() {
    IncidentStore.checkExpectedVersion(0);
    IncidentStore.checkExpectedVersion(Long.MAX_VALUE);
    IncidentStore.checkExpectedVersion(IncidentId.of("i1"), 0);

    assertThat(
            refusal(
                () -> IncidentStore.checkExpectedVersion(-1),
                "append",
                "expectedVersion",
                InputRules.RANGE))
        .hasToString("expectedVersion: must not be negative, was -1 [input.range]");
    refusal(
        () -> IncidentStore.checkExpectedVersion(Long.MIN_VALUE),
        "append",
        "expectedVersion",
        InputRules.RANGE);
    refusal(
        () -> IncidentStore.checkExpectedVersion(IncidentId.of("i1"), -1),
        "append to incident i1",
        "expectedVersion",
        InputRules.RANGE);
  }

  @Test
  void append_negativeExpectedVersion_refusedWhenBuilt() {
    assertThat(
            refusal(
                    () -> Append.of(IncidentId.of("i1"), -1, List.of()),
                    "append to incident i1",
                    "expectedVersion",
                    InputRules.RANGE)
                .value())
        .as("the version is checked before the events")
        .isEqualTo("-1");
  }

  @Test
  void append_noEvents_refusedNamingTheIncident() {
    refusal(
        () -> Append.of(IncidentId.of("i1"), 0, List.of()),
        "append to incident i1",
        "events",
        InputRules.RANGE);
  }

  @Test
  void leaseEnd_positiveAndByTheLatestInstant_nowPlusLease() {
    Instant last = IncidentEvent.MAX_INSTANT;

    assertThat(IncidentStore.leaseEnd(last.minusSeconds(300), Duration.ofMinutes(5)))
        .isEqualTo(last);
    assertThat(
            refusal(
                () -> IncidentStore.leaseEnd(last.minusSeconds(299), Duration.ofMinutes(5)),
                "lease",
                "lease",
                InputRules.RANGE))
        .hasToString(
            "lease: must end by "
                + "9999-12-31T23:59:59.999999Z when taken at 9999-12-31T23:55:00.999999Z, was PT5M"
                + " [input.range]");
    refusal(
        () -> IncidentStore.leaseEnd(Instant.MAX, Duration.ofMinutes(5)),
        "lease",
        "lease",
        InputRules.RANGE);
    assertThat(
            refusal(
                    () ->
                        IncidentStore.leaseEnd(
                            Instant.parse("2024-03-04T09:00:00Z"),
                            Duration.ofSeconds(Long.MAX_VALUE)),
                    "lease",
                    "lease",
                    InputRules.RANGE)
                .message())
        .as("too long to subtract from the last instant")
        .startsWith("must end by");
    assertThat(IncidentStore.leaseEnd(Instant.parse("2024-03-04T09:00:00Z"), Duration.ofMinutes(5)))
        .isEqualTo(Instant.parse("2024-03-04T09:05:00Z"));
    assertThatThrownBy(() -> IncidentStore.leaseEnd(last.minusSeconds(600), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("lease");
    assertThat(
            refusal(
                () -> IncidentStore.leaseEnd(last.minusSeconds(600), Duration.ZERO),
                "lease",
                "lease",
                InputRules.RANGE))
        .hasToString("lease: must be positive, was PT0S [input.range]");
  }

  @Test
  void checkOpening_emptyOrNotStartingWithAReport_refused() {
    refusal(() -> IncidentStore.checkOpening(List.of()), "intake", "opening", InputRules.RANGE);
    assertThat(
            refusal(
                () ->
                    IncidentStore.checkOpening(
                        List.of(
                            new IncidentClosed(
                                IncidentId.of("i1"), Actor.centre("seat-1"), T, ""))),
                "intake",
                "opening[0]",
                InputRules.RANGE))
        .hasToString(
            "opening[0]: must be an IncidentReported event, was IncidentClosed [input.range]");
    assertThatThrownBy(() -> IncidentStore.checkOpening(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("opening");
  }

  @Test
  void checkPeriod_endBeforeStart_refusedNamingBoth_emptyPeriodAllowed() {
    IncidentStore.checkPeriod(T, T);
    assertThat(
            refusal(
                () -> IncidentStore.checkPeriod(T, T.minusSeconds(1)),
                "period",
                "to",
                InputRules.RANGE))
        .hasToString(
            "to: must not be before from 2024-03-04T00:00:00Z,"
                + " was 2024-03-03T23:59:59Z [input.range]");
    assertThatThrownBy(() -> IncidentStore.checkPeriod(null, T))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("from");
  }

  @Test
  void checkAliveBetween_emptyIntervalOrNoPage_refusedNamingEachParameter() {
    IncidentStore.checkAliveBetween(T, T.plusSeconds(1), 1);

    refusal(
        () -> IncidentStore.checkAliveBetween(T, T, 1),
        "page of histories",
        "to",
        InputRules.RANGE);
    assertThat(
            refusal(
                () -> IncidentStore.checkAliveBetween(T, T.plusSeconds(1), 0),
                "page of histories",
                "limit",
                InputRules.RANGE))
        .hasToString("limit: must be at least 1, was 0 [input.range]");
    assertThatThrownBy(() -> IncidentStore.checkAliveBetween(T, T.minusSeconds(1), -5))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::rule)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("to", "input.range"),
                        org.assertj.core.groups.Tuple.tuple("limit", "input.range")));
    assertThatThrownBy(() -> IncidentStore.checkAliveBetween(T, null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("to");
  }

  @Test
  void counterKey_nullEmptyTooLongOrUnstorable_refusedNamingTheKey() {
    assertThat(CounterStore.checkKey("k".repeat(CounterStore.MAX_KEY_LENGTH)))
        .hasSize(CounterStore.MAX_KEY_LENGTH);
    refusal(() -> CounterStore.checkKey(null), "counter", "key", InputRules.REQUIRED);
    assertThat(refusal(() -> CounterStore.checkKey(""), "counter", "key", InputRules.FORMAT))
        .hasToString("key: must be 1-191 characters, was 0 characters [input.format]");
    assertThat(
            refusal(
                    () -> CounterStore.checkKey("k".repeat(192)),
                    "counter",
                    "key",
                    InputRules.FORMAT)
                .value())
        .isEqualTo("192 characters");
    assertThat(
            refusal(() -> CounterStore.checkKey("quota "), "counter", "key", InputRules.FORMAT)
                .message())
        .isEqualTo("must not end with a space");
  }

  @Test
  void policyId_noPolicyId_refusedWithoutShowingIt() {
    assertThat(PolicyStore.checkId("kaixuan")).isEqualTo("kaixuan");
    Violation violation =
        refusal(
            () -> PolicyStore.checkId("kaixuan "), "policy lookup", "policyId", InputRules.FORMAT);
    assertThat(violation.value()).isEqualTo("a text of 8 characters");
    assertThat(violation.message()).startsWith("must be a policy id (");
    assertThatThrownBy(() -> PolicyStore.checkId(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policyId");
  }

  @Test
  void revision_belowOne_refusedNamingIt() {
    assertThat(new Revision<>("x", 1).revision()).isEqualTo(1);
    assertThat(
            refusal(() -> new Revision<>("x", 0), "stored revision", "revision", InputRules.RANGE)
                .value())
        .isEqualTo("0");
  }
}
