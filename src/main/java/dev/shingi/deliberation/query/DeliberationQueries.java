package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import static dev.shingi.deliberation.query.Temporal.millis;

/**
 * Answers the {@code Find…} queries from the temporal tables, as of both clocks ({@link AsOf}): a row answers when
 * it holds at {@code at} on the occurred clock and at {@code position} on the knowledge clock. No query replays the
 * log; "outstanding" finds the rows that hold through indexes over their intervals (interval trees on H2, GiST on
 * PostgreSQL), so its cost depends on the answer, not on the length of the history.
 */
@Component
class DeliberationQueries {

    /** Due dates are calendar days of the deliberation's body; the reference deliberation is Japanese. */
    static final ZoneId DUE_DATE_ZONE = ZoneId.of("Asia/Tokyo");
    static final String ILLUSTRATIVE_LABEL =
            "ILLUSTRATIVE EXAMPLE (例示): this version is not part of the record; it shows how a revision is tracked.";

    /** Rows that hold at (at, position): interval rows, and rows fixed at one occurred time and log position. */
    private static final String HOLDS = " valid_from <= ? AND valid_to > ? AND known_from <= ? AND known_to > ? ";
    private static final String HAPPENED = " occurred_at <= ? AND position <= ? ";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.MAPPER;
    /** "Outstanding" walks interval trees on H2 and probes GiST indexes on PostgreSQL (ADR 007). */
    private final boolean postgres;

    /**
     * One snapshot for the several statements of "outstanding": PostgreSQL's REPEATABLE READ is one; H2's holds a
     * snapshot per table from its first read, its SERIALIZABLE one of the whole database (checked, ADR 007).
     */
    private final TransactionTemplate snapshot;

    DeliberationQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.postgres = Vendor.postgres(jdbc);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(postgres ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                : TransactionDefinition.ISOLATION_SERIALIZABLE);
    }

    private static Object[] holds(AsOf a) {
        long at = millis(a.at());
        return new Object[]{at, at, a.position(), a.position()};
    }

    private static Object[] happened(AsOf a) {
        return new Object[]{millis(a.at()), a.position()};
    }

    private static Object[] args(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @QueryHandler
    List<DeliberationSummary> handle(FindDeliberations query) {
        return jdbc.queryForList("SELECT deliberation_id FROM deliberation_v WHERE" + HAPPENED
                        + "ORDER BY occurred_at, deliberation_id", String.class, happened(query.asOf()))
                .stream().map(id -> summary(id, query.asOf())).toList();
    }

    @QueryHandler
    DeliberationDetail handle(FindDeliberation query) {
        AsOf asOf = query.asOf();
        DeliberationSummary summary = summary(query.deliberationId(), asOf);
        List<Participant> participants = jdbc.query("SELECT * FROM participant_v WHERE deliberation_id = ? AND"
                        + HAPPENED + "ORDER BY position",
                (rs, i) -> new Participant(rs.getString("participant_id"), rs.getString("name"),
                        Role.valueOf(rs.getString("role")), rs.getString("title"), rs.getString("affiliation"),
                        rs.getBoolean("organisation"), instant(rs, "occurred_at"), instant(rs, "recorded_at")),
                args(query.deliberationId(), happened(asOf)));
        List<Meeting> meetings = jdbc.query("SELECT * FROM meeting_v WHERE deliberation_id = ? AND" + HAPPENED
                        + "ORDER BY starts_at, number",
                (rs, i) -> new Meeting(rs.getString("meeting_id"), integer(rs, "number"), rs.getString("title"),
                        instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("venue"),
                        read(rs.getString("attendee_ids"), new TypeReference<>() { }),
                        read(rs.getString("materials"), new TypeReference<>() { }),
                        instant(rs, "occurred_at"), instant(rs, "recorded_at")),
                args(query.deliberationId(), happened(asOf)));
        return new DeliberationDetail(summary, participants, meetings);
    }

    @QueryHandler
    List<CommentSummary> handle(FindComments query) {
        requireDeliberation(query.deliberationId(), query.asOf());
        return comments("deliberation_id = ?", query.deliberationId(), query.asOf());
    }

    /** In one snapshot: its several statements (ranges, probes, both tables, the names) see the same views. */
    @QueryHandler
    Outstanding handle(FindOutstanding query) {
        AsOf asOf = query.asOf();
        requireDeliberation(query.deliberationId(), asOf);
        return snapshot.execute(status -> {
            Map<String, ParticipantRef> people = participants(query.deliberationId(), asOf);
            LocalDate today = day(asOf.at());
            List<CommentSummary> comments = byKey(stab("comment_v", "AND needs_response = TRUE",
                    query.deliberationId(), asOf, (rs, i) -> comment(rs, people)), c -> numberAfter(c.reference(), 0));
            List<CommitmentSummary> commitments = inReferenceOrder(stab("commitment_v", "", query.deliberationId(),
                    asOf, (rs, i) -> commitment(rs, people, today)));
            return new Outstanding(comments, commitments);
        });
    }

    /** By comment number, then commitment number ("#12.3": 12, then 3). */
    private static List<CommitmentSummary> inReferenceOrder(List<CommitmentSummary> commitments) {
        return byKey(commitments, c -> (long) numberAfter(c.commentReference(), 0) << 32
                | numberAfter(c.reference(), c.reference().lastIndexOf('.')));
    }

    /**
     * Sorted (stably) by a key computed once per item: sorting ~800 rows compares ~8,000 times, and parsing the
     * references at every comparison was 4 % of an "outstanding" query at 1M events.
     */
    private static <T> List<T> byKey(List<T> items, ToLongFunction<T> key) {
        record Keyed<U>(long key, U item) {
        }
        List<Keyed<T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            keyed.add(new Keyed<>(key.applyAsLong(item), item));
        }
        keyed.sort(Comparator.comparingLong(Keyed::key));
        return keyed.stream().map(Keyed::item).toList();
    }

    /** The number after index {@code at} of a reference ("#12" at 0 → 12; "#12.3" at 3 → 3), without a substring. */
    private static int numberAfter(String reference, int at) {
        return Integer.parseInt(reference, at + 1, reference.length(), 10);
    }

    /**
     * OPEN rows of a table that hold at (at, position): a row holds iff valid_from <= at < valid_to and known_from <=
     * position < known_to. Rows that end on the occurred clock are found by their validity, rows that hold until
     * further notice by what the ledger knew them for, so that neither search meets superseded history; the cost
     * follows the rows that hold, not the length of the history (ADR 007). {@code extra} is the condition the indexes
     * are restricted to beyond status = 'OPEN' (comments: those that need a response).
     * <p>
     * PostgreSQL: each interval is a point (start, end) in a partial GiST index (V14), and "the intervals containing
     * t" is the quadrant start <= t <= end, one probe per clock, the exact bounds tested on what it finds. H2: the
     * relational interval trees of V4/V7 ({@link #treeStab}). Either way several statements: run it in
     * {@link #snapshot}, or a row the views processor re-files between two of them (its knowledge closed, so it moves
     * to another node or quadrant) could be read twice or not at all.
     */
    private <T> List<T> stab(String table, String extra, String deliberationId, AsOf asOf, RowMapper<T> mapper) {
        long at = millis(asOf.at());
        long position = asOf.position();
        if (!postgres) {
            return treeStab(table, extra, deliberationId, at, position, mapper);
        }
        String exact = " AND deliberation_id = ? AND status = 'OPEN' " + extra
                + " AND valid_from <= ? AND valid_to > ? AND known_from <= ? AND known_to > ?";
        Object[] bounds = {deliberationId, at, at, position, position};
        List<T> rows = new ArrayList<>(jdbc.query("SELECT * FROM " + table
                        + " WHERE point(valid_from::float8, valid_to::float8) <@ box(point(?, ?), point(?, ?))"
                        + " AND valid_to < " + Temporal.FOREVER + exact, mapper, args(quadrant(at), bounds)));
        rows.addAll(jdbc.query("SELECT * FROM " + table
                        + " WHERE point(known_from::float8, known_to::float8) <@ box(point(?, ?), point(?, ?))"
                        + " AND valid_to = " + Temporal.FOREVER + exact, mapper, args(quadrant(position), bounds)));
        return rows;
    }

    /**
     * H2: the rows on the paths to {@code at} (tree over the occurred clock, {@code ri_node}) and to {@code position}
     * (tree over knowledge, {@code kn_node}), one index range per node (Temporal.java), each its own statement. The
     * indexes hold the other clock's bounds too (V15), though H2 still reads each entry's row to test them (ADR 007,
     * correction: asking for keys first, then the rows, measured no faster). Measured at 1M events, against
     * one UNION ALL of all the ranges: the union's text depends on the instant, so H2 parsed it for nearly every query,
     * and it converted every row it carried; six texts per table, each parsed once per connection, cost about half.
     * Not an R-tree, as on PostgreSQL: H2 2.3.232 could not open a database again after a crash with one (ADR 007).
     */
    private <T> List<T> treeStab(String table, String extra, String deliberationId, long at, long position,
                                 RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        walk(rows, table, extra, deliberationId, "ri_node", "valid", at,
                " AND known_from <= ? AND known_to > ?", new Object[]{position, position}, mapper);
        walk(rows, table, extra, deliberationId, "kn_node", "known", position,
                " AND valid_from <= ?", new Object[]{at}, mapper);
        return rows;
    }

    /**
     * One tree's ranges: the nodes ({@code nodeColumn}) on the path to {@code t} over the clock whose columns are
     * {@code clock}_from / {@code clock}_to, each range filtered on the other clock's bounds ({@code other}).
     */
    private <T> void walk(List<T> rows, String table, String extra, String deliberationId, String nodeColumn,
                          String clock, long t, String other, Object[] otherBounds, RowMapper<T> mapper) {
        String sql = "SELECT * FROM " + table + " WHERE deliberation_id = ? AND status = 'OPEN' AND " + nodeColumn
                + " = ? " + extra + other;
        Temporal.path(t, (node, side) -> {
            Object[] head = args(new Object[]{deliberationId, node}, otherBounds);
            rows.addAll(switch (side) {
                case NODE_AFTER -> jdbc.query(sql + " AND " + clock + "_from <= ?", mapper, args(head, new Object[]{t}));
                case NODE_BEFORE -> jdbc.query(sql + " AND " + clock + "_to > ?", mapper, args(head, new Object[]{t}));
                case AT -> jdbc.query(sql, mapper, head);
            });
        });
    }

    /** The points (start, end) with start <= t <= end, as the corners of a box (PostgreSQL: float8, exact here). */
    private static Object[] quadrant(long t) {
        return new Object[]{-QUADRANT_EDGE, (double) t, (double) t, QUADRANT_EDGE};
    }

    /** Beyond every start and end a row can have, "forever" (Long.MAX_VALUE) included. */
    private static final double QUADRANT_EDGE = 1e19;

    private static Object[] args(Object[] first, Object[] rest) {
        Object[] all = new Object[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    @QueryHandler
    Answers handle(FindAnswers query) {
        AsOf asOf = query.asOf();
        requireDeliberation(query.deliberationId(), asOf);
        Map<String, ParticipantRef> people = participants(query.deliberationId(), asOf);
        Map<String, List<String>> commitmentsByResponse = new LinkedHashMap<>();
        jdbc.query("SELECT response_id, reference FROM commitment_v WHERE deliberation_id = ? AND" + HOLDS,
                (ResultSet rs) -> {
                    commitmentsByResponse.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, args(query.deliberationId(), holds(asOf)));
        commitmentsByResponse.values().forEach(list -> list.sort(Comparator.comparingInt(
                r -> numberAfter(r, r.lastIndexOf('.')))));
        record Answer(String commentId, String responseId, String responderId, Disposition disposition) {
        }
        Map<String, List<Answer>> responsesByComment = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM response_v WHERE deliberation_id = ? AND" + HOLDS + "ORDER BY occurred_at, recorded_at",
                (ResultSet rs) -> {
                    responsesByComment.computeIfAbsent(rs.getString("comment_id"), k -> new ArrayList<>())
                            .add(new Answer(rs.getString("comment_id"), rs.getString("response_id"),
                                    rs.getString("responder_id"), Disposition.valueOf(rs.getString("disposition"))));
                }, args(query.deliberationId(), holds(asOf)));
        List<AnswerLine> lines = new ArrayList<>();
        for (CommentSummary c : comments("deliberation_id = ?", query.deliberationId(), asOf)) {
            List<Answer> responses = responsesByComment.getOrDefault(c.commentId(), List.of());
            if (responses.isEmpty()) {
                lines.add(new AnswerLine(c.commentId(), c.reference(), c.author(), null, c.kind(), c.anchorText(), null,
                        c.status(), List.of()));
            }
            for (Answer r : responses) {
                lines.add(new AnswerLine(c.commentId(), c.reference(), c.author(), ref(people, r.responderId()),
                        c.kind(), c.anchorText(), r.disposition(), c.status(),
                        commitmentsByResponse.getOrDefault(r.responseId(), List.of())));
            }
        }
        List<ResponderAnswers> byResponder = group(lines.stream().filter(l -> l.responder() != null).toList(),
                AnswerLine::responder).entrySet().stream()
                .map(e -> new ResponderAnswers(e.getKey(), e.getValue())).toList();
        List<MemberAnswers> byMember = group(lines, AnswerLine::member).entrySet().stream()
                .map(e -> new MemberAnswers(e.getKey(), e.getValue())).toList();
        return new Answers(byResponder, byMember);
    }

    @QueryHandler
    List<VersionSummary> handle(FindVersions query) {
        AsOf asOf = query.asOf();
        requireDeliberation(query.deliberationId(), asOf);
        Map<String, ParticipantRef> people = participants(query.deliberationId(), asOf);
        Map<Integer, List<FulfilledCommitment>> fulfilled = commitments("deliberation_id = ? AND status = 'FULFILLED'",
                        args(query.deliberationId(), holds(asOf)), people, asOf).stream()
                .collect(Collectors.groupingBy(CommitmentSummary::fulfilledInVersion, LinkedHashMap::new,
                        Collectors.mapping(c -> new FulfilledCommitment(c.commitmentId(), c.reference(), c.commentId(),
                                c.commentReference(), c.description(), c.location()), Collectors.toList())));
        Map<Integer, Integer> raised = new LinkedHashMap<>();
        jdbc.query("SELECT draft_version, COUNT(*) FROM comment_v WHERE deliberation_id = ? AND" + HOLDS
                        + "GROUP BY draft_version",
                (ResultSet rs) -> {
                    raised.put(rs.getInt(1), rs.getInt(2));
                }, args(query.deliberationId(), holds(asOf)));
        return jdbc.query("SELECT * FROM version_v WHERE deliberation_id = ? AND" + HAPPENED + "ORDER BY version",
                (rs, i) -> {
                    int version = rs.getInt("version");
                    List<FulfilledCommitment> kept = fulfilled.getOrDefault(version, List.of());
                    boolean illustrative = rs.getBoolean("illustrative");
                    return new VersionSummary(version, rs.getBoolean("revision"), integer(rs, "based_on"),
                            rs.getString("title"), rs.getString("material_number"), integer(rs, "page_count"),
                            rs.getString("summary"), read(rs.getString("changes"), new TypeReference<>() { }),
                            rs.getString("committed_by") == null ? null : ref(people, rs.getString("committed_by")),
                            illustrative, illustrative ? ILLUSTRATIVE_LABEL : null, kept,
                            kept.stream().map(FulfilledCommitment::commentReference).distinct().toList(),
                            raised.getOrDefault(version, 0), instant(rs, "occurred_at"), instant(rs, "recorded_at"));
                }, args(query.deliberationId(), happened(asOf)));
    }

    @QueryHandler
    List<TimelineEntry> handle(FindTimeline query) {
        AsOf asOf = query.asOf();
        requireDeliberation(query.deliberationId(), asOf);
        if (query.afterPosition() != null) {
            return jdbc.query("SELECT * FROM timeline_v WHERE deliberation_id = ? AND position > ? AND" + HOLDS
                            + "ORDER BY position LIMIT ?", TIMELINE,
                    query.deliberationId(), query.afterPosition(), millis(asOf.at()), millis(asOf.at()),
                    asOf.position(), asOf.position(), query.limit() == null ? 100 : query.limit());
        }
        return jdbc.query("SELECT * FROM timeline_v WHERE deliberation_id = ? AND" + HOLDS
                + "ORDER BY occurred_at, position", TIMELINE, args(query.deliberationId(), holds(asOf)));
    }

    @QueryHandler
    CommentThread handle(FindThread query) {
        AsOf asOf = query.asOf();
        List<String> deliberation = jdbc.queryForList(
                "SELECT deliberation_id FROM comment_v WHERE row_key = ? AND" + HOLDS, String.class,
                args(query.commentId(), holds(asOf)));
        if (deliberation.isEmpty()) {
            throw new UnknownRecord("commentId", "No comment '" + query.commentId() + "' as of " + asOf.at() + ".");
        }
        Map<String, ParticipantRef> people = participants(deliberation.get(0), asOf);
        CommentSummary comment = comments("row_key = ?", query.commentId(), asOf).get(0);
        Map<String, List<CommitmentSummary>> commitments = commitments("comment_id = ?",
                        args(query.commentId(), holds(asOf)), people, asOf).stream()
                .collect(Collectors.groupingBy(CommitmentSummary::responseId, LinkedHashMap::new, Collectors.toList()));
        List<ResponseDetail> responses = jdbc.query(
                "SELECT * FROM response_v WHERE comment_id = ? AND" + HOLDS + "ORDER BY occurred_at, recorded_at",
                (rs, i) -> new ResponseDetail(rs.getString("response_id"), ref(people, rs.getString("responder_id")),
                        Disposition.valueOf(rs.getString("disposition")), rs.getString("text"),
                        commitments.getOrDefault(rs.getString("response_id"), List.of()),
                        instant(rs, "occurred_at"), instant(rs, "recorded_at")),
                args(query.commentId(), holds(asOf)));
        List<Acknowledgement> acknowledgements = jdbc.query(
                "SELECT * FROM acknowledgement_v WHERE comment_id = ? AND" + HAPPENED + "ORDER BY occurred_at, position",
                (rs, i) -> new Acknowledgement(rs.getString("response_id"), ref(people, rs.getString("participant_id")),
                        rs.getBoolean("satisfied"), rs.getString("note"), instant(rs, "occurred_at"),
                        instant(rs, "recorded_at")),
                args(query.commentId(), happened(asOf)));
        List<Correction> corrections = jdbc.query(
                "SELECT * FROM correction_v WHERE comment_id = ? AND position <= ? ORDER BY position, field",
                (rs, i) -> new Correction(rs.getString("response_id"), rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value"), rs.getString("reason"), ref(people, rs.getString("corrected_by")),
                        instant(rs, "occurred_at"), instant(rs, "recorded_at")),
                query.commentId(), asOf.position());
        List<TimelineEntry> history = jdbc.query(
                "SELECT * FROM timeline_v WHERE comment_id = ? AND" + HOLDS + "ORDER BY occurred_at, position", TIMELINE,
                args(query.commentId(), holds(asOf)));
        return new CommentThread(comment, responses, acknowledgements, corrections, history);
    }

    /**
     * The disposition of comments in four set-based reads (comments, their responses, their commitments, the
     * participants) with the same validity predicate as FindComments and FindThread, so that every row agrees with
     * the comment's thread as of the same moment; instead of one FindThread per comment.
     */
    @QueryHandler
    List<DispositionEntry> handle(FindDisposition query) {
        AsOf asOf = query.asOf();
        String id = query.deliberationId();
        requireDeliberation(id, asOf);
        for (Integer version : new Integer[]{query.fromVersion(), query.toVersion()}) {
            if (version != null && jdbc.queryForObject("SELECT COUNT(*) FROM version_v WHERE deliberation_id = ? "
                    + "AND version = ? AND" + HAPPENED, Integer.class, id, version, millis(asOf.at()), asOf.position()) == 0) {
                throw new UnknownRecord("version", "Deliberation '" + id + "' has no version " + version + " as of "
                        + asOf.at() + ".");
            }
        }
        int from = query.fromVersion() == null ? Integer.MIN_VALUE : query.fromVersion();
        int to = query.toVersion() == null ? Integer.MAX_VALUE : query.toVersion();
        Object[] h = holds(asOf);
        List<Object> commentArgs = new ArrayList<>(List.of(id, from, to));
        commentArgs.addAll(List.of(h));
        String commentsOfRange = "SELECT row_key FROM comment_v WHERE deliberation_id = ? AND draft_version BETWEEN ? AND ? AND"
                + HOLDS;
        List<Object> nestedArgs = new ArrayList<>(commentArgs);
        nestedArgs.addAll(List.of(h));
        Map<String, ParticipantRef> people = participants(id, asOf);
        List<CommentSummary> comments = new ArrayList<>();
        jdbc.query("SELECT * FROM comment_v WHERE deliberation_id = ? AND draft_version BETWEEN ? AND ? AND" + HOLDS
                + "ORDER BY number", (ResultSet rs) -> {
            comments.add(comment(rs, people));
        }, commentArgs.toArray());
        Map<String, List<CommitmentSummary>> commitments = commitments("comment_id IN (" + commentsOfRange + ")",
                        nestedArgs.toArray(), people, asOf).stream()
                .collect(Collectors.groupingBy(c -> c.commentId() + '\u0000' + c.responseId(), LinkedHashMap::new,
                        Collectors.toList())); // response ids are unique within their comment only
        Map<String, List<ResponseDetail>> responses = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM response_v WHERE comment_id IN (" + commentsOfRange + ") AND" + HOLDS
                        + "ORDER BY comment_id, occurred_at, recorded_at",
                (ResultSet rs) -> {
                    responses.computeIfAbsent(rs.getString("comment_id"), k -> new ArrayList<>()).add(new ResponseDetail(
                            rs.getString("response_id"), ref(people, rs.getString("responder_id")),
                            Disposition.valueOf(rs.getString("disposition")), rs.getString("text"),
                            commitments.getOrDefault(rs.getString("comment_id") + '\u0000' + rs.getString("response_id"),
                                    List.of()),
                            instant(rs, "occurred_at"), instant(rs, "recorded_at")));
                }, nestedArgs.toArray());
        return comments.stream()
                .map(c -> new DispositionEntry(c, responses.getOrDefault(c.commentId(), List.of())))
                .toList();
    }

    /** The last log position recorded at or before {@code knownAt}; 0 when nothing was. */
    @QueryHandler
    Long handle(FindKnowledgePosition query) {
        List<Long> found = jdbc.queryForList("""
                SELECT position FROM ledger_clock WHERE recorded_at <= ? ORDER BY recorded_at DESC, position DESC
                LIMIT 1""", Long.class, millis(query.knownAt()));
        return found.isEmpty() ? 0L : found.get(0);
    }

    private static final RowMapper<TimelineEntry> TIMELINE = (rs, i) -> new TimelineEntry(rs.getLong("position"),
            rs.getString("row_key"), rs.getString("event_type"), rs.getString("summary"), rs.getString("comment_id"),
            rs.getString("recorded_by"), instant(rs, "occurred_at"), instant(rs, "recorded_at"));

    private DeliberationSummary summary(String deliberationId, AsOf asOf) {
        LocalDate day = day(asOf.at());
        Object[] h = holds(asOf);
        Object[] p = happened(asOf);
        List<Object> args = new ArrayList<>();
        args.addAll(List.of(p));
        args.addAll(List.of(p));
        args.addAll(List.of(h));
        args.addAll(List.of(h));
        args.addAll(List.of(h));
        args.addAll(List.of(h));
        args.addAll(List.of(h));
        args.add(day);
        args.addAll(List.of(h));
        args.addAll(List.of(p));
        args.addAll(List.of(p));
        args.add(deliberationId);
        args.addAll(List.of(p));
        List<DeliberationSummary> found = jdbc.query("""
                SELECT d.*,
                  (SELECT COUNT(*) FROM participant_v x WHERE x.deliberation_id = d.deliberation_id AND %1$s) AS participants,
                  (SELECT COUNT(*) FROM meeting_v x WHERE x.deliberation_id = d.deliberation_id AND %1$s) AS meetings,
                  (SELECT COUNT(*) FROM comment_v x WHERE x.deliberation_id = d.deliberation_id AND %2$s) AS comments,
                  (SELECT COUNT(*) FROM comment_v x WHERE x.deliberation_id = d.deliberation_id
                      AND x.status = 'OPEN' AND x.needs_response = TRUE AND %2$s) AS unanswered,
                  (SELECT COUNT(*) FROM response_v x WHERE x.deliberation_id = d.deliberation_id AND %2$s) AS responses,
                  (SELECT COUNT(*) FROM commitment_v x WHERE x.deliberation_id = d.deliberation_id AND %2$s) AS made,
                  (SELECT COUNT(*) FROM commitment_v x WHERE x.deliberation_id = d.deliberation_id
                      AND x.status = 'OPEN' AND %2$s) AS open_commitments,
                  (SELECT COUNT(*) FROM commitment_v x WHERE x.deliberation_id = d.deliberation_id
                      AND x.status = 'OPEN' AND x.due_date < ? AND %2$s) AS overdue,
                  (SELECT COUNT(*) FROM version_v x WHERE x.deliberation_id = d.deliberation_id AND %1$s) AS versions,
                  (SELECT MAX(version) FROM version_v x WHERE x.deliberation_id = d.deliberation_id AND %1$s) AS latest
                FROM deliberation_v d WHERE d.deliberation_id = ? AND d.occurred_at <= ? AND d.position <= ?"""
                        .formatted("x.occurred_at <= ? AND x.position <= ?",
                                "x.valid_from <= ? AND x.valid_to > ? AND x.known_from <= ? AND x.known_to > ?"),
                (rs, i) -> new DeliberationSummary(rs.getString("deliberation_id"), rs.getString("title"),
                        rs.getString("body"), instant(rs, "occurred_at"), rs.getInt("participants"),
                        rs.getInt("meetings"), rs.getInt("comments"), rs.getInt("unanswered"), rs.getInt("responses"),
                        rs.getInt("made"), rs.getInt("open_commitments"), rs.getInt("overdue"), rs.getInt("versions"),
                        integer(rs, "latest")),
                args.toArray());
        if (found.isEmpty()) {
            throw new UnknownRecord("deliberationId", "No deliberation '" + deliberationId + "' as of " + asOf.at() + ".");
        }
        return found.get(0);
    }

    /** 404 only for a deliberation that was never recorded; before it was, its views are simply empty. */
    private void requireDeliberation(String deliberationId, AsOf asOf) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM deliberation_v WHERE deliberation_id = ?",
                Integer.class, deliberationId);
        if (n == null || n == 0) {
            throw new UnknownRecord("deliberationId", "No deliberation '" + deliberationId + "'.");
        }
    }

    private List<CommentSummary> comments(String where, String id, AsOf asOf) {
        List<CommentSummary> found = new ArrayList<>();
        Map<String, Map<String, ParticipantRef>> people = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM comment_v WHERE " + where + " AND" + HOLDS + "ORDER BY number",
                (ResultSet rs) -> {
                    found.add(comment(rs, people.computeIfAbsent(rs.getString("deliberation_id"),
                            d -> participants(d, asOf))));
                }, args(id, holds(asOf)));
        return found;
    }

    /**
     * The commitments that hold as of {@code asOf} and meet {@code where}, in reference order; {@code args} binds
     * {@code where}'s parameters, then {@link #holds}'s.
     */
    private List<CommitmentSummary> commitments(String where, Object[] args, Map<String, ParticipantRef> people,
                                                AsOf asOf) {
        LocalDate today = day(asOf.at());
        return inReferenceOrder(jdbc.query("SELECT * FROM commitment_v WHERE " + where + " AND" + HOLDS,
                (rs, i) -> commitment(rs, people, today), args));
    }

    private static CommentSummary comment(ResultSet rs, Map<String, ParticipantRef> people) throws SQLException {
        Anchor anchor = new Anchor(integer(rs, "page_from"), integer(rs, "page_to"), rs.getString("footnote"),
                rs.getString("section"), rs.getString("quote"), integer(rs, "line_from"), integer(rs, "line_to"),
                rs.getString("element"));
        return new CommentSummary(rs.getString("row_key"), rs.getString("reference"), rs.getString("deliberation_id"),
                ref(people, rs.getString("author_id")), rs.getInt("draft_version"), anchor, anchor.describe(),
                CommentKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getString("meeting_id"),
                CommentStatus.valueOf(rs.getString("status")), rs.getBoolean("needs_response"),
                instant(rs, "occurred_at"), instant(rs, "recorded_at"), rs.getString("proposed_change"));
    }

    /** {@code day}: the as-of instant's date, where a due date is overdue after (computed once per query). */
    private static CommitmentSummary commitment(ResultSet rs, Map<String, ParticipantRef> people, LocalDate day)
            throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        CommitmentStatus status = CommitmentStatus.valueOf(rs.getString("status"));
        Integer page = integer(rs, "location_page");
        String footnote = rs.getString("location_footnote");
        String section = rs.getString("location_section");
        Location location = page == null && footnote == null && section == null ? null : new Location(page, footnote, section);
        Instant made = instant(rs, "occurred_at");
        String reference = rs.getString("reference");
        return new CommitmentSummary(rs.getString("row_key"), reference, rs.getString("comment_id"),
                reference.substring(0, reference.lastIndexOf('.')), rs.getString("response_id"),
                CommitmentKind.valueOf(rs.getString("kind")), rs.getString("description"),
                ref(people, rs.getString("owner_id")), due, status == CommitmentStatus.OPEN && due != null && due.isBefore(day),
                Math.max(0, ChronoUnit.DAYS.between(day(made), day)), status, integer(rs, "fulfilled_version"), location,
                rs.getString("closing_note"), made, instant(rs, "recorded_at"), instant(rs, "closed_at"));
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(DUE_DATE_ZONE).toLocalDate();
    }

    private Map<String, ParticipantRef> participants(String deliberationId, AsOf asOf) {
        Map<String, ParticipantRef> people = new LinkedHashMap<>();
        jdbc.query("SELECT participant_id, name, role, title FROM participant_v WHERE deliberation_id = ? AND position <= ?",
                (ResultSet rs) -> {
                    people.put(rs.getString(1), new ParticipantRef(rs.getString(1), rs.getString(2),
                            Role.valueOf(rs.getString(3)), rs.getString(4)));
                }, deliberationId, asOf.position());
        return people;
    }

    private static ParticipantRef ref(Map<String, ParticipantRef> people, String id) {
        return Optional.ofNullable(people.get(id)).orElse(new ParticipantRef(id, id, null, null));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static <K> Map<K, List<AnswerLine>> group(List<AnswerLine> lines, Function<AnswerLine, K> key) {
        Map<K, List<AnswerLine>> grouped = new LinkedHashMap<>();
        lines.forEach(l -> grouped.computeIfAbsent(key.apply(l), k -> new ArrayList<>()).add(l));
        return grouped;
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
