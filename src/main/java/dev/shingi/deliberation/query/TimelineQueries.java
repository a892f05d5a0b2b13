package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.FindTimeline;
import dev.shingi.deliberation.api.TimelineEntry;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.shingi.deliberation.query.AsOfSql.HOLDS;
import static dev.shingi.deliberation.query.AsOfSql.args;
import static dev.shingi.deliberation.query.AsOfSql.holds;
import static dev.shingi.deliberation.query.Temporal.millis;
import static dev.shingi.deliberation.query.ViewRows.TIMELINE;

/**
 * A deliberation's timeline as of a moment ({@link FindTimeline}): all of it in occurred order, or a page of it after
 * a log position, in log order.
 */
@Component
class TimelineQueries {

    private final JdbcTemplate jdbc;
    private final ViewRows rows;

    TimelineQueries(JdbcTemplate jdbc, ViewRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @QueryHandler
    List<TimelineEntry> handle(FindTimeline query) {
        AsOf asOf = query.asOf();
        rows.requireDeliberation(query.deliberationId());
        if (query.afterPosition() != null) {
            return jdbc.query("SELECT * FROM timeline_v WHERE deliberation_id = ? AND position > ? AND" + HOLDS
                            + "ORDER BY position LIMIT ?", TIMELINE,
                    query.deliberationId(), query.afterPosition(), millis(asOf.at()), millis(asOf.at()),
                    asOf.position(), asOf.position(), query.limit() == null ? 100 : query.limit());
        }
        return jdbc.query("SELECT * FROM timeline_v WHERE deliberation_id = ? AND" + HOLDS
                + "ORDER BY occurred_at, position", TIMELINE, args(query.deliberationId(), holds(asOf)));
    }
}
