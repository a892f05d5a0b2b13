package dev.shingi.platform;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * "Stored" means on disk before a client hears so: the one durability barrier between a command's commit and its 2xx.
 * <p>
 * PostgreSQL makes every commit durable itself, so there this does nothing. Embedded H2 (MVStore) writes committed
 * changes to its file in chunks: either at every commit ({@code WRITE_DELAY=0}: each of the ~7 commits a command causes —
 * its events, its comment number, every projection's batch and token — serialises and writes a chunk of its own, which
 * was 70 % of all CPU in the ingest benchmark) or, by default, from a background thread every {@code WRITE_DELAY} ms,
 * which a killed process loses. Shingi runs H2 with the background writer and calls this after each acknowledged
 * command instead: one chunk holds everything committed so far, including what other clients and the projections
 * committed meanwhile (group commit), and only what was acknowledged has to wait for it. A projection's rows and its
 * token share a transaction, so whatever a crash loses of them is lost together and simply processed again.
 * <p>
 * Like {@code WRITE_DELAY=0}, this writes to the operating system, not through to the platter: a killed process loses
 * nothing acknowledged, a power cut may lose the last moments (docs/operations.md).
 */
@Component
public class Durability {
    private static final Logger log = LoggerFactory.getLogger(Durability.class);

    private final DataSource dataSource;
    /** The embedded H2 store, once found; null until then, and for every other database. */
    private volatile MVStore store;
    private volatile boolean embeddedH2 = true;

    Durability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns once every transaction committed before the call is in the database file (or is durable anyway). */
    public void awaitDurable() {
        if (!embeddedH2) {
            return;
        }
        MVStore mv = store();
        if (mv != null && !mv.isClosed()) {
            mv.commit(); // waits for a store under way, then writes what is still unsaved, synchronously
        }
    }

    private MVStore store() {
        MVStore found = store;
        if (found != null || !embeddedH2) {
            return found;
        }
        try (Connection c = dataSource.getConnection()) {
            if (c.isWrapperFor(JdbcConnection.class)
                    && c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && session.getDatabase().getStore() != null) {
                found = session.getDatabase().getStore().getMvStore();
                if (found.getFileStore() == null) {
                    found = null; // in-memory database: nothing to make durable
                    embeddedH2 = false;
                }
            } else {
                embeddedH2 = false;
            }
        } catch (SQLException e) {
            log.warn("Could not tell the database kind; commits are taken as durable", e);
            embeddedH2 = false;
        }
        store = found;
        return found;
    }
}
