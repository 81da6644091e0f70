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

/**
 * A {@link Duration} longer than zero and at most {@link #MAX} (null is left to {@code @NotNull}).
 * The bound keeps the deadlines a policy sets (an instant plus claim window, reply limit and
 * supervision delay) among the instants events may hold: {@code PT2562047788015215H} parses, but
 * the deadline it makes overflows an {@code Instant}.
 */
@Documented
@Constraint(validatedBy = PositiveDuration.Validator.class)
@Target({FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface PositiveDuration {
  /** The longest duration a policy may give: 3650 days, ten years. */
  Duration MAX = Duration.ofDays(3650);

  String message() default "must be positive";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link PositiveDuration}. */
  final class Validator implements ConstraintValidator<PositiveDuration, Duration> {
    @Override
    public boolean isValid(Duration value, ConstraintValidatorContext context) {
      if (value == null || value.isNegative() || value.isZero()) {
        return value == null;
      }
      if (value.compareTo(MAX) > 0) {
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate("must be at most " + MAX.toDays() + "d")
            .addConstraintViolation();
        return false;
      }
      return true;
    }
  }
}
