package dev.shingi.deliberation.query;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.shingi.deliberation.api.*;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.shingi.deliberation.query.AsOfSql.HAPPENED;
import static dev.shingi.deliberation.query.AsOfSql.args;
import static dev.shingi.deliberation.query.AsOfSql.day;
import static dev.shingi.deliberation.query.AsOfSql.happened;
import static dev.shingi.deliberation.query.AsOfSql.holds;
import static dev.shingi.deliberation.query.ViewRows.instant;
import static dev.shingi.deliberation.query.ViewRows.integer;
import static dev.shingi.deliberation.query.ViewRows.read;

/**
 * The deliberations as of a moment ({@link FindDeliberations}), and one with its participants and meetings
 * ({@link FindDeliberation}): each a {@link DeliberationSummary} of counts over the other views.
 */
@Component
class DeliberationSummaryQueries {

    private final JdbcTemplate jdbc;

    DeliberationSummaryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        List<ParticipantAlias> aliases = jdbc.query("SELECT * FROM participant_alias_v WHERE deliberation_id = ? AND"
                        + HAPPENED + "ORDER BY position",
                (rs, i) -> new ParticipantAlias(rs.getString("participant_id"), rs.getString("alias"),
                        instant(rs, "occurred_at"), instant(rs, "recorded_at")),
                args(query.deliberationId(), happened(asOf)));
        return new DeliberationDetail(summary, participants, meetings, aliases);
    }

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
}
