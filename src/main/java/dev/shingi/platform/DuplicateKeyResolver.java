package dev.shingi.platform;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon when an append lost a race: a unique-key violation (SQLSTATE 23505 on H2 and PostgreSQL) on the
 * (aggregate, sequence) key. Axon's own JDBC resolver looks only for SQLIntegrityConstraintViolationException in the
 * cause chain, which H2's batch inserts hide behind BatchUpdateException.getNextException(); without this, a
 * conflicting write surfaced as a generic store failure instead of a ConcurrencyException (HTTP 409).
 */
class DuplicateKeyResolver implements PersistenceExceptionResolver {
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
