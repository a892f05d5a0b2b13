package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.shingi.deliberation.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.shingi.deliberation.query.AsOfSql.HAPPENED;
import static dev.shingi.deliberation.query.AsOfSql.HOLDS;
import static dev.shingi.deliberation.query.AsOfSql.args;
import static dev.shingi.deliberation.query.AsOfSql.happened;
import static dev.shingi.deliberation.query.AsOfSql.holds;
import static dev.shingi.deliberation.query.ViewRows.instant;
import static dev.shingi.deliberation.query.ViewRows.integer;
import static dev.shingi.deliberation.query.ViewRows.read;
import static dev.shingi.deliberation.query.ViewRows.ref;

/**
 * A deliberation's draft versions as of a moment ({@link FindVersions}): each with the commitments it fulfilled and
 * the number of comments raised on it.
 */
@Component
class VersionsQueries {

    static final String ILLUSTRATIVE_LABEL =
            "ILLUSTRATIVE EXAMPLE (例示): this version is not part of the record; it shows how a revision is tracked.";

    private final JdbcTemplate jdbc;
    private final ViewRows rows;

    VersionsQueries(JdbcTemplate jdbc, ViewRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @QueryHandler
    List<VersionSummary> handle(FindVersions query) {
        AsOf asOf = query.asOf();
        rows.requireDeliberation(query.deliberationId());
        Map<String, ParticipantRef> people = rows.participants(query.deliberationId(), asOf);
        Map<Integer, List<FulfilledCommitment>> fulfilled = rows.commitments("deliberation_id = ? AND status = 'FULFILLED'",
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
                            raised.getOrDefault(version, 0), instant(rs, "occurred_at"), instant(rs, "recorded_at"),
                            rs.getString("override_reason"));
                }, args(query.deliberationId(), happened(asOf)));
    }
}
