package dev.shingi.platform;

import org.h2.engine.SessionLocal;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * "Stored" means on disk before a client hears so: the one durability barrier between a command's commit and its 2xx.
 * <p>
 * PostgreSQL makes every commit durable itself, so there this does nothing. Embedded H2 (MVStore) has no write-ahead
 * log: committed changes reach its file when the store writes a chunk — either at every commit ({@code WRITE_DELAY=0}:
 * each of the ~7 commits a command causes, its events, its comment number, every projection's batch and token,
 * serialised and wrote a chunk of its own, 70 % of all CPU in the ingest benchmark) or from a background thread every
 * {@code WRITE_DELAY} ms, which a killed process loses. Shingi runs H2 with {@code WRITE_DELAY=0} (a delay made H2's
 * background threads race in its free-space bookkeeping, and twice left a file that would not open after a SIGKILL:
 * docs/operations.md); this is still called after each acknowledged command, and with nothing left unwritten it
 * returns at once. With a delay configured it is what makes the acknowledgement durable.
 * <p>
 * Group commit: callers queue up while a chunk is being written; the next chunk, started after they queued (so after
 * their transactions committed), covers all of them, with whatever the projections committed meanwhile. One client at
 * a time still pays one chunk per command; many clients share chunks. A projection's rows and its token share a
 * transaction, so whatever a crash loses of them is lost together and simply processed again.
 * <p>
 * Siblings: a command announces itself ({@link #commandStarted}) before it runs. A caller about to write a chunk
 * first waits, at most {@code shingi.durability.group-delay}, for the commands still running to reach
 * {@link #awaitDurable} (or give up, {@link #commandEnded}), so that one chunk covers them too — PostgreSQL's
 * {@code commit_delay} with {@code commit_siblings}, bounded by the commands actually under way: alone, a command
 * never waits. The chunk a command waits for is still one started after its own commit; only the moment it starts
 * moves, so the guarantee is the same.
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
    /** Commands announced and not yet at {@link #awaitDurable} (nor ended without it). */
    private int running;
    /** Whether this thread's command is counted in {@link #running}: only it may take itself out again. */
    private static final ThreadLocal<Boolean> ANNOUNCED = new ThreadLocal<>();
    /** Chunks this class wrote and callers it served: how much the callers shared (for the ingest benchmark). */
    private long chunks;
    private long served;
    /** How long a writer waits at most for running commands to join its chunk; zero: never. */
    private final long groupDelayNanos;

    Durability(DataSource dataSource) {
        this(dataSource, Duration.ZERO);
    }

    @Autowired
    Durability(DataSource dataSource, @Value("${shingi.durability.group-delay:0ms}") Duration groupDelay) {
        this.dataSource = dataSource;
        this.groupDelayNanos = Math.max(0, groupDelay.toNanos());
    }

    /**
     * A command that will call {@link #awaitDurable} is about to run: a chunk about to be written waits a little for
     * it. Pair with {@link #awaitDurable} or, if the command fails or needs no durability, {@link #commandEnded}.
     */
    public void commandStarted() {
        if (!embeddedH2 || groupDelayNanos == 0 || ANNOUNCED.get() != null) {
            return; // already counted (a command sent from within another's handling)
        }
        ANNOUNCED.set(Boolean.TRUE);
        synchronized (lock) {
            running++;
        }
    }

    /** A command announced with {@link #commandStarted} ended without {@link #awaitDurable}. */
    public void commandEnded() {
        if (ANNOUNCED.get() == null) {
            return;
        }
        synchronized (lock) {
            arrived();
        }
    }

    /** Chunks written by {@link #awaitDurable} so far, and the calls it served: their ratio is the group size. */
    public Shared shared() {
        synchronized (lock) {
            return new Shared(chunks, served);
        }
    }

    public record Shared(long chunks, long callers) {
    }

    /** Under {@link #lock}: this thread's announced command, if any, is no longer running; the last wakes a writer. */
    private void arrived() {
        if (ANNOUNCED.get() == null) {
            return;
        }
        ANNOUNCED.remove();
        if (--running == 0) {
            lock.notifyAll();
        }
    }

    /** Returns once every transaction committed before the call is in the database file (or is durable anyway). */
    public void awaitDurable() {
        if (!embeddedH2) {
            commandEnded();
            return;
        }
        MVStore mv = store();
        if (mv == null || mv.isClosed()) {
            commandEnded();
            return;
        }
        long ticket;
        synchronized (lock) {
            ticket = ++requested; // taken after the caller's commit
            served++;
            arrived();
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
                awaitSiblings();
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
                        chunks++;
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    /**
     * Under {@link #lock}, as the writer: waits at most the group delay for the commands still running to take their
     * tickets, so that the chunk about to be written covers them. Their tickets then precede it like the writer's.
     */
    private void awaitSiblings() {
        if (groupDelayNanos == 0) {
            return;
        }
        long deadline = System.nanoTime() + groupDelayNanos;
        for (long left = groupDelayNanos; running > 0 && left > 0; left = deadline - System.nanoTime()) {
            try {
                lock.wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // write at once: the caller's own ticket is covered either way
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
