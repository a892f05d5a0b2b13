package dev.shingi.platform;

import org.h2.engine.SessionLocal;
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
 * PostgreSQL makes every commit durable itself, so there this does nothing. Embedded H2 (MVStore) has no write-ahead
 * log: committed changes reach its file when the store writes a chunk — either at every commit ({@code WRITE_DELAY=0}:
 * each of the ~7 commits a command causes, its events, its comment number, every projection's batch and token,
 * serialised and wrote a chunk of its own, 70 % of all CPU in the ingest benchmark) or, by default, from a background
 * thread every {@code WRITE_DELAY} ms, which a killed process loses. Shingi runs H2 with the background writer and
 * calls this after each acknowledged command instead.
 * <p>
 * Group commit: callers queue up while a chunk is being written; the next chunk, started after they queued (so after
 * their transactions committed), covers all of them, with whatever the projections committed meanwhile. One client at
 * a time still pays one chunk per command; many clients share chunks. A projection's rows and its token share a
 * transaction, so whatever a crash loses of them is lost together and simply processed again.
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

    private final Object lock = new Object();
    /** Chunks requested (a caller's ticket) and chunks written; a ticket is served by the first chunk started after it. */
    private long requested;
    private long written;
    private boolean writing;

    Durability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns once every transaction committed before the call is in the database file (or is durable anyway). */
    public void awaitDurable() {
        if (!embeddedH2) {
            return;
        }
        MVStore mv = store();
        if (mv == null || mv.isClosed()) {
            return;
        }
        long ticket;
        synchronized (lock) {
            ticket = ++requested; // taken after the caller's commit
        }
        while (true) {
            long covers;
            synchronized (lock) {
                while (writing && written < ticket) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for the database file", e);
                    }
                }
                if (written >= ticket) {
                    return;
                }
                writing = true;
                covers = requested; // every ticket taken so far: their commits precede the chunk written below
            }
            boolean done = false;
            try {
                mv.commit(); // waits for a background write under way, then writes what is unsaved, synchronously
                done = true;
            } finally {
                synchronized (lock) {
                    writing = false;
                    if (done) {
                        written = Math.max(written, covers);
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    private MVStore store() {
        MVStore found = store;
        if (found != null || !embeddedH2) {
            return found;
        }
        try (Connection c = dataSource.getConnection()) {
            SessionLocal session = EmbeddedH2.session(c).orElse(null);
            if (session != null && session.getDatabase().getStore() != null) {
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
