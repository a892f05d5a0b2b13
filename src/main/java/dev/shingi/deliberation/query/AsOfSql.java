package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.AsOf;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static dev.shingi.deliberation.query.Temporal.millis;

/**
 * How every view is asked "as of" both clocks ({@link AsOf}): a row answers when it holds at {@code at} on the
 * occurred clock and at {@code position} on the knowledge clock. The predicates, their arguments, the snapshot that
 * keeps several statements on one state of the views, and the calendar a due date is read in.
 */
final class AsOfSql {
    private AsOfSql() {
    }

    /** Due dates are calendar days of the deliberation's body; the reference deliberation is Japanese. */
    static final ZoneId DUE_DATE_ZONE = ZoneId.of("Asia/Tokyo");

    /** Interval rows that hold at (at, position); bind {@link #holds}. */
    static final String HOLDS = " valid_from <= ? AND valid_to > ? AND known_from <= ? AND known_to > ? ";
    /** Rows fixed at one occurred time and log position, there by (at, position); bind {@link #happened}. */
    static final String HAPPENED = " occurred_at <= ? AND position <= ? ";

    static Object[] holds(AsOf a) {
        long at = millis(a.at());
        return new Object[]{at, at, a.position(), a.position()};
    }

    static Object[] happened(AsOf a) {
        return new Object[]{millis(a.at()), a.position()};
    }

    static Object[] args(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static Object[] args(Object[] first, Object[] rest) {
        Object[] all = new Object[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /** The calendar day of {@code instant} where due dates are kept. */
    static LocalDate day(Instant instant) {
        return instant.atZone(DUE_DATE_ZONE).toLocalDate();
    }

    /**
     * One snapshot for several statements: PostgreSQL's REPEATABLE READ is one; H2's holds a snapshot per table from
     * its first read, its SERIALIZABLE one of the whole database (checked, ADR 007).
     */
    static TransactionTemplate snapshot(PlatformTransactionManager transactions, boolean postgres) {
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(postgres ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                : TransactionDefinition.ISOLATION_SERIALIZABLE);
        return snapshot;
    }
}
