package org.gridgov.core.policy;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/** A share: a {@link BigDecimal} between 0 and 1 inclusive (null is left to {@code @NotNull}). */
@Documented
@Constraint(validatedBy = Share.Validator.class)
@Target({FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface Share {
  String message() default "must be between 0 and 1";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link Share}. */
  final class Validator implements ConstraintValidator<Share, BigDecimal> {
    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
      return value == null || (value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0);
    }
  }
}
