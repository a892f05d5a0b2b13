package dev.shingi.transfer.minutes;

import dev.shingi.edge.ReadClock;
import dev.shingi.deliberation.api.*;
import dev.shingi.platform.Ledger;
import dev.shingi.security.AccessPolicy;
import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Response;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records a confirmed (possibly edited) proposal with the ordinary commands, against a new or an existing
 * deliberation: OpenDeliberation and PublishDraft when new, RegisterParticipant for names the deliberation does not
 * know yet, RecordMeeting, RaiseComment (at the meeting's start, at that meeting) and RespondToComment. The whole
 * proposal is checked first and every problem is reported at once; nothing is sent unless all of it is valid.
 */
@Component
public class MinutesImporter {
    /** The minutes this reads are Japanese; their dates and times are Japan time. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final String ID = "[A-Za-z0-9_-]{1,60}";

    private final Ledger ledger;
    private final QueryGateway queries;
    private final ParticipantDirectory directory;
    private final AccessPolicy access;
    private final Clock clock;

    MinutesImporter(Ledger ledger, QueryGateway queries, ParticipantDirectory directory, AccessPolicy access, Clock clock) {
        this.ledger = ledger;
        this.queries = queries;
        this.directory = directory;
        this.access = access;
        this.clock = clock;
    }

    /** What the client asks to record: the deliberation (new when unknown, then {@code title} is needed), the draft. */
    public record ImportRequest(String deliberationId, String title, Integer draftVersion, MinutesProposal proposal) {
    }

    /** One thing wrong with a request, by its JSON path. */
    public record Problem(String field, String message) {
    }

    /** Thrown with every problem of a request; answered 400, nothing recorded. */
    public static final class Refused extends RuntimeException {
        private final List<Problem> problems;

        Refused(List<Problem> problems) {
            super(problems.size() + " problem(s) in the proposal; nothing was recorded");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** What was recorded: the ids given to the new records. */
    public record Imported(String deliberationId, boolean opened, String meetingId, Map<String, String> participantIds,
                           Map<String, String> commentIds, int responses) {
    }

    /** May the signed-in user preview minutes: an admin, or the secretariat of the deliberation (of any, if none named). */
    public void requirePreview(String deliberationId) {
        if (access.isAdmin()) {
            return;
        }
        if (deliberationId != null && directory.exists(deliberationId)) {
            access.requireSecretariat(deliberationId);
            return;
        }
        List<DeliberationSummary> all = queries.query(new FindDeliberations(AsOf.now(clock.instant())),
                ResponseTypes.multipleInstancesOf(DeliberationSummary.class)).join();
        boolean secretary = all.stream().anyMatch(d -> access.role(d.deliberationId()).orElse(null) == Role.SECRETARIAT);
        if (!secretary) {
            access.requireAdmin(); // refuses: 401 when anonymous, 403 otherwise
        }
    }

    /** Checks the whole request, then records it. Throws {@link Refused} (400) with every problem found. */
    public Imported record(ImportRequest r, MetaData metaData) {
        List<Problem> problems = new ArrayList<>();
        if (r == null || r.proposal() == null) {
            throw new Refused(List.of(new Problem("proposal", "is required")));
        }
        String id = r.deliberationId();
        if (id == null || !id.matches(ID)) {
            throw new Refused(List.of(new Problem("deliberationId", "must be 1–60 letters, digits, '_' or '-'")));
        }
        boolean exists = directory.exists(id);
        if (exists) {
            access.requireSecretariat(id);
        } else {
            access.requireAdmin(); // opening a deliberation is the admin's
            if (r.title() == null || r.title().isBlank() || r.title().length() > 500) {
                problems.add(new Problem("title", "is required (≤ 500 characters) to open the new deliberation '" + id + "'"));
            }
        }
        Plan plan = plan(r, exists, problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return ledger.batch(() -> execute(r, plan, exists, metaData));
    }

    /** Everything the commands need, worked out before the first one is sent. */
    private record Plan(Instant start, Instant end, String meetingId, Map<String, String> ids,
                        Map<String, Role> roles, List<MinutesProposal.Participant> toRegister,
                        Map<String, String> commentIds, Integer pageCount) {
    }

    private Plan plan(ImportRequest r, boolean exists, List<Problem> problems) {
        MinutesProposal p = r.proposal();
        Instant now = clock.instant();
        Integer version = r.draftVersion();
        Integer pageCount = null;
        if (version == null || version < 1) {
            problems.add(new Problem("draftVersion", "is required, a positive version number"));
        }
        DeliberationDetail detail = null;
        if (exists) {
            detail = queries.query(new FindDeliberation(r.deliberationId(), AsOf.now(now)),
                    ResponseTypes.instanceOf(DeliberationDetail.class)).join();
            List<VersionSummary> versions = queries.query(new FindVersions(r.deliberationId(), AsOf.now(now)),
                    ResponseTypes.multipleInstancesOf(VersionSummary.class)).join();
            Optional<VersionSummary> v = versions.stream().filter(x -> version != null && x.version() == version).findFirst();
            if (version != null && v.isEmpty()) {
                problems.add(new Problem("draftVersion", "deliberation '" + r.deliberationId() + "' has no version " + version));
            }
            pageCount = v.map(VersionSummary::pageCount).orElse(null);
        }

        // the meeting
        Instant start = null;
        Instant end = null;
        MinutesProposal.Meeting m = p.meeting();
        String meetingId = null;
        if (m == null || m.date() == null || m.start() == null) {
            problems.add(new Problem("proposal.meeting", "date and start are required (the comments happened then)"));
        } else {
            start = m.date().atTime(m.start()).atZone(JAPAN).toInstant();
            end = m.end() == null ? null : m.date().atTime(m.end()).atZone(JAPAN).toInstant();
            if (end != null && end.isBefore(start)) {
                problems.add(new Problem("proposal.meeting.end", "is before the start"));
            }
            if (start.isBefore(ReadClock.EARLIEST) || start.isAfter(now.plus(ReadClock.CLOCK_SLACK))) {
                problems.add(new Problem("proposal.meeting.date", "must lie between 1900 and now; the ledger records what happened"));
            }
            if (detail != null && start.isBefore(detail.summary().openedAt())) {
                problems.add(new Problem("proposal.meeting.date", "is before '" + r.deliberationId() + "' opened ("
                        + detail.summary().openedAt() + "): nothing of it is dated earlier (rule time.after-opening)"));
            }
            if (m.number() != null && m.number() < 1) {
                problems.add(new Problem("proposal.meeting.number", "must be positive"));
            }
            meetingId = m.number() != null ? "meeting-" + m.number() : "meeting-" + m.date();
            String taken = meetingId;
            if (detail != null && detail.meetings().stream().anyMatch(x -> x.meetingId().equals(taken))) {
                problems.add(new Problem("proposal.meeting", "'" + r.deliberationId() + "' already has " + meetingId
                        + "; these minutes look recorded already"));
            }
            text(problems, "proposal.meeting.title", m.title(), 500, false);
            text(problems, "proposal.meeting.venue", m.venue(), 500, false);
        }
        List<MinutesProposal.Material> materials = p.materials() == null ? List.of() : p.materials();
        for (int i = 0; i < materials.size(); i++) {
            MinutesProposal.Material mat = materials.get(i);
            if (mat == null || mat.number() == null || mat.number().isBlank() || mat.number().length() > 100) {
                problems.add(new Problem("proposal.materials[" + i + "].number", "is required (≤ 100 characters)"));
            } else {
                text(problems, "proposal.materials[" + i + "].title", mat.title(), 500, false);
            }
        }

        // participants: the deliberation's own when the name is known, else new ones with generated ids
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, Role> roles = new HashMap<>();
        Set<String> existingIds = new HashSet<>();
        if (detail != null) {
            for (Participant x : detail.participants()) {
                ids.put(nfc(x.name()), x.participantId());
                roles.put(nfc(x.name()), x.role());
                existingIds.add(x.participantId());
            }
        }
        List<MinutesProposal.Participant> toRegister = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<MinutesProposal.Participant> people = p.participants() == null ? List.of() : p.participants();
        int next = 1;
        for (int i = 0; i < people.size(); i++) {
            MinutesProposal.Participant x = people.get(i);
            String field = "proposal.participants[" + i + "]";
            if (x == null || x.name() == null || x.name().isBlank() || x.name().length() > 500) {
                problems.add(new Problem(field + ".name", "is required (≤ 500 characters)"));
                continue;
            }
            text(problems, field + ".title", x.title(), 500, false);
            String name = nfc(x.name());
            if (!seen.add(name)) {
                problems.add(new Problem(field + ".name", "'" + x.name() + "' is listed twice; names must tell people apart"));
                continue;
            }
            if (ids.containsKey(name)) {
                continue; // already a participant of the deliberation
            }
            if (x.role() == null) {
                problems.add(new Problem(field + ".role", "is required for the new participant '" + x.name() + "'"));
                continue;
            }
            String pid;
            do {
                pid = "minutes-p" + next++;
            } while (existingIds.contains(pid));
            ids.put(name, pid);
            roles.put(name, x.role());
            toRegister.add(x);
        }

        // comments
        Map<String, String> commentIds = new LinkedHashMap<>();
        List<Comment> comments = p.comments() == null ? List.of() : p.comments();
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            String field = "proposal.comments[" + i + "]";
            if (c == null) {
                problems.add(new Problem(field, "is null"));
                continue;
            }
            if (c.ref() == null || c.ref().isBlank() || commentIds.containsKey(c.ref())) {
                problems.add(new Problem(field + ".ref", "is required and must be unique"));
            } else {
                commentIds.put(c.ref(), r.deliberationId() + "-" + meetingId + "-" + c.ref().replaceAll("[^A-Za-z0-9_-]", "_"));
            }
            if (c.author() == null) {
                problems.add(new Problem(field + ".author", "is empty: say who raised " + c.ref() + " (or remove it)"));
            } else if (!ids.containsKey(nfc(c.author()))) {
                problems.add(new Problem(field + ".author", "'" + c.author() + "' is neither among the participants nor in the deliberation"));
            }
            if (c.kind() == null) {
                problems.add(new Problem(field + ".kind", "is required"));
            }
            text(problems, field + ".text", c.text(), 20_000, true);
            anchor(problems, field + ".anchor", c.anchor(), pageCount);
        }

        // responses
        Set<String> answered = new HashSet<>();
        List<Response> responses = p.responses() == null ? List.of() : p.responses();
        for (int i = 0; i < responses.size(); i++) {
            Response x = responses.get(i);
            String field = "proposal.responses[" + i + "]";
            if (x == null) {
                problems.add(new Problem(field, "is null"));
                continue;
            }
            if (x.commentRef() == null) {
                problems.add(new Problem(field + ".commentRef", "is empty: say which comment this answers (or remove it)"));
            } else if (!commentIds.containsKey(x.commentRef())) {
                problems.add(new Problem(field + ".commentRef", "'" + x.commentRef() + "' is no comment of the proposal"));
            } else if (!answered.add(x.commentRef())) {
                problems.add(new Problem(field + ".commentRef", x.commentRef() + " is answered twice; a comment takes one response"));
            }
            if (x.responder() == null) {
                problems.add(new Problem(field + ".responder", "is empty: say who answered"));
            } else if (roles.get(nfc(x.responder())) != Role.SECRETARIAT) {
                problems.add(new Problem(field + ".responder", "'" + x.responder() + "' is not a secretariat participant"));
            }
            if (x.disposition() == null) {
                problems.add(new Problem(field + ".disposition", "is empty: choose how the comment was disposed of"));
            }
            text(problems, field + ".text", x.text(), 20_000, true);
            if (x.commitment() != null) {
                if (x.commitment().kind() == null) {
                    problems.add(new Problem(field + ".commitment.kind", "is required"));
                }
                text(problems, field + ".commitment.description", x.commitment().description(), 5_000, true);
            }
        }
        return new Plan(start, end, meetingId, ids, roles, toRegister, commentIds, pageCount);
    }

    private static void text(List<Problem> problems, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem(field, "is required"));
            }
            return;
        }
        if (value.length() > max) {
            problems.add(new Problem(field, "is longer than " + max + " characters"));
        }
        if (value.indexOf('\uFFFD') >= 0) {
            problems.add(new Problem(field, "holds U+FFFD: text decoded with the wrong encoding"));
        }
    }

    private static void anchor(List<Problem> problems, String field, MinutesProposal.Anchor a, Integer pageCount) {
        if (a == null || a.pages() == null || a.pages().isEmpty()) {
            return;
        }
        List<Integer> pages = a.pages();
        if (pages.size() > 2 || pages.stream().anyMatch(x -> x == null || x < 1)) {
            problems.add(new Problem(field + ".pages", "must be [page] or [first, last] of positive pages"));
            return;
        }
        if (pages.size() == 2 && pages.get(1) < pages.get(0)) {
            problems.add(new Problem(field + ".pages", "run backwards: " + pages));
        }
        if (pageCount != null && pages.get(pages.size() - 1) > pageCount) {
            problems.add(new Problem(field + ".pages", "page " + pages.get(pages.size() - 1) + " is past the draft's "
                    + pageCount + " pages"));
        }
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }

    private Imported execute(ImportRequest r, Plan plan, boolean exists, MetaData md) {
        MinutesProposal p = r.proposal();
        String id = r.deliberationId();
        Instant at = plan.start();
        if (!exists) {
            ledger.record(new OpenDeliberation(id, r.title().strip(), bodyOf(p.meeting().title()), at), md);
        }
        Map<String, String> registered = new LinkedHashMap<>();
        for (MinutesProposal.Participant x : plan.toRegister()) {
            String pid = plan.ids().get(nfc(x.name()));
            boolean organisation = x.title() == null && x.role() == Role.OBSERVER;
            ledger.record(new RegisterParticipant(id, pid, x.name().strip(), x.role(), x.title(), null, organisation, at), md);
            registered.put(x.name(), pid);
        }
        List<MinutesProposal.Material> materials = p.materials() == null ? List.of() : p.materials();
        if (!exists) {
            MinutesProposal.Material draft = materials.stream()
                    .filter(m -> m.title() != null && (m.title().contains("（案）") || m.title().contains("(案)")))
                    .findFirst().orElse(materials.isEmpty() ? null : materials.get(0));
            ledger.record(new PublishDraft(id, r.draftVersion(), draft != null && draft.title() != null ? draft.title() : r.title().strip(),
                    draft == null ? null : draft.number(), null, at), md);
        }
        List<String> attendees = new ArrayList<>();
        for (MinutesProposal.Participant x : p.participants() == null ? List.<MinutesProposal.Participant>of() : p.participants()) {
            attendees.add(plan.ids().get(nfc(x.name())));
        }
        ledger.record(new RecordMeeting(id, plan.meetingId(), p.meeting().number(), p.meeting().title(), at, plan.end(),
                p.meeting().venue(), attendees,
                materials.stream().map(m -> new Material(m.number(), m.title())).toList(), at), md);
        for (Comment c : p.comments() == null ? List.<Comment>of() : p.comments()) {
            ledger.record(new RaiseComment(plan.commentIds().get(c.ref()), id, plan.ids().get(nfc(c.author())),
                    r.draftVersion(), anchorOf(c.anchor()), c.kind(), c.text(), plan.meetingId(), at), md);
        }
        int responses = 0;
        for (Response x : p.responses() == null ? List.<Response>of() : p.responses()) {
            String commentId = plan.commentIds().get(x.commentRef());
            String responder = plan.ids().get(nfc(x.responder()));
            List<NewCommitment> promised = x.commitment() == null ? List.of()
                    : List.of(new NewCommitment(x.commitment().kind(), x.commitment().description(), responder, null));
            ledger.record(new RespondToComment(commentId, commentId + "-r1", responder, x.disposition(), x.text(),
                    promised, at), md);
            responses++;
        }
        ledger.awaitProjections();
        return new Imported(id, !exists, plan.meetingId(), registered, plan.commentIds(), responses);
    }

    /** The body is the meeting's title without its 第N回: 「ICT サイバーセキュリティ政策分科会」. */
    static String bodyOf(String meetingTitle) {
        if (meetingTitle == null) {
            return null;
        }
        String body = meetingTitle.replaceAll("[（(]?第\\d+回[）)]?", "").strip();
        return body.isEmpty() ? null : body;
    }

    static Anchor anchorOf(MinutesProposal.Anchor a) {
        if (a == null) {
            return Anchor.NONE;
        }
        Integer from = a.pages() == null || a.pages().isEmpty() ? null : a.pages().get(0);
        Integer to = from == null ? null : a.pages().get(a.pages().size() - 1);
        return new Anchor(from, to, a.footnote(), a.section(), null);
    }
}
