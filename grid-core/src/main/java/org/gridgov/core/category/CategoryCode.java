package org.gridgov.core.category;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.core.InputRules;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.internal.Checks;

/**
 * A minor category (小类) code: the kind, a 2-digit major class (大类) and a 2- or 3-digit minor class,
 * written {@code P0101} (part 01 公用设施 / 01 上水井盖) or {@code E0401}. Parts and events share the digit
 * pattern (CJ/T 214), so the kind letter keeps them apart.
 */
public record CategoryCode(CategoryKind kind, String major, String minor)
    implements Comparable<CategoryCode> {
  private static final Pattern TEXT = Pattern.compile("([PE])([0-9]{2})([0-9]{2,3})");
  private static final String SUBJECT = "category code";

  /**
   * @throws InvalidInputException about the {@code category code}: at {@code kind} when it is null
   *     ({@code input.required}), at {@code major} or {@code minor} when it is not a class's digits
   *     ({@code category.code})
   */
  public CategoryCode {
    if (kind == null) {
      throw Checks.invalid(SUBJECT, "kind", InputRules.REQUIRED, "is required", null);
    }
    if (major == null || !major.matches("[0-9]{2}") || major.equals("00")) {
      throw Checks.invalid(
          SUBJECT, "major", Category.CODE, "the major class has 2 digits from 01 to 99", major);
    }
    if (minor == null || !minor.matches("[0-9]{2,3}") || Integer.parseInt(minor) == 0) {
      throw Checks.invalid(
          SUBJECT,
          "minor",
          Category.CODE,
          "the minor class has 2 or 3 digits and is not zero",
          minor);
    }
  }

  /**
   * Parses {@code P0101}, {@code E0401} or {@code E04081}.
   *
   * @throws InvalidInputException about the {@code category code} at {@code text}: {@code
   *     input.required} when it is null, {@code category.code} when it is no code
   */
  public static CategoryCode parse(String text) {
    if (text == null) {
      throw Checks.invalid(SUBJECT, "text", InputRules.REQUIRED, "is required", null);
    }
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      throw Checks.invalid(
          SUBJECT,
          "text",
          Category.CODE,
          "must be P or E, 2 major digits and 2 or 3 minor digits (e.g. P0101)",
          text);
    }
    CategoryKind kind = m.group(1).equals("P") ? CategoryKind.PART : CategoryKind.EVENT;
    return new CategoryCode(kind, m.group(2), m.group(3));
  }

  /**
   * Orders as the codes' text ({@link #toString}) does, without building it: the kind's letter,
   * then the two major digits, then the minor digits, which end the text. Catalogue and policy
   * lookups binary-search by this order on every dispatch.
   */
  @Override
  public int compareTo(CategoryCode other) {
    int byKind = Character.compare(kind.prefix(), other.kind.prefix());
    if (byKind != 0) {
      return byKind;
    }
    int byMajor = major.compareTo(other.major);
    return byMajor != 0 ? byMajor : minor.compareTo(other.minor);
  }

  @Override
  public String toString() {
    return kind.prefix() + major + minor;
  }

  /** Written out rather than left to the record: category codes key hot maps. */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof CategoryCode that
            && kind == that.kind
            && major.equals(that.major)
            && minor.equals(that.minor);
  }

  @Override
  public int hashCode() {
    return (kind.ordinal() * 31 + major.hashCode()) * 31 + minor.hashCode();
  }
}
