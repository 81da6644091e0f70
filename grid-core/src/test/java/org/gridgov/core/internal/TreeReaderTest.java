package org.gridgov.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;
import org.gridgov.core.Money;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.junit.jupiter.api.Test;

/**
 * The policy tree reader both policy loaders share, with each one's own rules: what it refuses, by
 * which rule id, and what it leaves to the caller.
 */
class TreeReaderTest {
  private static final RuleId REQUIRED = RuleId.of("t.required");
  private static final RuleId UNKNOWN = RuleId.of("t.unknown-field");
  private static final RuleId TYPE = RuleId.of("t.type");
  private static final RuleId RANGE = RuleId.of("t.range");
  private static final RuleId DURATION = RuleId.of("t.duration");
  private static final RuleId MONEY = RuleId.of("t.money");
  private static final RuleId ENUM = RuleId.of("t.enum");
  private static final RuleId NEGATIVE = RuleId.of("t.negative");
  private static final TreeReader.Rules PLAIN =
      new TreeReader.Rules(
          REQUIRED, UNKNOWN, TYPE, RANGE, DURATION, MONEY, ENUM, NEGATIVE, 0, 0, null);
  private static final TreeReader.Rules BOUNDED =
      new TreeReader.Rules(
          REQUIRED,
          UNKNOWN,
          TYPE,
          RANGE,
          DURATION,
          MONEY,
          ENUM,
          null,
          3,
          2,
          "must have at most 3 digits and 2 decimals");

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  private static String problems(TreeReader r) {
    return String.join("; ", r.violations().stream().map(Violation::toString).toList());
  }

  @Test
  void object_reportsUnknownFieldsAndWrongTypes_byPath() throws Exception {
    TreeReader r = new TreeReader(PLAIN);
    JsonNode tree = json("{\"a\": {\"known\": 1, \"other\": 2}, \"b\": 5}");

    assertThat(r.object(tree.get("a"), "a", true, "known")).isNotNull();
    assertThat(r.object(tree.get("b"), "b", true, "x")).isNull();
    assertThat(r.object(tree.get("c"), "c", true, "x")).isNull();
    assertThat(r.object(tree.get("c"), "c", false, "x")).isNull();

    assertThat(r.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a.other", UNKNOWN.value()),
            org.assertj.core.groups.Tuple.tuple("b", TYPE.value()),
            org.assertj.core.groups.Tuple.tuple("c", REQUIRED.value()));
  }

  @Test
  void integer_wholeNumbersWithinAnInt_elseTypeOrRange() throws Exception {
    TreeReader r = new TreeReader(PLAIN);
    JsonNode tree = json("{\"ok\": 7, \"big\": 3000000000, \"text\": \"7\", \"half\": 1.5}");

    assertThat(r.integer(tree.get("ok"), "ok", true)).isEqualTo(7);
    assertThat(r.integer(tree.get("big"), "big", true)).isNull();
    assertThat(r.integer(tree.get("text"), "text")).isZero();
    assertThat(r.integer(tree.get("half"), "half", false)).isNull();
    assertThat(r.integer(tree.get("none"), "none", false)).isNull();

    assertThat(problems(r))
        .isEqualTo(
            "big: is too large, was 3000000000 [t.range]; "
                + "text: must be a whole number, was 7 [t.type]; half: must be a whole number, was 1.5"
                + " [t.type]");
  }

  @Test
  void decimalAndMoney_boundsAndNegativeAmountsAsTheRulesSay() throws Exception {
    JsonNode tree =
        json(
            "{\"share\": 0.250, \"wide\": 1234.5, \"fine\": 12.345, \"owed\": -5,"
                + " \"fen\": 5.5}");
    TreeReader plain = new TreeReader(PLAIN);
    TreeReader bounded = new TreeReader(BOUNDED);

    assertThat(plain.decimal(tree.get("share"), "share", true)).isEqualTo(new BigDecimal("0.25"));
    assertThat(plain.decimal(tree.get("wide"), "wide", true)).isEqualTo(new BigDecimal("1234.5"));
    assertThat(plain.money(tree.get("owed"), "owed", true)).isNull();
    assertThat(plain.money(tree.get("fine"), "fine", true)).as("not whole fen").isNull();
    assertThat(plain.money(tree.get("fen"), "fen", true)).isEqualTo(Money.ofYuan("5.50"));
    assertThat(problems(plain))
        .isEqualTo(
            "owed: must not be negative, was -5 [t.negative]; "
                + "fine: must be whole fen (at most 2 decimals), was 12.345 [t.money]");

    assertThat(bounded.decimal(tree.get("wide"), "wide", true)).isNull();
    assertThat(bounded.money(tree.get("owed"), "owed", true))
        .as("left to the caller's checks")
        .isEqualTo(Money.ofYuan("-5"));
    assertThat(problems(bounded))
        .isEqualTo("wide: must have at most 3 digits and 2 decimals, was 1234.5 [t.range]");
  }

  @Test
  void durationsBy_oneForEveryConstantOrAMap_inTheConstantsOrder() throws Exception {
    TreeReader r = new TreeReader(PLAIN);
    JsonNode tree =
        json(
            "{\"every\": \"1h\", \"some\": {\"FRIDAY\": \"2h\", \"MONDAY\": \"30m\"},"
                + " \"bad\": {\"Funday\": \"1h\", \"TUESDAY\": \"soon\"}}");

    assertThat(r.durationsBy(tree.get("every"), "every", DayOfWeek.class))
        .hasSize(7)
        .containsEntry(DayOfWeek.SUNDAY, Duration.ofHours(1));
    assertThat(r.durationsBy(tree.get("some"), "some", DayOfWeek.class))
        .containsExactly(
            Map.entry(DayOfWeek.MONDAY, Duration.ofMinutes(30)),
            Map.entry(DayOfWeek.FRIDAY, Duration.ofHours(2)));
    assertThat(r.durationsBy(tree.get("none"), "none", DayOfWeek.class)).isEmpty();
    assertThat(r.durationsBy(tree.get("bad"), "bad", DayOfWeek.class)).isEmpty();

    assertThat(r.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bad.Funday", ENUM.value()),
            org.assertj.core.groups.Tuple.tuple("bad.TUESDAY", DURATION.value()));
  }

  @Test
  void rules_boundedDecimalsWithoutTheirMessage_refused() {
    assertThatThrownBy(
            () ->
                new TreeReader.Rules(
                    REQUIRED, UNKNOWN, TYPE, RANGE, DURATION, MONEY, ENUM, null, 3, 2, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rules_noBoundOnDecimals_needsNoMessage() {
    TreeReader.Rules unbounded =
        new TreeReader.Rules(
            REQUIRED, UNKNOWN, TYPE, RANGE, DURATION, MONEY, ENUM, null, 0, 0, null);

    assertThat(unbounded.maxIntegerDigits()).isZero();
    assertThat(unbounded.beyondBounds()).isNull();
  }

  @Test
  void mapListAndEntries_absentOrOfTheWrongType_empty() throws Exception {
    TreeReader r = new TreeReader(PLAIN);
    JsonNode tree = json("{\"text\": \"x\"}");

    assertThat(r.map(tree.get("none"), "none", (k, at) -> k, (v, at) -> v)).isEmpty();
    assertThat(r.list(tree.get("none"), "none", (v, at) -> v)).isEmpty();
    assertThat(r.list(tree.get("text"), "text", (v, at) -> v)).isEmpty();
    assertThat(r.entries(tree.get("none"), "none", (v, at) -> v)).isEmpty();
    assertThat(r.entries(tree.get("text"), "entries", (v, at) -> v)).isEmpty();

    assertThat(problems(r))
        .isEqualTo(
            "text: must be a list, was x [t.type]; entries: must be an object, was x [t.type]");
  }

  @Test
  void entries_eachReadInTheFileOrder_unreadableLeftOut() throws Exception {
    TreeReader r = new TreeReader(PLAIN);
    JsonNode tree = json("{\"m\": {\"z\": 3, \"bad\": \"x\", \"a\": 1}}");

    assertThat(r.entries(tree.get("m"), "m", (v, at) -> r.integer(v, at, true)))
        .containsExactly(Map.entry("z", 3), Map.entry("a", 1));
    assertThat(problems(r)).isEqualTo("m.bad: must be a whole number, was x [t.type]");
  }

  @Test
  void flag_absentFalse_otherThanABoolean_falseAndReported() throws Exception {
    TreeReader r = new TreeReader(PLAIN);
    JsonNode tree = json("{\"yes\": true, \"no\": false, \"text\": \"true\", \"one\": 1}");

    assertThat(r.flag(tree.get("yes"), "yes")).isTrue();
    assertThat(r.flag(tree.get("no"), "no")).isFalse();
    assertThat(r.flag(tree.get("none"), "none")).isFalse();
    assertThat(r.flag(tree.get("text"), "text")).isFalse();
    assertThat(r.flag(tree.get("one"), "one")).isFalse();

    assertThat(problems(r))
        .isEqualTo(
            "text: must be true or false, was true [t.type]; "
                + "one: must be true or false, was 1 [t.type]");
  }

  @Test
  void money_zeroIsNotNegative_theMostAllowed() throws Exception {
    TreeReader r = new TreeReader(PLAIN);
    JsonNode tree =
        json(
            "{\"zero\": 0, \"max\": "
                + Money.MAX_AMOUNT.yuan().toPlainString()
                + ", \"past\": "
                + Money.MAX_AMOUNT.yuan().add(new BigDecimal("0.01")).toPlainString()
                + "}");

    assertThat(r.money(tree.get("zero"), "zero", true)).isEqualTo(Money.ofYuan("0"));
    assertThat(r.money(tree.get("max"), "max", true)).isEqualTo(Money.MAX_AMOUNT);
    assertThat(r.money(tree.get("past"), "past", true)).isNull();
    assertThat(r.violations())
        .extracting(Violation::path, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("past", MONEY.value()));
  }
}
