package dev.shingi.transfer.minutes;

import dev.shingi.edge.ReadClock;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.Participant;
import dev.shingi.deliberation.api.Role;
import dev.shingi.deliberation.api.VersionSummary;
import dev.shingi.transfer.minutes.MinutesImporter.ImportRequest;
import dev.shingi.transfer.minutes.MinutesImporter.Problem;
import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Response;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a confirmed proposal against the deliberation it goes into (null when new) before anything is sent, and
 * works out what the commands will need. Every problem is collected, each with the code of its message
 * ({@code minutes.problem.<code>}) so that the page says it in the reader's language.
 */
final class ProposalCheck {
    /** Everything the commands need, worked out before the first one is sent. */
    record Plan(Instant start, Instant end, String meetingId, Map<String, String> ids,
                Map<String, Role> roles, List<MinutesProposal.Participant> toRegister,
                Map<String, String> commentIds, Integer pageCount) {
    }

    /**
     * Who imports: their sign-in name, whether an admin, whom they may make secretariat (anyone when an admin), and the people they may
     * re-use (those they can read).
     */
    record Importer(String user, boolean admin, java.util.function.Predicate<String> maySecretariat,
                    Collection<PeopleMatcher.Person> people) {
    }

    private final List<Problem> problems;

    private ProposalCheck(List<Problem> problems) {
        this.problems = problems;
    }

    static Plan plan(ImportRequest r, DeliberationDetail detail, List<VersionSummary> versions, Importer importer,
                     Instant now, List<Problem> problems) {
        return new ProposalCheck(problems).plan(r, detail, versions, importer, now);
    }

    private void problem(String field, String code, String message, Object... args) {
        problems.add(Problem.of(field, code, message, args));
    }

    private Plan plan(ImportRequest r, DeliberationDetail detail, List<VersionSummary> versions, Importer importer,
                      Instant now) {
        MinutesProposal p = r.proposal();
        Integer version = r.draftVersion();
        Integer pageCount = null;
        if (version == null || version < 1) {
            problem("draftVersion", "version-required", "is required, a positive version number");
        }
        if (detail != null) {
            Optional<VersionSummary> v = versions.stream().filter(x -> version != null && x.version() == version).findFirst();
            if (version != null && v.isEmpty()) {
                problem("draftVersion", "version-unknown", "deliberation '" + r.deliberationId() + "' has no version "
                        + version, r.deliberationId(), version);
            }
            pageCount = v.map(VersionSummary::pageCount).orElse(null);
        }

        // the meeting
        Instant start = null;
        Instant end = null;
        MinutesProposal.Meeting m = p.meeting();
        String meetingId = null;
        if (m == null || m.date() == null || m.start() == null) {
            problem("proposal.meeting", "meeting-when", "date and start are required (the comments happened then)");
        } else {
            start = m.date().atTime(m.start()).atZone(MinutesImporter.JAPAN).toInstant();
            end = m.end() == null ? null : m.date().atTime(m.end()).atZone(MinutesImporter.JAPAN).toInstant();
            if (end != null && end.isBefore(start)) {
                problem("proposal.meeting.end", "meeting-end-before-start", "is before the start");
            }
            if (start.isBefore(ReadClock.EARLIEST) || start.isAfter(now.plus(ReadClock.CLOCK_SLACK))) {
                problem("proposal.meeting.date", "meeting-date-range",
                        "must lie between 1900 and now; the ledger records what happened");
            }
            if (detail != null && start.isBefore(detail.summary().openedAt())) {
                problem("proposal.meeting.date", "meeting-before-opening", "is before '" + r.deliberationId()
                        + "' opened (" + detail.summary().openedAt() + "): nothing of it is dated earlier (rule "
                        + "time.after-opening)", r.deliberationId());
            }
            if (m.number() != null && m.number() < 1) {
                problem("proposal.meeting.number", "positive", "must be positive");
            }
            meetingId = m.number() != null ? "meeting-" + m.number() : "meeting-" + m.date();
            String taken = meetingId;
            if (detail != null && detail.meetings().stream().anyMatch(x -> x.meetingId().equals(taken))) {
                problem("proposal.meeting", "meeting-recorded", "'" + r.deliberationId() + "' already has " + meetingId
                        + "; these minutes look recorded already", r.deliberationId(), meetingId);
            }
            text("proposal.meeting.title", m.title(), 500, false);
            text("proposal.meeting.venue", m.venue(), 500, false);
        }
        List<MinutesProposal.Material> materials = p.materials() == null ? List.of() : p.materials();
        for (int i = 0; i < materials.size(); i++) {
            MinutesProposal.Material mat = materials.get(i);
            if (mat == null || mat.number() == null || mat.number().isBlank() || mat.number().length() > 100) {
                problem("proposal.materials[" + i + "].number", "required-max", "is required (≤ 100 characters)", 100);
            } else {
                text("proposal.materials[" + i + "].title", mat.title(), 500, false);
            }
        }

        People people = people(r, p, detail, importer);

        // comments
        Map<String, String> commentIds = new LinkedHashMap<>();
        List<Comment> comments = p.comments() == null ? List.of() : p.comments();
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            String field = "proposal.comments[" + i + "]";
            if (c == null) {
                problem(field, "null", "is null");
                continue;
            }
            if (c.ref() == null || c.ref().isBlank() || commentIds.containsKey(c.ref())) {
                problem(field + ".ref", "ref-unique", "is required and must be unique");
            } else {
                commentIds.put(c.ref(), r.deliberationId() + "-" + meetingId + "-" + c.ref().replaceAll("[^A-Za-z0-9_-]", "_"));
            }
            if (c.author() == null) {
                problem(field + ".author", "author-empty", "is empty: say who raised " + c.ref() + " (or remove it)",
                        c.ref());
            } else if (!people.ids.containsKey(nfc(c.author()))) {
                problem(field + ".author", "author-unknown", "'" + c.author()
                        + "' is neither among the participants nor in the deliberation", c.author());
            }
            if (c.kind() == null) {
                problem(field + ".kind", "required", "is required");
            }
            text(field + ".text", c.text(), 20_000, true);
            anchor(field + ".anchor", c.anchor(), pageCount);
        }

        // responses
        Set<String> answered = new HashSet<>();
        List<Response> responses = p.responses() == null ? List.of() : p.responses();
        for (int i = 0; i < responses.size(); i++) {
            Response x = responses.get(i);
            String field = "proposal.responses[" + i + "]";
            if (x == null) {
                problem(field, "null", "is null");
                continue;
            }
            if (x.commentRef() == null) {
                problem(field + ".commentRef", "comment-ref-empty", "is empty: say which comment this answers (or remove it)");
            } else if (!commentIds.containsKey(x.commentRef())) {
                problem(field + ".commentRef", "comment-ref-unknown", "'" + x.commentRef()
                        + "' is no comment of the proposal", x.commentRef());
            } else if (!answered.add(x.commentRef())) {
                problem(field + ".commentRef", "comment-ref-twice", x.commentRef()
                        + " is answered twice; a comment takes one response", x.commentRef());
            }
            if (x.responder() == null) {
                problem(field + ".responder", "responder-empty", "is empty: say who answered");
            } else if (people.roles.get(nfc(x.responder())) != Role.SECRETARIAT) {
                problem(field + ".responder", "responder-not-secretariat", "'" + x.responder()
                        + "' is not a secretariat participant", x.responder());
            }
            if (x.disposition() == null) {
                problem(field + ".disposition", "disposition-empty", "is empty: choose how the comment was disposed of");
            }
            text(field + ".text", x.text(), 20_000, true);
            if (x.commitment() != null) {
                if (x.commitment().kind() == null) {
                    problem(field + ".commitment.kind", "required", "is required");
                }
                text(field + ".commitment.description", x.commitment().description(), 5_000, true);
            }
        }
        return new Plan(start, end, meetingId, people.ids, people.roles, people.toRegister, commentIds, pageCount);
    }

    /** The participant ids by name, their roles, and who is new. */
    private record People(Map<String, String> ids, Map<String, Role> roles, List<MinutesProposal.Participant> toRegister) {
    }

    /**
     * The deliberation's own participant when the name is known (a {@code participantId} proposed by a match in other
     * deliberations does not override it); else the person the reviewer chose
     * ({@code participantId}: one the importer may read with a matching name, or the importer themself), else a new
     * participant with a generated id. Only an admin gives the secretariat role to someone who signs in (other than
     * themself): a generated id is a record of who answered, a sign-in name a grant of rights. Into a new deliberation, whoever is not an admin must be among its secretariat,
     * or they would lock themselves out of what they just recorded.
     */
    private People people(ImportRequest r, MinutesProposal p, DeliberationDetail detail, Importer importer) {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, Role> roles = new HashMap<>();
        Set<String> takenIds = new HashSet<>();
        Map<String, Participant> own = new HashMap<>();
        Map<String, Participant> ownByKey = new HashMap<>();
        if (detail != null) {
            for (Participant x : detail.participants()) {
                ids.put(nfc(x.name()), x.participantId());
                roles.put(nfc(x.name()), x.role());
                takenIds.add(x.participantId());
                own.put(x.participantId(), x);
                ownByKey.putIfAbsent(PeopleMatcher.key(x.name()), x);
            }
        }
        List<PeopleMatcher.Person> ownPeople = own.values().stream()
                .map(x -> new PeopleMatcher.Person(x.participantId(), x.name(), x.organisation())).toList();
        Set<String> reused = new HashSet<>();
        List<MinutesProposal.Participant> toRegister = new ArrayList<>();
        List<MinutesProposal.Participant> listed = p.participants() == null ? List.of() : p.participants();
        Set<String> seen = new HashSet<>();
        List<Integer> generated = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            MinutesProposal.Participant x = listed.get(i);
            String field = "proposal.participants[" + i + "]";
            if (x == null || x.name() == null || x.name().isBlank() || x.name().length() > 500) {
                problem(field + ".name", "required-max", "is required (≤ 500 characters)", 500);
                generated.add(null);
                continue;
            }
            text(field + ".title", x.title(), 500, false);
            String name = nfc(x.name());
            if (!seen.add(name)) {
                problem(field + ".name", "participant-twice", "'" + x.name()
                        + "' is listed twice; names must tell people apart", x.name());
                generated.add(null);
                continue;
            }
            String chosenOwn = x.participantId();
            if (chosenOwn != null && own.containsKey(chosenOwn) && !UnnamedMember.is(x.name())) {
                // the reviewer says this is someone the deliberation has: only someone the name may be
                boolean candidate = PeopleMatcher.match(x.name(), ownPeople, true).candidates().stream()
                        .anyMatch(c -> c.participantId().equals(chosenOwn));
                if (!candidate) {
                    problem(field + ".participantId", "participant-id-unknown", "'" + chosenOwn
                            + "' is neither you nor someone named '" + x.name() + "' you can read", chosenOwn, x.name());
                } else if (!reused.add(chosenOwn)) {
                    problem(field + ".participantId", "participant-id-taken", "'" + chosenOwn
                            + "' is someone else of this import or deliberation already", chosenOwn);
                }
                ids.put(name, chosenOwn);
                roles.put(name, own.get(chosenOwn).role());
                generated.add(null);
                continue;
            }
            if (ids.containsKey(name)) {
                generated.add(null);
                continue; // the deliberation's own participant of that name, whoever a match elsewhere proposed
            }
            Participant sameKey = ownByKey.get(PeopleMatcher.key(x.name()));
            if (sameKey != null) { // 「蔦　健一」 for 「蔦 健一」: the same name, written with other spaces or widths
                ids.put(name, sameKey.participantId());
                roles.put(name, sameKey.role());
                generated.add(null);
                continue;
            }
            if (x.role() == null) {
                problem(field + ".role", "role-required", "is required for the new participant '" + x.name() + "'",
                        x.name());
                ids.put(name, null); // a participant still, so that their comments are not refused for it too
                generated.add(null);
                continue;
            }
            String chosen = x.participantId();
            if (chosen != null && UnnamedMember.is(x.name())) {
                problem(field + ".participantId", "unnamed-is-no-one", "'" + x.name() + "' stands for members the "
                        + "minutes do not name; it is no one who signs in: leave it a new participant, or give the "
                        + "comments to a named participant", x.name());
            } else if (chosen != null) {
                boolean self = chosen.equals(importer.user());
                boolean known = PeopleMatcher.match(x.name(), importer.people()).candidates().stream()
                        .anyMatch(c -> c.participantId().equals(chosen));
                if (!chosen.matches(MinutesImporter.ID) || !(self || known)) {
                    problem(field + ".participantId", "participant-id-unknown", "'" + chosen
                            + "' is neither you nor someone named '" + x.name() + "' you can read", chosen, x.name());
                } else if (!takenIds.add(chosen)) {
                    problem(field + ".participantId", "participant-id-taken", "'" + chosen
                            + "' is someone else of this import or deliberation already", chosen);
                } else if (x.role() == Role.SECRETARIAT && !self && !importer.maySecretariat().test(chosen)) {
                    // a secretariat participant with a sign-in may answer and correct: granting that is the admin's
                    problem(field + ".participantId", "secretariat-grant-admin-only", "only an administrator makes '"
                            + chosen + "', who signs in, secretariat; leave '" + x.name() + "' a new person", chosen,
                            x.name());
                }
            }
            generated.add(chosen == null ? i : null);
            ids.put(name, chosen);
            roles.put(name, x.role());
            toRegister.add(x);
        }
        // generated ids only once every chosen one is known, so that none collides with a chosen one
        int next = 1;
        for (Integer i : generated) {
            if (i == null) {
                continue;
            }
            String pid;
            do {
                pid = "minutes-p" + next++;
            } while (takenIds.contains(pid));
            takenIds.add(pid);
            ids.put(nfc(listed.get(i).name()), pid);
        }
        if (detail == null && !importer.admin() && importer.user() != null
                && toRegister.stream().noneMatch(x -> x.role() == Role.SECRETARIAT && importer.user().equals(x.participantId()))) {
            problem("proposal.participants", "importer-not-secretariat", "you open '" + r.deliberationId()
                    + "': mark which secretariat participant you are (participantId '" + importer.user() + "')",
                    r.deliberationId(), importer.user());
        }
        return new People(ids, roles, toRegister);
    }

    private void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problem(field, "required", "is required");
            }
            return;
        }
        if (value.length() > max) {
            problem(field, "too-long", "is longer than " + max + " characters", max);
        }
        if (value.indexOf('\uFFFD') >= 0) {
            problem(field, "replacement-character", "holds U+FFFD: text decoded with the wrong encoding");
        }
    }

    private void anchor(String field, MinutesProposal.Anchor a, Integer pageCount) {
        if (a == null || a.pages() == null || a.pages().isEmpty()) {
            return;
        }
        List<Integer> pages = a.pages();
        if (pages.size() > 2 || pages.stream().anyMatch(x -> x == null || x < 1)) {
            problem(field + ".pages", "pages-shape", "must be [page] or [first, last] of positive pages");
            return;
        }
        if (pages.size() == 2 && pages.get(1) < pages.get(0)) {
            problem(field + ".pages", "pages-backwards", "run backwards: " + pages, pages.get(0), pages.get(1));
        }
        if (pageCount != null && pages.get(pages.size() - 1) > pageCount) {
            problem(field + ".pages", "page-past-draft", "page " + pages.get(pages.size() - 1) + " is past the draft's "
                    + pageCount + " pages", pages.get(pages.size() - 1), pageCount);
        }
    }

    static String nfc(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }
}
