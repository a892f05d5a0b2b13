package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.FindKnowledgePosition;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.shingi.deliberation.query.Temporal.millis;

/** The knowledge clock read from the ledger's clock: which log position was the last known at an instant. */
@Component
class KnowledgePositionQueries {

    private final JdbcTemplate jdbc;

    KnowledgePositionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last log position recorded at or before {@code knownAt}; 0 when nothing was. */
    @QueryHandler
    Long handle(FindKnowledgePosition query) {
        List<Long> found = jdbc.queryForList("""
                SELECT position FROM ledger_clock WHERE recorded_at <= ? ORDER BY recorded_at DESC, position DESC
                LIMIT 1""", Long.class, millis(query.knownAt()));
        return found.isEmpty() ? 0L : found.get(0);
    }
}
