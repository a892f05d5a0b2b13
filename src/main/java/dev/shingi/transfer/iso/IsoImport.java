package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.CorrectRecord;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.FindDisposition;
import dev.shingi.deliberation.api.ResponseDetail;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.FindComments;
import dev.shingi.deliberation.api.FindDeliberation;
import dev.shingi.deliberation.api.FindTableVocabulary;
import dev.shingi.deliberation.api.FindVersions;
import dev.shingi.deliberation.api.TableVocabulary;
import dev.shingi.deliberation.api.Participant;
import dev.shingi.deliberation.api.RaiseComment;
import dev.shingi.deliberation.api.RegisterParticipant;
import dev.shingi.deliberation.api.RespondToComment;
import dev.shingi.deliberation.api.Role;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.VersionSummary;
import dev.shingi.edge.InvalidInput;
import dev.shingi.edge.ReadClock;
import dev.shingi.platform.Ledger;
import dev.shingi.security.AccessPolicy;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A comment table imported as comments on a version, for the API and the page alike: the secretariat's (or an
 * admin's). Read ({@link Sheet}, {@link MarkdownTable}), then every row checked ({@link Template}: a {@link BadTable}
 * with every problem, nothing recorded), then compared with what the deliberation already holds from earlier tables
 * (by the rows' item, else by commenter and text): only what is new is recorded, in one {@link Ledger#batch} —
 * new commenters, the comments dated as their rows, and the resolutions as the secretariat's responses.
 * The same file again is refused ({@link SameFile}, 409) naming the import that brought it.
 */
@Component
class IsoImport {
    enum Format { CSV, XLSX, MARKDOWN }

    private final QueryGateway queries;
    private final Ledger ledger;
    private final ReadClock clock;
    private final AccessPolicy access;
    private final TableImports imports;
    private final ZoneId defaultZone;

    IsoImport(QueryGateway queries, Ledger ledger, ReadClock clock, AccessPolicy access, TableImports imports,
              @Value("${shingi.pages.zone:Asia/Tokyo}") ZoneId defaultZone) {
        this.queries = queries;
        this.ledger = ledger;
        this.clock = clock;
        this.access = access;
        this.imports = imports;
        this.defaultZone = defaultZone;
    }

    /** The file as it came: its bytes, what it is, its charset when declared, its name when it had one. */
    record Upload(byte[] bytes, Format format, Charset charset, String fileName) {
    }

    /** What the import is asked: the version, the zone its dates are in (null: the deliberation's), who answered. */
    record Options(Integer version, String zone, String responder) {
    }

    /** One comment of the table: its row, its id and reference (#n), its author, its item, and whether answered now. */
    record Recorded(int row, String commentId, String reference, String authorId, String item, boolean responded) {
    }

    /**
     * What an import did: the rows read; the comments recorded; the earlier comments answered now; the earlier
     * responses corrected (the row's resolution changed since); the rows already in the ledger unchanged; the
     * commenters registered; the flags (recorded, but to be looked at).
     */
    record Imported(String deliberationId, int version, String importId, int rowsRead, List<Recorded> comments,
                    List<Recorded> answeredNow, List<Corrected> corrected, List<Integer> unchanged,
                    List<Commenters.Author> created, List<BadTable.Problem> flags) {
        public int responses() {
            return (int) comments.stream().filter(Recorded::responded).count() + answeredNow.size();
        }

        public List<Integer> unanswered() {
            return comments.stream().filter(c -> !c.responded()).map(Recorded::row).toList();
        }
    }

    /** An earlier response corrected by a row whose resolution changed: which fields, as {@code RecordCorrected} has them. */
    record Corrected(int row, String commentId, String reference, String responseId, String item, List<String> fields) {
    }

    /**
     * Checks and records the table in one {@link Ledger#batch} whose result is kept beside the request's
     * Idempotency-Key in the batch's own transaction (as the minutes import does): a retry after a crash that followed
     * the commit gets the first answer again, not the checks of a ledger that now holds the rows ("unchanged") or the
     * file (409). The comments' references (#n) are read from the views once they show the batch, on a replay too.
     */
    Imported importTable(String id, Options options, Upload upload, MetaData meta) {
        Imported done = ledger.batch(Imported.class, () -> checkAndRecord(id, options, upload, meta));
        if (done.importId() == null) {
            return done; // nothing new was recorded
        }
        ledger.awaitProjections();
        Map<String, String> references = queries.query(new FindComments(id, clock.current()),
                        ResponseTypes.multipleInstancesOf(CommentSummary.class)).join().stream()
                .collect(Collectors.toMap(CommentSummary::commentId, CommentSummary::reference, (x, y) -> x));
        List<Recorded> recorded = done.comments().stream().map(c -> new Recorded(c.row(), c.commentId(),
                references.get(c.commentId()), c.authorId(), c.item(), c.responded())).toList();
        return new Imported(done.deliberationId(), done.version(), done.importId(), done.rowsRead(), recorded,
                done.answeredNow(), done.corrected(), done.unchanged(), done.created(), done.flags());
    }

    private Imported checkAndRecord(String id, Options options, Upload upload, MetaData meta) {
        int v = version(options.version());
        access.requireSecretariat(id);
        ZoneId zone = zone(options.zone(), defaultZone);
        DeliberationDetail deliberation = deliberation(id);
        VersionSummary draft = queries.query(new FindVersions(id, clock.current()),
                        ResponseTypes.multipleInstancesOf(VersionSummary.class)).join().stream()
                .filter(x -> x.version() == v).findFirst()
                .orElseThrow(() -> new UnknownRecord("version", "Deliberation '" + id + "' has no version " + v + "."));
        String sha256 = sha256(upload.bytes());
        imports.find(id, sha256).ifPresent(earlier -> {
            throw new SameFile(earlier);
        });
        List<Sheet.Line> lines = switch (upload.format()) {
            case XLSX -> Sheet.xlsx(upload.bytes());
            case MARKDOWN -> MarkdownTable.read(upload.bytes());
            case CSV -> Sheet.csv(upload.bytes(), upload.charset());
        };
        List<Sheet.Entry> entries = Sheet.entries(lines);
        Instant received = clock.now();
        Template.Checked checked = Template.check(entries, new Template.Context(deliberation.participants(), deliberation.aliases(),
                draft.pageCount(), zone, deliberation.summary().openedAt(), received, upload.fileName(),
                Vocabulary.of(vocabulary(id))));

        // what the ledger holds already, from earlier tables: a row again is unchanged, answered now, or corrected
        List<DispositionEntry> existing = queries.query(new FindDisposition(id, null, null, clock.current()),
                ResponseTypes.multipleInstancesOf(DispositionEntry.class)).join();
        Map<String, DispositionEntry> known = new LinkedHashMap<>();
        for (DispositionEntry e : existing) {
            CommentSummary c = e.comment();
            known.putIfAbsent(identity(c.source() == null ? null : c.source().item(), c.author().id(), c.text()), e);
        }
        List<Template.Comment> toRaise = new ArrayList<>();
        Map<Template.Comment, CommentSummary> toAnswer = new LinkedHashMap<>();
        Map<Template.Comment, Change> toCorrect = new LinkedHashMap<>();
        List<Integer> unchanged = new ArrayList<>();
        List<BadTable.Problem> problems = new ArrayList<>();
        for (Template.Comment c : checked.comments()) {
            DispositionEntry entry = known.get(identity(c.source().item(), c.authorId(), c.text()));
            CommentSummary earlier = entry == null ? null : entry.comment();
            boolean answered = c.answer() != null && c.answer().disposition() != null;
            Change change = answered && entry != null && !entry.responses().isEmpty()
                    ? Change.of(entry.responses().get(entry.responses().size() - 1), c.answer(), received) : null;
            if (earlier == null) {
                toRaise.add(c);
            } else if (answered && earlier.status() == CommentStatus.OPEN) {
                if (c.answer().occurredAt().isBefore(earlier.occurredAt())) {
                    problems.add(new BadTable.Problem(c.row(), Column.ACKNOWLEDGED.title, "the answer is dated before "
                            + "comment " + earlier.reference() + " (rule time.in-order)", "answerBeforeComment",
                            List.of(String.valueOf(c.answer().occurredAt()))));
                }
                toAnswer.put(c, earlier);
            } else if (change != null && !change.fields().isEmpty()) {
                toCorrect.put(c, change);
            } else {
                unchanged.add(c.row());
            }
        }
        boolean answers = toRaise.stream().anyMatch(c -> c.answer() != null && c.answer().disposition() != null)
                || !toAnswer.isEmpty() || !toCorrect.isEmpty();
        String responder = answers ? responder(id, options.responder(), deliberation.participants()) : null;
        if (!problems.isEmpty()) {
            throw new BadTable(problems.size() + " problem(s) in the table; nothing was recorded.", problems);
        }
        List<Commenters.Author> created = checked.created().stream()
                .filter(a -> toRaise.stream().anyMatch(c -> c.author() == a)).toList();
        String importId = dev.shingi.platform.IdempotentRequest.newId();
        if (toRaise.isEmpty() && toAnswer.isEmpty() && toCorrect.isEmpty()) {
            return new Imported(id, v, null, entries.size(), List.of(), List.of(), List.of(), unchanged, List.of(),
                    checked.flags());
        }
        Map<String, Template.Comment> byId = new LinkedHashMap<>();
        List<Recorded> answeredNow = new ArrayList<>();
        MetaData md = meta.and("tableImport", importId);
        // this runs as the batch's body: every command (each carries the request's Idempotency-Key) shares its one
        // transaction and one key row (platform.Idempotency), and so does the table_import row below
        for (Commenters.Author a : created) {
            Instant first = toRaise.stream().filter(c -> c.author() == a).map(Template.Comment::occurredAt)
                    .min(Instant::compareTo).orElse(received);
            ledger.record(new RegisterParticipant(id, a.participantId(), a.name(), a.role(), null, a.affiliation(),
                    a.organisation(), first), md);
        }
        for (Template.Comment c : toRaise) {
            String commentId = dev.shingi.platform.IdempotentRequest.newId();
            ledger.record(new RaiseComment(commentId, id, c.authorId(), v, c.anchor(), c.kind(), c.text(), null,
                    c.occurredAt(), c.proposedChange(), c.source()), md);
            respond(commentId, c, responder, md);
            byId.put(commentId, c);
        }
        toAnswer.forEach((c, earlier) -> {
            respond(earlier.commentId(), c, responder, md);
            answeredNow.add(new Recorded(c.row(), earlier.commentId(), earlier.reference(), earlier.author().id(),
                    c.source().item(), true));
        });
        List<Corrected> corrected = new ArrayList<>();
        toCorrect.forEach((c, change) -> {
            CommentSummary earlier = known.get(identity(c.source().item(), c.authorId(), c.text())).comment();
            ledger.record(new CorrectRecord(earlier.commentId(), change.response().responseId(), null, null, null,
                    change.disposition(), change.text(), change.occurredAt(), "row " + c.row() + " of "
                    + (upload.fileName() == null ? "the table" : upload.fileName()) + " (import " + importId
                    + ") gives another resolution", responder, received), md);
            corrected.add(new Corrected(c.row(), earlier.commentId(), earlier.reference(), change.response().responseId(),
                    c.source().item(), change.fields()));
        });
        List<Recorded> recorded = new ArrayList<>();
        byId.forEach((commentId, c) -> recorded.add(new Recorded(c.row(), commentId, null, c.authorId(),
                c.source().item(), c.answer() != null && c.answer().disposition() != null)));
        Imported done = new Imported(id, v, importId, entries.size(), recorded, answeredNow, corrected, unchanged,
                created, checked.flags());
        imports.remember(importId, id, sha256, upload.fileName(), v, access.user(), received, recorded.size(),
                done.responses() + corrected.size());
        return done;
    }

    private void respond(String commentId, Template.Comment c, String responder, MetaData md) {
        if (c.answer() != null && c.answer().disposition() != null) {
            ledger.record(new RespondToComment(commentId, dev.shingi.platform.IdempotentRequest.newId(), responder,
                    c.answer().disposition(), c.answer().text(), List.of(), c.answer().occurredAt()), md);
        }
    }

    /**
     * What a row's resolution changes in the comment's latest response: its disposition, text and time, each null
     * when the same (the time only when the row gives one); {@code fields} names those that differ. A row without a resolution, or whose words are not a
     * disposition, changes nothing: a table never takes an answer back.
     */
    record Change(ResponseDetail response, Disposition disposition, String text, Instant occurredAt, List<String> fields) {
        static Change of(ResponseDetail response, Template.Answer answer, Instant received) {
            Disposition d = answer.disposition() == response.disposition() ? null : answer.disposition();
            String t = answer.text().strip().equals(response.text() == null ? "" : response.text().strip()) ? null : answer.text();
            // a row without dates answers as of the moment the file came in: that is no time the table gives
            Instant at = answer.occurredAt().equals(response.occurredAt()) || answer.occurredAt().equals(received)
                    ? null : answer.occurredAt();
            List<String> fields = new ArrayList<>();
            if (d != null) {
                fields.add("disposition");
            }
            if (t != null) {
                fields.add("text");
            }
            if (at != null) {
                fields.add("occurredAt");
            }
            return new Change(response, d, t, at, fields);
        }
    }

    /** A row is the same as an earlier one by its item, or, in a table without items, by who said what. */
    static String identity(String item, String authorId, String text) {
        return item != null ? "item\u0000" + item : "text\u0000" + authorId + "\u0000" + text.strip();
    }

    /**
     * Who answered: the participant named, else the signed-in secretary, else the deliberation's only secretariat
     * participant; a table's resolutions are the secretariat's.
     */
    private String responder(String id, String named, List<Participant> participants) {
        List<Participant> secretariat = participants.stream().filter(p -> p.role() == Role.SECRETARIAT).toList();
        if (named != null && !named.isBlank()) {
            if (secretariat.stream().noneMatch(p -> p.participantId().equals(named))) {
                throw new InvalidInput("responder", "'" + named + "' is no secretariat participant of '" + id + "'");
            }
            return named;
        }
        String user = access.user();
        if (secretariat.stream().anyMatch(p -> p.participantId().equals(user))) {
            return user;
        }
        if (secretariat.size() == 1) {
            return secretariat.get(0).participantId();
        }
        throw new InvalidInput("responder", secretariat.isEmpty()
                ? "the table has resolutions, but the deliberation has no secretariat participant to give them"
                : "the table has resolutions: name the secretariat participant who gave them (responder="
                + secretariat.stream().map(Participant::participantId).collect(Collectors.joining(" or ")) + ")");
    }

    /** The {@code zone} parameter, or the deliberation's. */
    static ZoneId zone(String zone, ZoneId defaultZone) {
        if (zone == null || zone.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidInput("zone", "'" + zone + "' is not a time zone such as Asia/Tokyo or UTC");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The deliberation's own words for its tables (none: the defaults alone). */
    TableVocabulary vocabulary(String id) {
        return queries.query(new FindTableVocabulary(id, clock.current()), ResponseTypes.instanceOf(TableVocabulary.class)).join();
    }

    DeliberationDetail deliberation(String id) {
        return queries.query(new FindDeliberation(id, clock.current()), ResponseTypes.instanceOf(DeliberationDetail.class)).join();
    }

    static int version(Integer version) {
        if (version == null) {
            throw new InvalidInput("version", "is required: the draft version the comments are on");
        }
        if (version < 1) {
            throw new InvalidInput("version", "must be 1 or more; versions count from 1");
        }
        return version;
    }
}
