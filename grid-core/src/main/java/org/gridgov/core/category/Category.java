package org.gridgov.core.category;

import java.time.Duration;
import org.gridgov.core.RuleId;
import org.gridgov.core.internal.Checks;
import org.gridgov.core.line.LineId;

/**
 * A minor category (小类) of parts or events: its code, its Chinese name and major-class name, the
 * line that handles it by default, whether it is an emergency (never held back by a quota), its
 * default handling deadline, and whether it is a local extension added by the user rather than a
 * category of the shipped standard catalogue.
 */
public record Category(
    CategoryCode code,
    String name,
    String majorName,
    LineId defaultLine,
    boolean emergency,
    Duration handlingDeadline,
    boolean local) {
  public static final RuleId CODE = RuleId.of("category.code");
  public static final RuleId NAME = RuleId.of("category.name");
  public static final RuleId MAJOR_NAME = RuleId.of("category.major-name");
  public static final RuleId DEFAULT_LINE = RuleId.of("category.default-line");
  public static final RuleId DEADLINE = RuleId.of("category.deadline");

  public Category {
    Checks.notNull(CODE, "code", code);
    Checks.storableText(NAME, "name", name);
    Checks.storableText(MAJOR_NAME, "majorName", majorName);
    Checks.notNull(DEFAULT_LINE, "defaultLine", defaultLine);
    Checks.positive(DEADLINE, "handlingDeadline", handlingDeadline);
  }

  /**
   * Whether a case of this category is an emergency (紧急): when reported as one, or when the
   * category is an emergency category. The one urgency rule every part applies: registration's
   * claim window, the grade of a time limit, scoring's timed registration.
   */
  public boolean emergencyFor(boolean reportedAsEmergency) {
    return reportedAsEmergency || emergency;
  }

  /** Part or event, from the code. */
  public CategoryKind kind() {
    return code.kind();
  }

  /** This category flagged as a user-defined local extension. */
  public Category asLocal() {
    return local
        ? this
        : new Category(code, name, majorName, defaultLine, emergency, handlingDeadline, true);
  }
}
