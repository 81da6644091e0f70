package org.gridgov.core.policy;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.category.CategoryCode;
import org.gridgov.core.incident.Source;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.LineId;
import org.gridgov.core.territory.AreaKind;

/**
 * One row of a policy's time-limit table (处理时限): the reply limit of the cases it matches, by
 * category (a 小类 code or a prefix of one: {@code E05} for a 大类, {@code E} for every event), by the
 * line (department) the case is registered with when the limit is set (a department's limit for
 * whatever it is given, its categories scattered over the catalogue), by the {@link Source} the
 * case came from (the 12345 hotline's cases often have limits of their own), by grade (urgent or
 * normal) and by the {@link AreaKind} of the case's grid, each optional but not all. Standards.md
 * §4.2: the limit "is an attribute of the 小类, often also of the grade and of the area kind".
 *
 * <p>Of the rows that match a case, the most specific one counts: a longer category prefix beats a
 * shorter one, any category beats none, then a line beats none, then a source, then a grade, then
 * an area kind. {@link DispatchPolicy} refuses two rows that name the same things, so the choice is
 * never a tie. A row that names a category sets the limit outright, as {@code categoryDeadlines}
 * does; a row that names only a grade or an area kind stands in for {@code replyWithin}, so the
 * catalogue's own tighter limits (a missing manhole cover's 2 h) still hold under it.
 */
public record TimeLimit(
    Optional<String> category,
    Optional<LineId> line,
    Optional<Source> source,
    Optional<Grade> grade,
    Optional<AreaKind> areaKind,
    @NotNull @PositiveDuration Duration replyWithin) {

  /** How pressing a case is: urgent cases are those reported or categorised as emergencies. */
  public enum Grade {
    URGENT,
    NORMAL;

    /** The grade of a case that is, or is not, an emergency. */
    public static Grade of(boolean emergency) {
      return emergency ? URGENT : NORMAL;
    }
  }

  /**
   * @throws NullPointerException naming a null field
   * @throws InvalidInputException about the {@code time limit} at {@code category} ({@code
   *     policy.enum}, as a policy file's row) when it is no category code or prefix
   */
  public TimeLimit {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(areaKind, "areaKind");
    if (category.isPresent() && !isPrefix(category.get())) {
      throw Checks.invalid(
          "time limit",
          "category",
          PolicyRules.ENUM,
          "must be a category code or prefix such as E, E05 or P0113",
          category.get());
    }
  }

  /** A row that names no line. */
  public TimeLimit(
      Optional<String> category,
      Optional<Source> source,
      Optional<Grade> grade,
      Optional<AreaKind> areaKind,
      Duration replyWithin) {
    this(category, Optional.empty(), source, grade, areaKind, replyWithin);
  }

  /** A row that names no line and no source. */
  public TimeLimit(
      Optional<String> category,
      Optional<Grade> grade,
      Optional<AreaKind> areaKind,
      Duration replyWithin) {
    this(category, Optional.empty(), Optional.empty(), grade, areaKind, replyWithin);
  }

  /** A row for every case registered with {@code line}. */
  public static TimeLimit forLine(LineId line, Duration replyWithin) {
    return new TimeLimit(
        Optional.empty(),
        Optional.of(line),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        replyWithin);
  }

  /** A row for every case from {@code source}. */
  public static TimeLimit forSource(Source source, Duration replyWithin) {
    return new TimeLimit(
        Optional.empty(), Optional.of(source), Optional.empty(), Optional.empty(), replyWithin);
  }

  /** A row for every case in the areas of {@code kind}. */
  public static TimeLimit forAreaKind(AreaKind kind, Duration replyWithin) {
    return new TimeLimit(Optional.empty(), Optional.empty(), Optional.of(kind), replyWithin);
  }

  /** A row for every case of {@code grade}. */
  public static TimeLimit forGrade(Grade grade, Duration replyWithin) {
    return new TimeLimit(Optional.empty(), Optional.of(grade), Optional.empty(), replyWithin);
  }

  /** Whether {@code text} is P or E followed by up to 5 digits: a category code or its prefix. */
  public static boolean isPrefix(String text) {
    return text != null && text.matches("[PE][0-9]{0,5}");
  }

  /**
   * Whether this row applies to a case of {@code code} registered with {@code line} from {@code
   * source} (either null: unknown, which no row naming one matches) and of {@code grade} in an area
   * of {@code kind}.
   */
  boolean matches(String code, LineId line, Source source, Grade grade, AreaKind kind) {
    return (this.grade.isEmpty() || this.grade.get() == grade)
        && (this.source.isEmpty() || this.source.get() == source)
        && (this.line.isEmpty() || this.line.get().equals(line))
        && (areaKind.isEmpty() || areaKind.get() == kind)
        && (category.isEmpty() || code.startsWith(category.get()));
  }

  /**
   * How specific the row is: rows that match the same case differ in it unless they name the same
   * things. The category prefix's length counts most, then the line, the source, the grade and the
   * area kind (weights 16 a character, 8, 4, 2, 1: the four together weigh less than one character,
   * each more than the ones after it together).
   */
  int specificity() {
    return category.map(TimeLimit::specificityOf).orElse(0)
        + (line.isPresent() ? 8 : 0)
        + (source.isPresent() ? 4 : 0)
        + (grade.isPresent() ? 2 : 0)
        + (areaKind.isPresent() ? 1 : 0);
  }

  /** The specificity of a row that names the category (code or prefix) {@code text} alone. */
  static int specificityOf(String text) {
    return text.length() * 16;
  }

  /**
   * Whether {@code other} names the same category, line, source, grade and area kind as this row.
   */
  boolean sameKeys(TimeLimit other) {
    return category.equals(other.category)
        && line.equals(other.line)
        && source.equals(other.source)
        && grade.equals(other.grade)
        && areaKind.equals(other.areaKind);
  }

  /**
   * Whether this row names nothing but the category {@code code}, as a categoryDeadlines entry
   * does.
   */
  boolean onlyFor(CategoryCode code) {
    return line.isEmpty()
        && source.isEmpty()
        && grade.isEmpty()
        && areaKind.isEmpty()
        && category.isPresent()
        && category.get().equals(code.toString());
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    category.ifPresent(c -> text.append("category: ").append(c).append(", "));
    line.ifPresent(l -> text.append("line: ").append(l).append(", "));
    source.ifPresent(s -> text.append("source: ").append(s).append(", "));
    grade.ifPresent(g -> text.append("grade: ").append(g).append(", "));
    areaKind.ifPresent(k -> text.append("areaKind: ").append(k).append(", "));
    return text.append("replyWithin: ").append(replyWithin).append('}').toString();
  }
}
