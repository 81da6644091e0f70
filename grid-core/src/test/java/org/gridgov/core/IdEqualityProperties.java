package org.gridgov.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridgov.core.Refusals.refusal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.category.CategoryKind;
import org.gridgov.core.incident.ExternalRef;
import org.gridgov.core.incident.IncidentId;
import org.gridgov.core.line.LineId;
import org.gridgov.core.people.Role;
import org.gridgov.core.people.WorkerId;
import org.gridgov.core.territory.AreaCode;
import org.gridgov.core.territory.Level;

/**
 * The ids write their own equals and hashCode (faster than the records' generated ones): value
 * equality over every component, as a record's, and a hash that agrees with it.
 */
class IdEqualityProperties {

  @Property(tries = 300)
  void stringIds_equalExactlyWhenTheirValuesDo(
      @ForAll @CharRange(from = 'a', to = 'z') @NumericChars @StringLength(max = 20) String a,
      @ForAll @CharRange(from = 'a', to = 'z') @NumericChars @StringLength(max = 20) String b) {
    agreesWithValues(v -> IncidentId.of("i" + v), a, b);
    agreesWithValues(v -> WorkerId.of("w" + v), a, b);
    agreesWithValues(v -> LineId.of("l" + v), a, b);
    agreesWithValues(v -> Role.of("r" + v), a, b);
    agreesWithValues(v -> RuleId.of("sim.r" + v), a, b);
  }

  private static <T> void agreesWithValues(Function<String, T> id, String a, String b) {
    T first = id.apply(a);
    T copy = id.apply(new String(a));
    T other = id.apply(b);
    assertThat(first)
        .isEqualTo(copy)
        .hasSameHashCodeAs(copy)
        .isNotEqualTo(null)
        .isNotEqualTo(first.toString());
    assertThat(first.equals(other)).isEqualTo(a.equals(b));
  }

  @Example
  void idsOfDifferentKinds_withTheSameValue_differ() {
    assertThat((Object) WorkerId.of("x1"))
        .isNotEqualTo(IncidentId.of("x1"))
        .isNotEqualTo(LineId.of("x1"));
  }

  @Example
  void incidentIds_withTheSameHash_stillCompareTheirValues() {
    // "Aa" and "BB" share String.hashCode, so the hash an IncidentId keeps cannot decide alone
    assertThat("iAa".hashCode()).isEqualTo("iBB".hashCode());
    assertThat(IncidentId.of("iAa"))
        .isNotEqualTo(IncidentId.of("iBB"))
        .hasSameHashCodeAs(IncidentId.of("iBB"));
    assertThat(IncidentId.of("iAa")).isEqualByComparingTo(IncidentId.of(new String("iAa")));
  }

  /**
   * An incident id compares its first nine characters as a number it keeps: ids that share a prefix
   * around that length (few characters, lengths 1 to 14) order as their values do.
   */
  @Property(tries = 1000)
  void incidentIds_orderAsTheirValues(
      @ForAll("similarTokens") String a, @ForAll("similarTokens") String b) {
    assertThat(Integer.signum(IncidentId.of(a).compareTo(IncidentId.of(b))))
        .as("%s against %s", a, b)
        .isEqualTo(Integer.signum(a.compareTo(b)));
  }

  @Provide
  Arbitrary<String> similarTokens() {
    Arbitrary<String> first = Arbitraries.of("I", "1", "z");
    Arbitrary<String> rest = Arbitraries.strings().withChars("I019z.:_-").ofMaxLength(13);
    return Combinators.combine(first, rest).as(String::concat);
  }

  @Example
  void ids_refuseWhatIsNotAToken_namingTheKindAndTheField() {
    refusal(() -> IncidentId.of(null), "incident id", "value", InputRules.REQUIRED);
    assertThat(
            refusal(() -> IncidentId.of("I 1"), "incident id", "value", InputRules.FORMAT).value())
        .isEqualTo("'I 1'");
    refusal(() -> WorkerId.of("w 1"), "worker id", "value", InputRules.FORMAT);
    refusal(() -> LineId.of(""), "line id", "value", InputRules.FORMAT);
    refusal(() -> ExternalRef.of("12345", "t 1"), "external reference", "id", InputRules.FORMAT);
    refusal(() -> ExternalRef.of(null, "t1"), "external reference", "system", InputRules.REQUIRED);
  }

  @Example
  void areaCodes_equalOnTheirDigits() {
    AreaCode street = AreaCode.of("110101001", Level.STREET);
    assertThat(street)
        .isEqualTo(AreaCode.parse(new String("110101001")))
        .hasSameHashCodeAs(AreaCode.parse("110101001"))
        .isNotEqualTo(AreaCode.of("110101002", Level.STREET))
        .isNotEqualTo(AreaCode.of("110101001001", Level.COMMUNITY));
  }

  @Property(tries = 200)
  void categoryCodes_equalOnEveryComponent(
      @ForAll boolean part,
      @ForAll @NumericChars @StringLength(2) String major,
      @ForAll @NumericChars @StringLength(min = 2, max = 3) String minor) {
    net.jqwik.api.Assume.that(!major.equals("00") && Integer.parseInt(minor) != 0);
    CategoryKind kind = part ? CategoryKind.PART : CategoryKind.EVENT;
    CategoryCode code = new CategoryCode(kind, major, minor);
    CategoryCode same = CategoryCode.parse(code.toString());
    assertThat(code).isEqualTo(same).hasSameHashCodeAs(same);
    CategoryKind otherKind = part ? CategoryKind.EVENT : CategoryKind.PART;
    assertThat(code).isNotEqualTo(new CategoryCode(otherKind, major, minor));
  }

  @Example
  void incidentIds_sharingTheirFirstNineCharacters_orderByTheRest() {
    IncidentId first = IncidentId.of("INC-2024-0001");
    IncidentId second = IncidentId.of("INC-2024-0002");

    assertThat(first).isLessThan(second);
    assertThat(second).isGreaterThan(first);
    assertThat(first.compareTo(IncidentId.of("INC-2024-0001"))).isZero();
  }

  @Example
  void incidentIds_deserialized_equalHashAndOrderAsBuilt() throws Exception {
    IncidentId id = IncidentId.of("INC-2024-0002");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(id);
    }
    Object read;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = in.readObject();
    }

    assertThat(read)
        .isInstanceOfSatisfying(
            IncidentId.class,
            back -> {
              assertThat(back).isEqualTo(id).hasSameHashCodeAs(id).isNotSameAs(id);
              assertThat(back.compareTo(IncidentId.of("INC-2024-0001"))).isPositive();
              assertThat(back.compareTo(id)).isZero();
            });
  }
}
