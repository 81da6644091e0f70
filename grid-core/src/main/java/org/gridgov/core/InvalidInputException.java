package org.gridgov.core;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Input that breaks one or more rules. It lists every violation found, not only the first, so that
 * a user fixes a file in one pass; nothing was built or stored when it is thrown.
 */
public class InvalidInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String subject;
  private final ImmutableList<Violation> violations;

  public InvalidInputException(String subject, List<Violation> violations) {
    super(render(subject, violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
    }
    this.subject = subject;
    this.violations = ImmutableList.copyOf(violations);
  }

  public InvalidInputException(String subject, Violation violation) {
    this(subject, List.of(violation));
  }

  /** What was being read or built, such as {@code territory} or {@code policy kaixuan}. */
  public String subject() {
    return subject;
  }

  public ImmutableList<Violation> violations() {
    return violations;
  }

  private static String render(String subject, List<Violation> violations) {
    StringBuilder text = new StringBuilder("invalid ").append(subject).append(": ");
    text.append(violations.size()).append(violations.size() == 1 ? " violation" : " violations");
    for (Violation violation : violations) {
      text.append(System.lineSeparator()).append("  ").append(violation);
    }
    return text.toString();
  }
}
