package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.shingi.deliberation.query.AsOfSql.HAPPENED;
import static dev.shingi.deliberation.query.AsOfSql.HOLDS;
import static dev.shingi.deliberation.query.AsOfSql.args;
import static dev.shingi.deliberation.query.AsOfSql.happened;
import static dev.shingi.deliberation.query.AsOfSql.holds;
import static dev.shingi.deliberation.query.ViewRows.TIMELINE;
import static dev.shingi.deliberation.query.ViewRows.instant;
import static dev.shingi.deliberation.query.ViewRows.ref;

/**
 * One comment's thread as of a moment ({@link FindThread}): the comment, its responses with their commitments, the
 * acknowledgements, the corrections known by then, and its history.
 */
@Component
class ThreadQueries {

    private final JdbcTemplate jdbc;
    private final ViewRows rows;

    ThreadQueries(JdbcTemplate jdbc, ViewRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
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
        Map<String, ParticipantRef> people = rows.participants(deliberation.get(0), asOf);
        CommentSummary comment = rows.comments("row_key = ?", query.commentId(), asOf).get(0);
        Map<String, List<CommitmentSummary>> commitments = rows.commitments("comment_id = ?",
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
}
