package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.shingi.deliberation.query.AsOfSql.HOLDS;
import static dev.shingi.deliberation.query.AsOfSql.args;
import static dev.shingi.deliberation.query.AsOfSql.holds;
import static dev.shingi.deliberation.query.ViewRows.numberAfter;
import static dev.shingi.deliberation.query.ViewRows.ref;

/**
 * Who answered what as of a moment ({@link FindAnswers}): one line per comment and response, grouped by responder and
 * by the member who raised the comment.
 */
@Component
class AnswersQueries {

    private final JdbcTemplate jdbc;
    private final ViewRows rows;

    AnswersQueries(JdbcTemplate jdbc, ViewRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @QueryHandler
    Answers handle(FindAnswers query) {
        AsOf asOf = query.asOf();
        rows.requireDeliberation(query.deliberationId());
        Map<String, ParticipantRef> people = rows.participants(query.deliberationId(), asOf);
        // a response id is unique within its comment only: the commitments are the comment's response's
        Map<String, List<String>> commitmentsByResponse = new LinkedHashMap<>();
        jdbc.query("SELECT comment_id, response_id, reference FROM commitment_v WHERE deliberation_id = ? AND" + HOLDS,
                (ResultSet rs) -> {
                    commitmentsByResponse.computeIfAbsent(responseKey(rs.getString(1), rs.getString(2)),
                            k -> new ArrayList<>()).add(rs.getString(3));
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
        for (CommentSummary c : rows.comments("deliberation_id = ?", query.deliberationId(), asOf)) {
            List<Answer> responses = responsesByComment.getOrDefault(c.commentId(), List.of());
            if (responses.isEmpty()) {
                lines.add(new AnswerLine(c.commentId(), c.reference(), c.author(), null, c.kind(), c.anchorText(), null,
                        c.status(), List.of()));
            }
            for (Answer r : responses) {
                lines.add(new AnswerLine(c.commentId(), c.reference(), c.author(), ref(people, r.responderId()),
                        c.kind(), c.anchorText(), r.disposition(), c.status(),
                        commitmentsByResponse.getOrDefault(responseKey(c.commentId(), r.responseId()), List.of())));
            }
        }
        List<ResponderAnswers> byResponder = group(lines.stream().filter(l -> l.responder() != null).toList(),
                AnswerLine::responder).entrySet().stream()
                .map(e -> new ResponderAnswers(e.getKey(), e.getValue())).toList();
        List<MemberAnswers> byMember = group(lines, AnswerLine::member).entrySet().stream()
                .map(e -> new MemberAnswers(e.getKey(), e.getValue())).toList();
        return new Answers(byResponder, byMember);
    }

    private static String responseKey(String commentId, String responseId) {
        return commentId + "\u0000" + responseId;
    }

    private static <K> Map<K, List<AnswerLine>> group(List<AnswerLine> lines, Function<AnswerLine, K> key) {
        Map<K, List<AnswerLine>> grouped = new LinkedHashMap<>();
        lines.forEach(l -> grouped.computeIfAbsent(key.apply(l), k -> new ArrayList<>()).add(l));
        return grouped;
    }
}
