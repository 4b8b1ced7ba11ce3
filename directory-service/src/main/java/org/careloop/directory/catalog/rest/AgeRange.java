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

/** A service's maximum age is not below its minimum age, when both are given. */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = AgeRange.Validator.class)
public @interface AgeRange {

    String message() default "must be greater than or equal to minimum_age";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Something with an age range. */
    interface AgeLimited {
        Integer minimumAge();

        Integer maximumAge();
    }

    /** Reports the violation on {@code maximum_age}, with the JSON name the client used. */
    class Validator implements ConstraintValidator<AgeRange, AgeLimited> {
        @Override
        public boolean isValid(AgeLimited value, ConstraintValidatorContext context) {
            if (value == null
                    || value.minimumAge() == null
                    || value.maximumAge() == null
                    || value.maximumAge() >= value.minimumAge()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("maximum_age")
                    .addConstraintViolation();
            return false;
        }
    }
}
