package dev.shingi.pages;

import dev.shingi.deliberation.api.Phrase;
import dev.shingi.deliberation.api.TimelineEntry;
import org.springframework.context.MessageSource;

import java.util.Locale;

/** The timeline's sentences in the page's language, from the message bundles ({@code ${words.say(e)}}). */
public record Words(MessageSource messages, Locale locale) {

    /** The event's sentence (V17 gave every timeline row its phrase). */
    public String say(TimelineEntry entry) {
        return say(entry.wording());
    }

    public String say(Phrase phrase) {
        return phrase.say((key, args) -> messages.getMessage(key, args, null, locale));
    }
}
