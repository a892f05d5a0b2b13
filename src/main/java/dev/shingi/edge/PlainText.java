package dev.shingi.edge;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person wrote: no control characters other than tab and line breaks, and well-formed Unicode (no lone
 * surrogates, no non-characters), and no bidirectional embeddings, overrides or isolates (U+202A–U+202E,
 * U+2066–U+2069), which make a text show other than it reads ("Trojan Source"); the marks U+200E/U+200F stay. HTML is allowed and stored verbatim; every page escapes it.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {
    String message() default "must be well-formed Unicode text without control or bidirectional override characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length(); ) {
                int cp = value.codePointAt(i);
                if (Character.isSurrogate(value.charAt(i)) && (cp == value.charAt(i))) {
                    return false; // a lone surrogate
                }
                if (Character.getType(cp) == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r') {
                    return false;
                }
                if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
                    return false; // Unicode non-characters
                }
                if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                    return false; // bidirectional embedding, override or isolate
                }
                i += Character.charCount(cp);
            }
            return true;
        }
    }
}
