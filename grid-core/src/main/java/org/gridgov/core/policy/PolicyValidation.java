package org.gridgov.core.policy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gridgov.core.RuleId;
import org.gridgov.core.Violation;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Runs Jakarta Validation (Hibernate Validator, no EL needed) on a policy and renders each
 * constraint violation as a {@link Violation} with a dotted path: Hibernate's {@code
 * escalation.quota[STREET]} becomes {@code escalation.quota.STREET}, while a list keeps its index
 * in brackets as the policy reader writes it ({@code dispatch.timeLimits[0].replyWithin}).
 */
final class PolicyValidation {
  private static final Validator VALIDATOR = buildValidator();
  private static final Map<String, RuleId> RULES =
      Map.of(
          "NotNull", PolicyRules.REQUIRED,
          "NotBlank", PolicyRules.REQUIRED,
          "Min", PolicyRules.MINIMUM,
          "Pattern", PolicyRules.ID,
          "Share", PolicyRules.SHARE,
          "PositiveDuration", PolicyRules.DURATION);

  private PolicyValidation() {}

  static List<Violation> constraintViolations(PolicySet policy) {
    List<Violation> violations = new ArrayList<>();
    List<ConstraintViolation<PolicySet>> found = new ArrayList<>(VALIDATOR.validate(policy));
    found.sort(Comparator.comparing(v -> render(v.getPropertyPath())));
    for (ConstraintViolation<PolicySet> v : found) {
      Class<? extends Annotation> type =
          v.getConstraintDescriptor().getAnnotation().annotationType();
      RuleId rule = RULES.getOrDefault(type.getSimpleName(), PolicyRules.TYPE);
      Object value = v.getInvalidValue();
      violations.add(Violation.of(render(v.getPropertyPath()), rule, v.getMessage(), value));
    }
    return violations;
  }

  /**
   * {@code a.b[KEY].c} as {@code a.b.KEY.c}, {@code a.b[0].c} as it is; container-element nodes add
   * only their key.
   */
  static String render(Path path) {
    StringBuilder text = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        if (node.getKey() != null) {
          append(text, String.valueOf(node.getKey()));
        } else if (node.getIndex() != null) {
          text.append('[').append(node.getIndex()).append(']');
        }
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<")) {
        append(text, name);
      }
    }
    return text.toString();
  }

  private static void append(StringBuilder text, String part) {
    if (text.length() > 0) {
      text.append('.');
    }
    text.append(part);
  }

  private static Validator buildValidator() {
    ValidatorFactory factory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    return factory.getValidator();
  }
}
