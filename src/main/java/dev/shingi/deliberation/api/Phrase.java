package dev.shingi.deliberation.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Words to be said in the reader's language: a message of the bundles ({@code key}, filled with {@code args}), or a
 * text said as it is (a name, a reference, a comment's own words: {@code key} null). A message may carry a
 * {@code text} too: what is said where the message is not looked up (an enum's name in the API's English sentence).
 * The timeline's sentences are phrases (messages {@code timeline.*}); the pages say them in Japanese or English.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Phrase(String key, String text, List<Phrase> args) {
    /** Nothing: an optional part of a sentence that is not there. */
    public static final Phrase NONE = new Phrase(null, "", List.of());

    public Phrase {
        args = args == null ? List.of() : List.copyOf(args);
        if (key == null && text == null) {
            text = ""; // NONE, as JSON stores it (without the empty text)
        }
    }

    /** A text said as it is; {@code null} is said as nothing. */
    public static Phrase text(Object text) {
        return text == null ? NONE : new Phrase(null, text.toString(), List.of());
    }

    /** Message {@code key}; each argument a phrase, or a value said as it is. */
    public static Phrase of(String key, Object... args) {
        return new Phrase(key, null, Arrays.stream(args).map(a -> a instanceof Phrase p ? p : text(a)).toList());
    }

    /** An enum's word, message {@code prefix.NAME} ({@code kind.CHANGE_REQUEST}); said as its name where not looked up. */
    public static Phrase word(String prefix, Enum<?> value) {
        return new Phrase(prefix + "." + value.name(), value.name(), List.of());
    }

    /** Message {@code key} when {@code value} is there, else nothing: {@code ", due {0}"} for a due date. */
    public static Phrase ifPresent(Object value, String key) {
        return value == null ? NONE : of(key, value);
    }

    /**
     * The phrase in words: {@code message} gives a message filled with its arguments already said, or null where it
     * has none for the key; then the phrase's own text is said (or, lacking one, the key).
     */
    public String say(BiFunction<String, Object[], String> message) {
        if (key == null) {
            return text;
        }
        Object[] said = args.stream().map(a -> a.say(message)).toArray();
        String s = message.apply(key, said);
        return s != null ? s : text != null ? text : key;
    }
}
