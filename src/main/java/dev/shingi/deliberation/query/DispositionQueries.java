package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.shingi.deliberation.query.AsOfSql.HAPPENED;
import static dev.shingi.deliberation.query.AsOfSql.HOLDS;
import static dev.shingi.deliberation.query.AsOfSql.holds;
import static dev.shingi.deliberation.query.Temporal.millis;
import static dev.shingi.deliberation.query.ViewRows.comment;
import static dev.shingi.deliberation.query.ViewRows.instant;
import static dev.shingi.deliberation.query.ViewRows.ref;

/** The disposition table of a range of draft versions as of a moment ({@link FindDisposition}), for the reports. */
@Component
class DispositionQueries {

    private final JdbcTemplate jdbc;
    private final ViewRows rows;

    DispositionQueries(JdbcTemplate jdbc, ViewRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
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
        rows.requireDeliberation(id);
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
        Map<String, ParticipantRef> people = rows.participants(id, asOf);
        List<CommentSummary> comments = new ArrayList<>();
        jdbc.query("SELECT * FROM comment_v WHERE deliberation_id = ? AND draft_version BETWEEN ? AND ? AND" + HOLDS
                + "ORDER BY number", (ResultSet rs) -> {
            comments.add(comment(rs, people));
        }, commentArgs.toArray());
        Map<String, List<CommitmentSummary>> commitments = rows.commitments("comment_id IN (" + commentsOfRange + ")",
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
}
