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
import org.gridgov.core.internal.Decimals;

/**
 * A share: a {@link BigDecimal} between 0 and 1 inclusive, with at most {@value #MAX_DECIMALS}
 * decimals (null is left to {@code @NotNull}). The bound on decimals keeps the sums and comparisons
 * of the cross-field checks cheap: {@code 1e-999999999} lies between 0 and 1, but adding it to 0.8
 * would need a billion digits.
 */
@Documented
@Constraint(validatedBy = Share.Validator.class)
@Target({FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface Share {
  /** The most decimals a share may have (trailing zeros do not count). */
  int MAX_DECIMALS = 100;

  String message() default "must be between 0 and 1";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link Share}. */
  final class Validator implements ConstraintValidator<Share, BigDecimal> {
    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
      if (value == null || !inRange(value)) {
        return value == null;
      }
      if (!fewDecimals(value)) {
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate("must have at most " + MAX_DECIMALS + " decimals")
            .addConstraintViolation();
        return false;
      }
      return true;
    }

    /** Whether {@code value} is a valid share; the cross-field checks use only those. */
    static boolean valid(BigDecimal value) {
      return value != null && inRange(value) && fewDecimals(value);
    }

    private static boolean inRange(BigDecimal value) {
      return value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
    }

    /** Read without arithmetic, which a billion decimals would make slow (a share is at most 1). */
    private static boolean fewDecimals(BigDecimal value) {
      return Decimals.within(value, 1, MAX_DECIMALS);
    }
  }
}
