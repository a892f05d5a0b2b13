package dev.shingi.transfer.minutes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Matches a name the minutes give (「蔦」, 「佐藤 太郎」) to people already registered in other deliberations, so that an
 * import can re-use their participant id (which is their sign-in name) instead of inventing a new person. It never
 * guesses: only one person with exactly the same name is {@code SURE}; the same name held by several people, or the
 * same family name with another or a missing given name, is {@code UNSURE} with the candidates, for a person to decide.
 * Pure Java: the caller gathers the people it may show (those of deliberations the importing user can read).
 */
final class PeopleMatcher {
    /** Ids an import generated name someone within their own deliberation only; they are no person to re-use. */
    static final Pattern GENERATED = Pattern.compile("minutes-p\\d+");

    /** Someone registered somewhere: participant id (the sign-in name), name as registered, organisation or not. */
    record Person(String participantId, String name, boolean organisation) {
    }

    enum Certainty { NONE, SURE, UNSURE }

    /** The outcome for one name: {@code candidates} holds the one person when sure, every candidate when unsure. */
    record Match(Certainty certainty, List<Person> candidates) {
        static final Match NONE = new Match(Certainty.NONE, List.of());

        Optional<String> sureId() {
            return certainty == Certainty.SURE ? Optional.of(candidates.get(0).participantId()) : Optional.empty();
        }
    }

    private PeopleMatcher() {
    }

    static Match match(String name, Collection<Person> people) {
        return match(name, people, false);
    }

    /**
     * As {@link #match(String, Collection)}; with {@code withGenerated} the people are the participants of the one
     * deliberation an import goes into, where an id an earlier import generated does name someone.
     */
    static Match match(String name, Collection<Person> people, boolean withGenerated) {
        if (name == null || name.isBlank()) {
            return Match.NONE;
        }
        String key = key(name);
        Map<String, Person> exact = new LinkedHashMap<>();
        Map<String, Person> family = new LinkedHashMap<>();
        for (Person p : people) {
            if (p.participantId() == null || p.name() == null
                    || (!withGenerated && GENERATED.matcher(p.participantId()).matches())) {
                continue;
            }
            if (key(p.name()).equals(key)) {
                exact.putIfAbsent(p.participantId(), p);
            } else if (!p.organisation() && sameFamily(name, p.name())) {
                family.putIfAbsent(p.participantId(), p);
            }
        }
        if (exact.size() == 1 && family.isEmpty()) {
            return new Match(Certainty.SURE, List.copyOf(exact.values()));
        }
        List<Person> all = new ArrayList<>(exact.values());
        family.values().stream().filter(p -> !exact.containsKey(p.participantId())).forEach(all::add);
        return all.isEmpty() ? Match.NONE : new Match(Certainty.UNSURE, List.copyOf(all));
    }

    /**
     * Same family name, told apart only when a space separates it from the given name: 「佐藤」 and 「佐藤 太郎」, or
     * 「佐藤 太郎」 and 「佐藤 次郎」. Names written without a space cannot be split, so only equality matches them.
     */
    private static boolean sameFamily(String a, String b) {
        String fa = family(a);
        String fb = family(b);
        return (fa != null || fb != null)
                && (fa == null ? key(a) : fa).equals(fb == null ? key(b) : fb);
    }

    private static String family(String name) {
        String[] parts = Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).split("\\s+");
        return parts.length > 1 ? parts[0] : null;
    }

    /** NFKC (full-width letters and the ideographic space fold), no white space at all. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
