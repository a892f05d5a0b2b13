package dev.shingi.pages;

import dev.shingi.deliberation.api.Phrase;
import dev.shingi.deliberation.api.TimelineEntry;
import dev.shingi.edge.ShownTime;
import org.springframework.context.MessageSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The timeline's sentences in the page's language, from the message bundles ({@code ${words.say(e)}}). A calendar
 * date among a message's values (a commitment's due date, which phrases keep as 2024-07-01) is said as the reader
 * reads dates: 2024年7月1日 on a Japanese page.
 */
public record Words(MessageSource messages, Locale locale) {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The event's sentence (V17 gave every timeline row its phrase). */
    public String say(TimelineEntry entry) {
        return say(entry.wording());
    }

    public String say(Phrase phrase) {
        return phrase.say((key, args) -> messages.getMessage(key, Arrays.stream(args).map(this::dated).toArray(),
                null, locale));
    }

    private Object dated(Object value) {
        if (value instanceof String s && ISO_DATE.matcher(s).matches()) {
            try {
                return ShownTime.date(LocalDate.parse(s), locale);
            } catch (java.time.format.DateTimeParseException e) {
                return s;
            }
        }
        return value;
    }
}
