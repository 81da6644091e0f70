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
import java.time.Duration;

/** A {@link Duration} longer than zero (null is left to {@code @NotNull}). */
@Documented
@Constraint(validatedBy = PositiveDuration.Validator.class)
@Target({FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface PositiveDuration {
  String message() default "must be positive";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link PositiveDuration}. */
  final class Validator implements ConstraintValidator<PositiveDuration, Duration> {
    @Override
    public boolean isValid(Duration value, ConstraintValidatorContext context) {
      return value == null || (!value.isNegative() && !value.isZero());
    }
  }
}
