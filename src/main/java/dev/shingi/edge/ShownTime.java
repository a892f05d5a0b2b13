package dev.shingi.edge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An instant or a date as people read it, in their language: {@code 2024年6月24日 14:00} for a Japanese reader,
 * {@code 2024-06-24 14:00} for anyone else. One place for the pages and the reports. The Gregorian calendar throughout:
 * the ledger's dates are what the minutes' transcription and the API carry, and an era date (令和6年) beside each one
 * would double every timestamp on a page for little gain; a report that must be in 和暦 is a formatting choice to add
 * here, not in each page.
 */
public final class ShownTime {
    private static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter JA_MINUTES = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");
    private static final DateTimeFormatter JA_SECONDS = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm:ss");
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private ShownTime() {
    }

    /** To the minute, in {@code zone}; "—" for none. */
    public static String minutes(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "—" : instant.atZone(zone).format(japanese(locale) ? JA_MINUTES : ISO_MINUTES);
    }

    /** To the second, in {@code zone}; "—" for none. */
    public static String seconds(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "—" : instant.atZone(zone).format(japanese(locale) ? JA_SECONDS : ISO_SECONDS);
    }

    /** A calendar date (a commitment's due date); "—" for none. */
    public static String date(LocalDate date, Locale locale) {
        return date == null ? "—" : date.format(japanese(locale) ? JA_DATE : ISO_DATE);
    }

    private static boolean japanese(Locale locale) {
        return locale != null && "ja".equals(locale.getLanguage());
    }
}
