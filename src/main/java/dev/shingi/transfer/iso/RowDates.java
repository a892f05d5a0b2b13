package dev.shingi.transfer.iso;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table's dates: {@code 2024-06-24}, {@code 2024/6/24}, {@code 2024.06.24}, {@code 2024年6月24日},
 * {@code 24 June 2024}, {@code June 24, 2024}, or a date and time ({@code 2024-06-24T13:00}, with or without an
 * offset). A date without a time is the start of that day in the deliberation's zone.
 */
final class RowDates {
    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final List<DateTimeFormatter> WORDS = List.of(
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH), DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH), DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH));

    private RowDates() {
    }

    /** The instant the cell names, or null when it names none that can be read. */
    static Instant read(String cell, ZoneId zone) {
        String s = java.text.Normalizer.normalize(cell, java.text.Normalizer.Form.NFKC).strip();
        try {
            Matcher m = NUMERIC.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                        .atStartOfDay(zone).toInstant();
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        for (DateTimeFormatter f : WORDS) {
            try {
                return LocalDate.parse(s, f).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // a local date and time
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
