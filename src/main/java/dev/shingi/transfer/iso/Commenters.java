package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.Participant;
import dev.shingi.deliberation.api.ParticipantAlias;
import dev.shingi.deliberation.api.Role;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a row's commenter is: the participant of the deliberation whose id, name, affiliation or alias (RegisterAlias:
 * 'TS' for Thomas Schmidt) the cell is (compared whatever the case, spacing and full/half width) — exactly one, else
 * the row is bad — or, when no
 * participant is, someone new: a national body (organisation, its code as name and affiliation) when the column is
 * the ISO template's MB/NC, else a public commenter. Never merged with anyone: a new name is a new participant, once
 * per table, and the import report flags them.
 */
final class Commenters {
    private static final int MAX_NAME = 500;

    /** The author of a row: a participant's id, and, when {@code created}, what to register them as. */
    record Author(String participantId, String name, Role role, boolean organisation, String affiliation,
                  boolean created) {
    }

    private final List<Participant> participants;
    /** Each participant's aliases, compared as {@link #normal}. */
    private final Map<String, Set<String>> aliases = new HashMap<>();
    private final Map<String, Author> created = new LinkedHashMap<>();
    private final Set<String> ids = new HashSet<>();

    Commenters(List<Participant> participants, List<ParticipantAlias> aliases) {
        this.participants = participants;
        participants.forEach(p -> ids.add(p.participantId()));
        aliases.forEach(a -> this.aliases.computeIfAbsent(a.participantId(), k -> new HashSet<>()).add(normal(a.alias())));
    }

    /** The author, or null with the problem added; a newly created author's first row is flagged in {@code flags}. */
    Author of(Sheet.Entry e, List<BadTable.Problem> problems, List<BadTable.Problem> flags) {
        Column column = e.get(Column.MB_NC).isEmpty() && e.has(Column.NC) ? Column.NC : Column.MB_NC;
        String who = Cells.plain(e.get(column));
        if (who.isEmpty()) {
            problems.add(problem(e, Column.MB_NC, "authorEmpty", "must name who commented (a participant's id, name, affiliation or alias, or a new commenter's name)"));
            return null;
        }
        String key = normal(who);
        List<Participant> found = participants.stream()
                .filter(p -> who.equals(p.participantId()) || key.equals(normal(p.name()))
                        || (p.affiliation() != null && key.equals(normal(p.affiliation())))
                        || aliases.getOrDefault(p.participantId(), Set.of()).contains(key))
                .toList();
        if (found.size() > 1) {
            String list = found.stream().map(Participant::participantId).collect(Collectors.joining(", "));
            problems.add(problem(e, Column.MB_NC, "authorAmbiguous", "'" + who + "' names " + found.size()
                    + " participants (" + list + "); use a participant id", who, found.size(), list));
            return null;
        }
        if (found.size() == 1) {
            Participant p = found.get(0);
            return new Author(p.participantId(), p.name(), p.role(), p.organisation(), p.affiliation(), false);
        }
        if (who.length() > MAX_NAME) {
            problems.add(problem(e, Column.MB_NC, "tooLong", "longer than " + MAX_NAME + " characters", MAX_NAME));
            return null;
        }
        Author known = created.get(key);
        if (known != null) {
            return known;
        }
        Role role = e.memberBodies() ? Role.NATIONAL_BODY : Role.PUBLIC_COMMENTER;
        Author a = new Author(newId(who), who, role, e.memberBodies(), e.memberBodies() ? who : null, true);
        created.put(key, a);
        flags.add(new BadTable.Problem(e.row(), Column.MB_NC.title, "'" + who + "' is no participant: registered as a new "
                + (role == Role.NATIONAL_BODY ? "national body" : "public commenter") + " (" + a.participantId() + ")",
                "commenterCreated", List.of(who, a.participantId(), role.name())));
        return a;
    }

    /** The participants this table brings in, in the order of their first row. */
    List<Author> created() {
        return new ArrayList<>(created.values());
    }

    /** "Eliot Lear" → eliot-lear; a name without Latin letters or digits → commenter-1; never an id already taken. */
    private String newId(String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "commenter";
        }
        String id = base.equals("commenter") ? base + "-1" : base;
        for (int n = 2; ids.contains(id); n++) {
            id = base + "-" + n;
        }
        ids.add(id);
        return id;
    }

    static String normal(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    private static BadTable.Problem problem(Sheet.Entry e, Column column, String code, String reason, Object... args) {
        return new BadTable.Problem(e.row(), column.title, reason, code, List.of(args));
    }
}
