package dev.shingi.testing;

import dev.shingi.integrity.Checkpoints;
import org.springframework.jdbc.core.JdbcTemplate;

/** What tests count when they check that a refused command stored nothing. */
public final class StoredEvents {
    private StoredEvents() {
    }

    /**
     * Events stored by commands: integrity checkpoints, recorded on a thread of their own shortly after a revision,
     * are not counted, so that one landing between two counts is not taken for a command's.
     */
    public static long byCommands(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier <> ?", Long.class,
                Checkpoints.AGGREGATE);
        return n == null ? 0 : n;
    }
}
