package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.shingi.deliberation.query.Sql.instant;
import static dev.shingi.deliberation.query.Sql.integer;

/**
 * Answers the {@code Find…} queries from the projections' tables. Reads only; an unknown id is answered with
 * {@link UnknownRecord}.
 */
@Component
class DeliberationQueries {

    /** Due dates are calendar days of the deliberation's body; the reference deliberation is Japanese. */
    static final ZoneId DUE_DATE_ZONE = ZoneId.of("Asia/Tokyo");
    static final String ILLUSTRATIVE_LABEL =
            "ILLUSTRATIVE EXAMPLE (例示): this version is not part of the record; it shows how a revision is tracked.";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    DeliberationQueries(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @QueryHandler
    List<DeliberationSummary> handle(FindDeliberations query) {
        return jdbc.queryForList("SELECT deliberation_id FROM deliberation_view ORDER BY occurred_at, deliberation_id",
                String.class).stream().map(this::summary).toList();
    }

    @QueryHandler
    DeliberationDetail handle(FindDeliberation query) {
        DeliberationSummary summary = summary(query.deliberationId());
        List<Participant> participants = jdbc.query("""
                SELECT * FROM participant_view WHERE deliberation_id = ? ORDER BY occurred_at, recorded_at, participant_id""",
                (rs, i) -> new Participant(rs.getString("participant_id"), rs.getString("name"),
                        Role.valueOf(rs.getString("role")), rs.getString("title"), rs.getString("affiliation"),
                        rs.getBoolean("organisation"), instant(rs, "occurred_at"), instant(rs, "recorded_at")),
                query.deliberationId());
        List<Meeting> meetings = jdbc.query("""
                SELECT * FROM meeting_view WHERE deliberation_id = ? ORDER BY starts_at, number""",
                (rs, i) -> new Meeting(rs.getString("meeting_id"), integer(rs, "number"), rs.getString("title"),
                        instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("venue"),
                        read(rs.getString("attendee_ids"), new TypeReference<>() { }),
                        read(rs.getString("materials"), new TypeReference<>() { }),
                        instant(rs, "occurred_at"), instant(rs, "recorded_at")),
                query.deliberationId());
        return new DeliberationDetail(summary, participants, meetings);
    }

    @QueryHandler
    List<CommentSummary> handle(FindComments query) {
        requireDeliberation(query.deliberationId());
        return comments("c.deliberation_id = ?", query.deliberationId());
    }

    @QueryHandler
    Outstanding handle(FindOutstanding query) {
        requireDeliberation(query.deliberationId());
        return new Outstanding(
                comments("c.deliberation_id = ? AND c.status = 'OPEN' AND c.needs_response = TRUE", query.deliberationId()),
                commitments("m.deliberation_id = ? AND m.status = 'OPEN'", query.deliberationId()));
    }

    @QueryHandler
    Answers handle(FindAnswers query) {
        requireDeliberation(query.deliberationId());
        Map<String, ParticipantRef> people = participants(query.deliberationId());
        Map<String, List<String>> commitmentsByResponse = new LinkedHashMap<>();
        jdbc.query("SELECT response_id, reference FROM commitment_view WHERE deliberation_id = ? ORDER BY reference",
                (ResultSet rs) -> {
                    commitmentsByResponse.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, query.deliberationId());
        List<AnswerLine> lines = jdbc.query("""
                SELECT c.comment_id, c.reference, c.number, c.author_id, c.kind, c.page_from, c.page_to, c.footnote,
                       c.section, c.quote, c.status, r.response_id, r.responder_id, r.disposition
                FROM comment_view c LEFT JOIN response_view r ON r.comment_id = c.comment_id
                WHERE c.deliberation_id = ?
                ORDER BY c.number, r.occurred_at""",
                (rs, i) -> new AnswerLine(rs.getString("comment_id"), rs.getString("reference"),
                        ref(people, rs.getString("author_id")),
                        rs.getString("responder_id") == null ? null : ref(people, rs.getString("responder_id")),
                        CommentKind.valueOf(rs.getString("kind")), anchor(rs).describe(),
                        rs.getString("disposition") == null ? null : Disposition.valueOf(rs.getString("disposition")),
                        CommentStatus.valueOf(rs.getString("status")),
                        rs.getString("response_id") == null ? List.of()
                                : commitmentsByResponse.getOrDefault(rs.getString("response_id"), List.of())),
                query.deliberationId());
        List<ResponderAnswers> byResponder = group(lines.stream().filter(l -> l.responder() != null).toList(),
                AnswerLine::responder).entrySet().stream()
                .map(e -> new ResponderAnswers(e.getKey(), e.getValue())).toList();
        List<MemberAnswers> byMember = group(lines, AnswerLine::member).entrySet().stream()
                .map(e -> new MemberAnswers(e.getKey(), e.getValue())).toList();
        return new Answers(byResponder, byMember);
    }

    @QueryHandler
    List<VersionSummary> handle(FindVersions query) {
        requireDeliberation(query.deliberationId());
        Map<String, ParticipantRef> people = participants(query.deliberationId());
        Map<Integer, List<FulfilledCommitment>> fulfilled = commitments(
                "m.deliberation_id = ? AND m.status = 'FULFILLED'", query.deliberationId()).stream()
                .collect(Collectors.groupingBy(CommitmentSummary::fulfilledInVersion, LinkedHashMap::new,
                        Collectors.mapping(c -> new FulfilledCommitment(c.commitmentId(), c.reference(), c.commentId(),
                                c.commentReference(), c.description(), c.location()), Collectors.toList())));
        Map<Integer, Integer> raised = new LinkedHashMap<>();
        jdbc.query("SELECT draft_version, COUNT(*) FROM comment_view WHERE deliberation_id = ? GROUP BY draft_version",
                (ResultSet rs) -> {
                    raised.put(rs.getInt(1), rs.getInt(2));
                }, query.deliberationId());
        return jdbc.query("SELECT * FROM version_view WHERE deliberation_id = ? ORDER BY version",
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
                }, query.deliberationId());
    }

    @QueryHandler
    List<TimelineEntry> handle(FindTimeline query) {
        requireDeliberation(query.deliberationId());
        return jdbc.query("SELECT * FROM timeline_entry WHERE deliberation_id = ? ORDER BY occurred_at, position",
                TIMELINE, query.deliberationId());
    }

    @QueryHandler
    CommentThread handle(FindThread query) {
        List<CommentSummary> found = comments("c.comment_id = ?", query.commentId());
        if (found.isEmpty()) {
            throw new UnknownRecord("commentId", "No comment '" + query.commentId() + "'.");
        }
        CommentSummary comment = found.get(0);
        Map<String, ParticipantRef> people = participants(comment.deliberationId());
        Map<String, List<CommitmentSummary>> commitments = commitments("m.comment_id = ?", query.commentId()).stream()
                .collect(Collectors.groupingBy(CommitmentSummary::responseId, LinkedHashMap::new, Collectors.toList()));
        List<ResponseDetail> responses = jdbc.query(
                "SELECT * FROM response_view WHERE comment_id = ? ORDER BY occurred_at, recorded_at",
                (rs, i) -> new ResponseDetail(rs.getString("response_id"), ref(people, rs.getString("responder_id")),
                        Disposition.valueOf(rs.getString("disposition")), rs.getString("text"),
                        commitments.getOrDefault(rs.getString("response_id"), List.of()),
                        instant(rs, "occurred_at"), instant(rs, "recorded_at")),
                query.commentId());
        List<Acknowledgement> acknowledgements = jdbc.query(
                "SELECT * FROM acknowledgement_view WHERE comment_id = ? ORDER BY occurred_at, recorded_at",
                (rs, i) -> new Acknowledgement(rs.getString("response_id"), ref(people, rs.getString("participant_id")),
                        rs.getBoolean("satisfied"), rs.getString("note"), instant(rs, "occurred_at"),
                        instant(rs, "recorded_at")),
                query.commentId());
        List<TimelineEntry> history = jdbc.query(
                "SELECT * FROM timeline_entry WHERE comment_id = ? ORDER BY occurred_at, position", TIMELINE,
                query.commentId());
        return new CommentThread(comment, responses, acknowledgements, history);
    }

    @QueryHandler
    String handle(ResolveCommitment query) {
        List<String> ids = jdbc.queryForList(
                "SELECT commitment_id FROM commitment_view WHERE deliberation_id = ? AND reference = ?",
                String.class, query.deliberationId(), query.reference());
        if (ids.isEmpty()) {
            throw new UnknownRecord("commitment",
                    "Deliberation '" + query.deliberationId() + "' has no commitment " + query.reference() + ".");
        }
        return ids.get(0);
    }

    private static final RowMapper<TimelineEntry> TIMELINE = (rs, i) -> new TimelineEntry(rs.getLong("position"),
            rs.getString("event_id"), rs.getString("event_type"), rs.getString("summary"), rs.getString("comment_id"),
            rs.getString("recorded_by"), instant(rs, "occurred_at"), instant(rs, "recorded_at"));

    private DeliberationSummary summary(String deliberationId) {
        List<DeliberationSummary> found = jdbc.query("""
                SELECT d.*,
                  (SELECT COUNT(*) FROM participant_view p WHERE p.deliberation_id = d.deliberation_id) AS participants,
                  (SELECT COUNT(*) FROM meeting_view m WHERE m.deliberation_id = d.deliberation_id) AS meetings,
                  (SELECT COUNT(*) FROM comment_view c WHERE c.deliberation_id = d.deliberation_id) AS comments,
                  (SELECT COUNT(*) FROM comment_view c WHERE c.deliberation_id = d.deliberation_id
                      AND c.status = 'OPEN' AND c.needs_response = TRUE) AS unanswered,
                  (SELECT COUNT(*) FROM response_view r WHERE r.deliberation_id = d.deliberation_id) AS responses,
                  (SELECT COUNT(*) FROM commitment_view m WHERE m.deliberation_id = d.deliberation_id) AS made,
                  (SELECT COUNT(*) FROM commitment_view m WHERE m.deliberation_id = d.deliberation_id
                      AND m.status = 'OPEN') AS open_commitments,
                  (SELECT COUNT(*) FROM commitment_view m WHERE m.deliberation_id = d.deliberation_id
                      AND m.status = 'OPEN' AND m.due_date < ?) AS overdue,
                  (SELECT COUNT(*) FROM version_view v WHERE v.deliberation_id = d.deliberation_id) AS versions,
                  (SELECT MAX(version) FROM version_view v WHERE v.deliberation_id = d.deliberation_id) AS latest
                FROM deliberation_view d WHERE d.deliberation_id = ?""",
                (rs, i) -> new DeliberationSummary(rs.getString("deliberation_id"), rs.getString("title"),
                        rs.getString("body"), instant(rs, "occurred_at"), rs.getInt("participants"),
                        rs.getInt("meetings"), rs.getInt("comments"), rs.getInt("unanswered"), rs.getInt("responses"),
                        rs.getInt("made"), rs.getInt("open_commitments"), rs.getInt("overdue"), rs.getInt("versions"),
                        integer(rs, "latest")),
                today(), deliberationId);
        if (found.isEmpty()) {
            throw new UnknownRecord("deliberationId", "No deliberation '" + deliberationId + "'.");
        }
        return found.get(0);
    }

    private void requireDeliberation(String deliberationId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM deliberation_view WHERE deliberation_id = ?",
                Integer.class, deliberationId);
        if (n == null || n == 0) {
            throw new UnknownRecord("deliberationId", "No deliberation '" + deliberationId + "'.");
        }
    }

    private List<CommentSummary> comments(String where, Object... args) {
        return jdbc.query("""
                SELECT c.*, p.name AS author_name, p.role AS author_role, p.title AS author_title
                FROM comment_view c
                LEFT JOIN participant_view p ON p.deliberation_id = c.deliberation_id AND p.participant_id = c.author_id
                WHERE %s ORDER BY c.number""".formatted(where),
                (rs, i) -> {
                    Anchor anchor = anchor(rs);
                    String role = rs.getString("author_role");
                    return new CommentSummary(rs.getString("comment_id"), rs.getString("reference"),
                            rs.getString("deliberation_id"),
                            new ParticipantRef(rs.getString("author_id"), nameOr(rs.getString("author_name"), rs.getString("author_id")),
                                    role == null ? null : Role.valueOf(role), rs.getString("author_title")),
                            rs.getInt("draft_version"), anchor, anchor.describe(),
                            CommentKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getString("meeting_id"),
                            CommentStatus.valueOf(rs.getString("status")), rs.getBoolean("needs_response"),
                            instant(rs, "occurred_at"), instant(rs, "recorded_at"));
                }, args);
    }

    private List<CommitmentSummary> commitments(String where, Object... args) {
        LocalDate today = today();
        return jdbc.query("""
                SELECT m.*, c.reference AS comment_reference, p.name AS owner_name, p.role AS owner_role,
                       p.title AS owner_title
                FROM commitment_view m
                JOIN comment_view c ON c.comment_id = m.comment_id
                LEFT JOIN participant_view p ON p.deliberation_id = m.deliberation_id AND p.participant_id = m.owner_id
                WHERE %s ORDER BY c.number, m.commitment_id""".formatted(where),
                (rs, i) -> {
                    LocalDate due = Sql.date(rs, "due_date");
                    CommitmentStatus status = CommitmentStatus.valueOf(rs.getString("status"));
                    String role = rs.getString("owner_role");
                    Integer page = integer(rs, "location_page");
                    String footnote = rs.getString("location_footnote");
                    String section = rs.getString("location_section");
                    Location location = page == null && footnote == null && section == null ? null
                            : new Location(page, footnote, section);
                    var made = instant(rs, "occurred_at");
                    return new CommitmentSummary(rs.getString("commitment_id"), rs.getString("reference"),
                            rs.getString("comment_id"), rs.getString("comment_reference"), rs.getString("response_id"),
                            CommitmentKind.valueOf(rs.getString("kind")), rs.getString("description"),
                            new ParticipantRef(rs.getString("owner_id"), nameOr(rs.getString("owner_name"), rs.getString("owner_id")),
                                    role == null ? null : Role.valueOf(role), rs.getString("owner_title")),
                            due, status == CommitmentStatus.OPEN && due != null && due.isBefore(today),
                            Math.max(0, ChronoUnit.DAYS.between(made.atZone(DUE_DATE_ZONE).toLocalDate(), today)),
                            status, integer(rs, "fulfilled_version"), location, rs.getString("closing_note"), made,
                            instant(rs, "recorded_at"), instant(rs, "closed_at"));
                }, args);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DUE_DATE_ZONE));
    }

    private Map<String, ParticipantRef> participants(String deliberationId) {
        Map<String, ParticipantRef> people = new LinkedHashMap<>();
        jdbc.query("SELECT participant_id, name, role, title FROM participant_view WHERE deliberation_id = ?",
                (ResultSet rs) -> {
                    people.put(rs.getString(1), new ParticipantRef(rs.getString(1), rs.getString(2),
                            Role.valueOf(rs.getString(3)), rs.getString(4)));
                }, deliberationId);
        return people;
    }

    private static ParticipantRef ref(Map<String, ParticipantRef> people, String id) {
        return Optional.ofNullable(people.get(id)).orElse(new ParticipantRef(id, id, null, null));
    }

    private static String nameOr(String name, String id) {
        return name != null ? name : id;
    }

    private static Anchor anchor(ResultSet rs) throws SQLException {
        return new Anchor(integer(rs, "page_from"), integer(rs, "page_to"), rs.getString("footnote"),
                rs.getString("section"), rs.getString("quote"));
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
