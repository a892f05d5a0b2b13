package dev.shingi.pages;

import dev.shingi.deliberation.api.Correction;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * One row of a thread's corrections table as the page says it: the field's label, and each value as the reader reads
 * it (a kind or disposition by its bundle's label, a person by name, a time in the reader's zone and language). The
 * views keep the values as data (enum constants, ids, ISO instants) so that every language can say them.
 */
public record CorrectionRow(Correction correction, String fieldKey, Value oldValue, Value newValue) {

    /** A value: said through the bundle ({@code key}), as a time ({@code at}) or as it is ({@code text}). */
    public record Value(String text, String key, Instant at) {
    }

    static CorrectionRow of(Correction c, Map<String, String> names) {
        return new CorrectionRow(c, "correction.field." + c.field(), value(c.field(), c.oldValue(), names),
                value(c.field(), c.newValue(), names));
    }

    private static Value value(String field, String value, Map<String, String> names) {
        if (value == null) {
            return new Value(null, "form.none", null);
        }
        return switch (field) {
            case "kind" -> new Value(null, "kind." + value, null);
            case "disposition" -> new Value(null, "disposition." + value, null);
            case "author", "responder" -> new Value(names.getOrDefault(value, value), null, null);
            case "occurredAt" -> time(value);
            default -> new Value(value, null, null);
        };
    }

    private static Value time(String value) {
        try {
            return new Value(null, null, Instant.parse(value));
        } catch (DateTimeParseException e) {
            return new Value(value, null, null);
        }
    }
}
