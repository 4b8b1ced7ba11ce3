package org.careloop.directory.catalog.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A capacity never has more places available than its maximum, when a maximum is given. */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = CapacityBounds.Validator.class)
public @interface CapacityBounds {

    String message() default "must be greater than or equal to available";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A capacity as the client sends it. */
    interface Bounded {
        Integer available();

        Integer maximum();
    }

    /** Reports the violation on {@code maximum}, the field the client has to change. */
    class Validator implements ConstraintValidator<CapacityBounds, Bounded> {
        @Override
        public boolean isValid(Bounded value, ConstraintValidatorContext context) {
            if (value == null
                    || value.available() == null
                    || value.maximum() == null
                    || value.maximum() >= value.available()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("maximum")
                    .addConstraintViolation();
            return false;
        }
    }
}
