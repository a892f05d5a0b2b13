package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.TableVocabulary;
import dev.shingi.edge.InvalidInput;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A deliberation's own words for its tables ({@link TableVocabulary}), as the import reads them: a type word is the
 * whole Type cell, a disposition word the start of the Disposition (or Resolution) cell, both compared after NFKC,
 * case and spacing, the deliberation's words before the defaults. {@link #checked} is the edge's check of the words a
 * secretariat sends: each word and each name is a 400 naming it ({@code types.nit}) when it is not one.
 */
final class Vocabulary {
    static final int MAX_WORDS = 200;
    static final int MAX_WORD = 100;
    static final Vocabulary NONE = new Vocabulary(Map.of(), Map.of());

    private final Map<String, CommentKind> types;
    /** Longest first, as the defaults are read: "対応済み" before "対応". */
    private final List<Map.Entry<String, Disposition>> dispositions;

    private Vocabulary(Map<String, CommentKind> types, Map<String, Disposition> dispositions) {
        this.types = new LinkedHashMap<>();
        types.forEach((w, k) -> this.types.put(normal(w), k));
        this.dispositions = dispositions.entrySet().stream().map(e -> Map.entry(normal(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt((Map.Entry<String, Disposition> e) -> e.getKey().length()).reversed())
                .toList();
    }

    static Vocabulary of(TableVocabulary set) {
        return set == null ? NONE : new Vocabulary(set.types(), set.dispositions());
    }

    /** The kind a Type cell names in this deliberation's words, if it does. */
    Optional<CommentKind> kind(String cell) {
        return Optional.ofNullable(types.get(normal(cell)));
    }

    /** The disposition a cell starts with in this deliberation's words, if it does. */
    Optional<Disposition> disposition(String cell) {
        String s = normal(cell);
        for (Map.Entry<String, Disposition> w : dispositions) {
            String k = w.getKey();
            boolean latin = k.charAt(0) < 0x80;
            if (s.startsWith(k) && (!latin || s.length() == k.length() || !Character.isLetter(s.charAt(k.length())))) {
                return Optional.of(w.getValue());
            }
        }
        return Optional.empty();
    }

    /** Whether the cell is nothing but one of this deliberation's disposition words. */
    boolean onlyWords(String cell) {
        String s = normal(cell).replaceAll("[.。!]+$", "");
        return dispositions.stream().anyMatch(w -> w.getKey().equals(s));
    }

    boolean isEmpty() {
        return types.isEmpty() && dispositions.isEmpty();
    }

    /** The type words a secretariat sent ({@code field} "types"), checked: word → kind, in their order. */
    static Map<String, CommentKind> checkedTypes(Map<String, String> words) {
        return checked("types", words, CommentKind.class);
    }

    /** The disposition words a secretariat sent ({@code field} "dispositions"), checked: word → disposition. */
    static Map<String, Disposition> checkedDispositions(Map<String, String> words) {
        return checked("dispositions", words, Disposition.class);
    }

    private static <E extends Enum<E>> Map<String, E> checked(String field, Map<String, String> words, Class<E> names) {
        Map<String, E> out = new LinkedHashMap<>();
        if (words == null) {
            return out;
        }
        if (words.size() > MAX_WORDS) {
            throw new InvalidInput(field, "at most " + MAX_WORDS + " words");
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : words.entrySet()) {
            String word = e.getKey() == null ? "" : e.getKey().strip();
            String at = field + "." + word;
            if (word.isEmpty()) {
                throw new InvalidInput(field, "a word must not be blank");
            }
            if (word.length() > MAX_WORD || word.codePoints().anyMatch(Character::isISOControl)) {
                throw new InvalidInput(at, "a word is one line of at most " + MAX_WORD + " characters");
            }
            String earlier = seen.putIfAbsent(normal(word), word);
            if (earlier != null) {
                throw new InvalidInput(at, "'" + word + "' is the same word as '" + earlier
                        + "' (compared without case, width and spacing)");
            }
            String value = e.getValue() == null ? "" : e.getValue().strip().toUpperCase(Locale.ROOT);
            E name = Arrays.stream(names.getEnumConstants()).filter(n -> n.name().equals(value)).findFirst()
                    .orElseThrow(() -> new InvalidInput(at, "'" + e.getValue() + "' is not one of "
                            + Arrays.stream(names.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            out.put(word, name);
        }
        return out;
    }

    static String normal(String cell) {
        return Normalizer.normalize(cell == null ? "" : cell, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
    }
}
