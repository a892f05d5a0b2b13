package dev.shingi.platform;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps every request out of the read models for the moment a rebuild puts its copies of the tables in their place
 * ({@link ShadowTables#swap}): on H2 each DDL statement commits by itself, so without this a reader could find a
 * table missing, or one table new and the next old. Requests pass together ({@link #enter}/{@link #leave}, by the
 * edge's filter); the switch waits until those under way have left, and holds new ones for as long as it takes
 * (milliseconds: the last events, a few renames). Fair, so a switch waiting is not starved by a stream of readers.
 */
@Component
public class ViewsGate {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** A request begins: waits while a switch is under way. */
    public void enter() {
        lock.readLock().lock();
    }

    /** The request that {@link #enter}ed is done. */
    public void leave() {
        lock.readLock().unlock();
    }

    /**
     * Runs {@code section} with no request under way, once those under way have left; false, without running it,
     * when they have not within {@code wait} (new requests are held only that long).
     */
    public boolean exclusive(Duration wait, Runnable section) throws InterruptedException {
        if (!lock.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            section.run();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
