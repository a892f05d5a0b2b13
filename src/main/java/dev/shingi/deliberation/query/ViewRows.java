package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.shingi.deliberation.api.*;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import static dev.shingi.deliberation.query.AsOfSql.HOLDS;
import static dev.shingi.deliberation.query.AsOfSql.args;
import static dev.shingi.deliberation.query.AsOfSql.day;
import static dev.shingi.deliberation.query.AsOfSql.holds;

/**
 * What several views read alike: whether a deliberation exists, its participants, comments and commitments as of a
 * moment, and how a row of comment_v, commitment_v or timeline_v becomes the api's record.
 */
@Component
class ViewRows {

    private final JdbcTemplate jdbc;

    ViewRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** 404 only for a deliberation that was never recorded; before it was, its views are simply empty. */
    void requireDeliberation(String deliberationId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM deliberation_v WHERE deliberation_id = ?",
                Integer.class, deliberationId);
        if (n == null || n == 0) {
            throw new UnknownRecord("deliberationId", "No deliberation '" + deliberationId + "'.");
        }
    }

    Map<String, ParticipantRef> participants(String deliberationId, AsOf asOf) {
        Map<String, ParticipantRef> people = new LinkedHashMap<>();
        jdbc.query("SELECT participant_id, name, role, title FROM participant_v WHERE deliberation_id = ? AND position <= ?",
                (ResultSet rs) -> {
                    people.put(rs.getString(1), new ParticipantRef(rs.getString(1), rs.getString(2),
                            Role.valueOf(rs.getString(3)), rs.getString(4)));
                }, deliberationId, asOf.position());
        return people;
    }

    /** The comments that hold as of {@code asOf} and meet {@code where} (one parameter, {@code id}), by number. */
    List<CommentSummary> comments(String where, String id, AsOf asOf) {
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
     * {@code where}'s parameters, then {@link AsOfSql#holds}'s.
     */
    List<CommitmentSummary> commitments(String where, Object[] args, Map<String, ParticipantRef> people, AsOf asOf) {
        LocalDate today = day(asOf.at());
        return inReferenceOrder(jdbc.query("SELECT * FROM commitment_v WHERE " + where + " AND" + HOLDS,
                (rs, i) -> commitment(rs, people, today), args));
    }

    static final RowMapper<TimelineEntry> TIMELINE = (rs, i) -> new TimelineEntry(rs.getLong("position"),
            rs.getString("row_key"), rs.getString("event_type"), rs.getString("summary"), rs.getString("comment_id"),
            rs.getString("recorded_by"), instant(rs, "occurred_at"), instant(rs, "recorded_at"),
            EventJson.phrase(rs.getString("wording")));

    static CommentSummary comment(ResultSet rs, Map<String, ParticipantRef> people) throws SQLException {
        Anchor anchor = new Anchor(integer(rs, "page_from"), integer(rs, "page_to"), rs.getString("footnote"),
                rs.getString("section"), rs.getString("quote"), integer(rs, "line_from"), integer(rs, "line_to"),
                rs.getString("element"));
        return new CommentSummary(rs.getString("row_key"), rs.getString("reference"), rs.getString("deliberation_id"),
                ref(people, rs.getString("author_id")), rs.getInt("draft_version"), anchor, anchor.describe(),
                CommentKind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getString("meeting_id"),
                CommentStatus.valueOf(rs.getString("status")), rs.getBoolean("needs_response"),
                instant(rs, "occurred_at"), instant(rs, "recorded_at"), rs.getString("proposed_change"),
                EventJson.source(rs.getString("source")));
    }

    /** {@code day}: the as-of instant's date, where a due date is overdue after (computed once per query). */
    static CommitmentSummary commitment(ResultSet rs, Map<String, ParticipantRef> people, LocalDate day)
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
                rs.getString("closing_note"), made, instant(rs, "recorded_at"), instant(rs, "closed_at"),
                standing(rs.getString("answer_standing")));
    }

    private static AnswerStanding standing(String value) {
        return value == null ? AnswerStanding.CURRENT : AnswerStanding.valueOf(value);
    }

    /** By comment number, then commitment number ("#12.3": 12, then 3). */
    static List<CommitmentSummary> inReferenceOrder(List<CommitmentSummary> commitments) {
        return byKey(commitments, c -> (long) numberAfter(c.commentReference(), 0) << 32
                | numberAfter(c.reference(), c.reference().lastIndexOf('.')));
    }

    /**
     * Sorted (stably) by a key computed once per item: sorting ~800 rows compares ~8,000 times, and parsing the
     * references at every comparison was 4 % of an "outstanding" query at 1M events.
     */
    static <T> List<T> byKey(List<T> items, ToLongFunction<T> key) {
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
    static int numberAfter(String reference, int at) {
        return Integer.parseInt(reference, at + 1, reference.length(), 10);
    }

    /** A participant as the views name them; an id not (yet) registered stands for itself. */
    static ParticipantRef ref(Map<String, ParticipantRef> people, String id) {
        return Optional.ofNullable(people.get(id)).orElse(new ParticipantRef(id, id, null, null));
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** A JSON column (a meeting's attendees and materials, a version's changes). */
    static <T> T read(String text, TypeReference<T> type) {
        try {
            return EventJson.MAPPER.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
