package org.gridgov.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.RuleConfigurationException;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;

/**
 * Argument checks that name the rule and the field, for compact constructors of records. Internal:
 * may change without notice; use only from gridgov modules.
 */
public final class Checks {
  private Checks() {}

  public static <T> T notNull(RuleId rule, String field, T value) {
    if (value == null) {
      throw new RuleConfigurationException(rule, field, "must not be null");
    }
    return value;
  }

  public static String notBlank(RuleId rule, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new RuleConfigurationException(rule, field, "must not be blank, was " + quote(value));
    }
    return value;
  }

  /**
   * Not blank, and a text every store keeps as it is ({@link
   * org.gridgov.core.incident.IncidentEvent#textProblem}: at most 4,000 characters, no NUL, no half
   * of a surrogate pair); the text itself is not shown.
   */
  public static String storableText(RuleId rule, String field, String value) {
    notBlank(rule, field, value);
    String problem = org.gridgov.core.incident.IncidentEvent.textProblem(value);
    if (problem != null) {
      throw new RuleConfigurationException(rule, field, problem);
    }
    return value;
  }

  public static Duration positive(RuleId rule, String field, Duration value) {
    notNull(rule, field, value);
    if (value.isNegative() || value.isZero()) {
      throw new RuleConfigurationException(rule, field, "must be positive, was " + value);
    }
    return value;
  }

  public static Duration notNegative(RuleId rule, String field, Duration value) {
    notNull(rule, field, value);
    if (value.isNegative()) {
      throw new RuleConfigurationException(rule, field, "must not be negative, was " + value);
    }
    return value;
  }

  public static int atLeast(RuleId rule, String field, int minimum, int value) {
    if (value < minimum) {
      throw new RuleConfigurationException(
          rule, field, "must be at least " + minimum + ", was " + value);
    }
    return value;
  }

  public static long atLeast(RuleId rule, String field, long minimum, long value) {
    if (value < minimum) {
      throw new RuleConfigurationException(
          rule, field, "must be at least " + minimum + ", was " + value);
    }
    return value;
  }

  public static int between(RuleId rule, String field, int min, int max, int value) {
    if (value < min || value > max) {
      throw new RuleConfigurationException(
          rule, field, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  public static <C extends Collection<?>> C notEmpty(RuleId rule, String field, C value) {
    notNull(rule, field, value);
    if (value.isEmpty()) {
      throw new RuleConfigurationException(rule, field, "must not be empty");
    }
    return value;
  }

  public static <M extends Map<?, ?>> M noNullEntries(RuleId rule, String field, M value) {
    notNull(rule, field, value);
    value.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new RuleConfigurationException(rule, field, "must not hold null keys or values");
          }
        });
    return value;
  }

  public static <C extends Collection<?>> C noNulls(RuleId rule, String field, C value) {
    notNull(rule, field, value);
    for (Object element : value) {
      if (element == null) {
        throw new RuleConfigurationException(rule, field, "must not hold null elements");
      }
    }
    return value;
  }

  /**
   * Refuses, as an {@link InvalidInputException} about {@code subject}, a null {@code value} (path
   * {@code field}) or every null element in it (paths {@code field[i]}), all at once.
   */
  public static <C extends Collection<?>> C noNullElements(
      String subject, RuleId rule, String field, C value) {
    if (value == null) {
      throw new InvalidInputException(subject, Violation.of(field, rule, "must not be null", null));
    }
    List<Violation> missing = new ArrayList<>();
    int i = 0;
    for (Object element : value) {
      if (element == null) {
        missing.add(Violation.of(field + "[" + i + "]", rule, "must not be null", null));
      }
      i++;
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(subject, missing);
    }
    return value;
  }

  /**
   * The refusal of one bad input to a factory, constructor or static check: an {@link
   * InvalidInputException} about {@code subject} (what was being built, with its id when known,
   * such as {@code worker w-17}) with one violation at {@code path}, the field's name. Built only
   * when refusing ({@code throw Checks.invalid(...)}), so a check that passes allocates nothing.
   */
  public static InvalidInputException invalid(
      String subject, String path, RuleId rule, String message, Object value) {
    return new InvalidInputException(subject, Violation.of(path, rule, message, value));
  }

  public static void check(RuleId rule, String field, boolean condition, String message) {
    if (!condition) {
      throw new RuleConfigurationException(rule, field, message);
    }
  }

  private static String quote(String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
