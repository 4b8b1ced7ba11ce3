package org.careloop.directory.sdoh;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.careloop.contracts.codes.SdohCategories;

/** The value, when present, is one of the SDOHCC category codes, as {@code contracts} lists them. */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = SdohCategoryCode.Validator.class)
public @interface SdohCategoryCode {

    String message() default "must be an SDOHCC category code such as food-insecurity or housing-instability";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value against {@link SdohCategories#CODES}; null is left to {@code @NotNull}. */
    class Validator implements ConstraintValidator<SdohCategoryCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || SdohCategories.isCode(value);
        }
    }
}
