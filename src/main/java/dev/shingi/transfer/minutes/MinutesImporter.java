package dev.shingi.transfer.minutes;

import dev.shingi.edge.ReadClock;
import dev.shingi.deliberation.api.*;
import dev.shingi.platform.Ledger;
import dev.shingi.security.AccessPolicy;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Response;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final People people;

    MinutesImporter(Ledger ledger, QueryGateway queries, ParticipantDirectory directory, AccessPolicy access, Clock clock,
                    People people) {
        this.people = people;
        this.ledger = ledger;
        this.queries = queries;
        this.directory = directory;
        this.access = access;
        this.clock = clock;
    }

    /** What the client asks to record: the deliberation (new when unknown, then {@code title} is needed), the draft. */
    public record ImportRequest(String deliberationId, String title, Integer draftVersion, MinutesProposal proposal) {
    }

    /**
     * One thing wrong with a request, by its JSON path: {@code message} in English for the API, and the same as the
     * message {@code minutes.problem.<code>} of the bundles with {@code args}, for the page in the reader's language.
     */
    public record Problem(String field, String message, @JsonIgnore String code, @JsonIgnore List<Object> args) {
        public Problem {
            args = args == null ? List.of() : List.copyOf(args);
        }

        static Problem of(String field, String code, String message, Object... args) {
            return new Problem(field, message, code, List.of(args));
        }
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
    /**
     * The deliberations the signed-in user may import into, as the page offers them for the preview's matching: every
     * one for an admin, else those the user is secretariat of.
     */
    List<DeliberationSummary> targets() {
        return queries.query(new FindDeliberations(AsOf.now(clock.instant())),
                        ResponseTypes.multipleInstancesOf(DeliberationSummary.class)).join().stream()
                .filter(d -> access.isAdmin() || access.role(d.deliberationId()).orElse(null) == Role.SECRETARIAT)
                .toList();
    }

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

    /**
     * Checks the whole request, then records it, all or nothing (one {@link Ledger#batch}, whose result is kept
     * beside an idempotency key: a retry after a crash gets the same answer, not the checks of a deliberation that
     * now exists). Throws {@link Refused} (400) with every problem found.
     */
    public Imported record(ImportRequest r, MetaData metaData) {
        Imported done = ledger.batch(Imported.class, () -> checkAndRecord(r, metaData));
        ledger.awaitProjections();
        return done;
    }

    private Imported checkAndRecord(ImportRequest r, MetaData metaData) {
        List<Problem> problems = new ArrayList<>();
        if (r == null || r.proposal() == null) {
            throw new Refused(List.of(Problem.of("proposal", "required", "is required")));
        }
        String id = r.deliberationId();
        if (id == null || !id.matches(ID)) {
            throw new Refused(List.of(Problem.of("deliberationId", "id", "must be 1–60 letters, digits, '_' or '-'")));
        }
        boolean exists = directory.exists(id);
        Instant now = clock.instant();
        DeliberationDetail detail = null;
        List<VersionSummary> versions = List.of();
        if (exists) {
            access.requireSecretariat(id);
            detail = queries.query(new FindDeliberation(id, AsOf.now(now)),
                    ResponseTypes.instanceOf(DeliberationDetail.class)).join();
            versions = queries.query(new FindVersions(id, AsOf.now(now)),
                    ResponseTypes.multipleInstancesOf(VersionSummary.class)).join();
        } else {
            requirePreview(null); // an admin, or a secretary of the organisation, who then is its secretariat
            if (r.title() == null || r.title().isBlank() || r.title().length() > 500) {
                problems.add(Problem.of("title", "title-required", "is required (≤ 500 characters) to open the new "
                        + "deliberation '" + id + "'", id));
            }
        }
        People.Known known = people.known(exists ? id : null);
        ProposalCheck.Plan plan = ProposalCheck.plan(r, detail, versions,
                new ProposalCheck.Importer(access.user(), access.isAdmin(), known.maySecretariat(), known.readable()),
                now, problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return execute(r, plan, exists, metaData);
    }

    private Imported execute(ImportRequest r, ProposalCheck.Plan plan, boolean exists, MetaData md) {
        MinutesProposal p = r.proposal();
        String id = r.deliberationId();
        Instant at = plan.start();
        if (!exists) {
            ledger.record(new OpenDeliberation(id, r.title().strip(), bodyOf(p.meeting().title()), at), md);
        }
        Map<String, String> registered = new LinkedHashMap<>();
        for (MinutesProposal.Participant x : plan.toRegister()) {
            String pid = plan.ids().get(ProposalCheck.nfc(x.name()));
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
            attendees.add(plan.ids().get(ProposalCheck.nfc(x.name())));
        }
        ledger.record(new RecordMeeting(id, plan.meetingId(), p.meeting().number(), p.meeting().title(), at, plan.end(),
                p.meeting().venue(), attendees,
                materials.stream().map(m -> new Material(m.number(), m.title())).toList(), at), md);
        for (Comment c : p.comments() == null ? List.<Comment>of() : p.comments()) {
            ledger.record(new RaiseComment(plan.commentIds().get(c.ref()), id, plan.ids().get(ProposalCheck.nfc(c.author())),
                    r.draftVersion(), anchorOf(c.anchor()), c.kind(), c.text(), plan.meetingId(), at), md);
        }
        int responses = 0;
        for (Response x : p.responses() == null ? List.<Response>of() : p.responses()) {
            String commentId = plan.commentIds().get(x.commentRef());
            String responder = plan.ids().get(ProposalCheck.nfc(x.responder()));
            List<NewCommitment> promised = x.commitment() == null ? List.of()
                    : List.of(new NewCommitment(x.commitment().kind(), x.commitment().description(), responder, null));
            ledger.record(new RespondToComment(commentId, commentId + "-r1", responder, x.disposition(), x.text(),
                    promised, at), md);
            responses++;
        }
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
