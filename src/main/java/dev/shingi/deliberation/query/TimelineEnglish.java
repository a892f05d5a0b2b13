package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.Phrase;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A timeline sentence in the English of the bundle ({@code messages_en.properties}, the pages' own), as the API's
 * {@code summary} gives it: its words of the model (kinds, dispositions, roles) are said by name, as the API names them.
 */
final class TimelineEnglish {
    private static final ResourceBundle EN = ResourceBundle.getBundle("messages", Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private TimelineEnglish() {
    }

    static String of(Phrase sentence) {
        return sentence.say((key, args) -> key.startsWith("timeline.") && EN.containsKey(key)
                ? new MessageFormat(EN.getString(key), Locale.ENGLISH).format(args) : null);
    }
}
