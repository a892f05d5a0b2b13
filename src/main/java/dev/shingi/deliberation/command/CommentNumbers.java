package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.CommentNumbering;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.platform.Ledger;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The next comment number (the N of {@code #N}) of each deliberation, a counter in {@code directory_deliberation}
 * that the {@link Directory} creates when a deliberation opens.
 */
@Component
class CommentNumbers implements CommentNumbering, DisposableBean {
    private static final String TAKE_NUMBER =
            "UPDATE directory_deliberation SET next_comment_number = next_comment_number + 1 WHERE deliberation_id = ?";
    private static final String TAKEN_NUMBER =
            "SELECT next_comment_number - 1 FROM directory_deliberation WHERE deliberation_id = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separateTransaction;
    /** Connections for {@link #takeCommentNumber} only; null when the data source is not a Hikari pool. */
    private final HikariDataSource counterPool;

    CommentNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, DataSource dataSource) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.counterPool = counterPool(dataSource);
    }

    /**
     * A small pool of its own, configured like the application's, for the counter's separate transactions. Taking
     * the second connection from the application's pool while the command holds its first deadlocks as soon as as
     * many commands raise comments at once as the pool has connections (10 by default): each waits for a connection
     * that only the others can free, until Hikari's 30 s timeout fails them all. A command may wait for this pool, but
     * whoever holds one of its connections never waits for the application's, so there is no cycle.
     */
    private static HikariDataSource counterPool(DataSource dataSource) {
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return null;
            }
            HikariDataSource application = dataSource.unwrap(HikariDataSource.class);
            HikariConfig config = new HikariConfig();
            application.copyStateTo(config);
            config.setPoolName((application.getPoolName() != null ? application.getPoolName() : "shingi") + "-comment-numbers");
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(1);
            config.setAutoCommit(false);
            config.setMetricRegistry(null);
            config.setHealthCheckRegistry(null);
            config.setMetricsTrackerFactory(null);
            return new HikariDataSource(config);
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public void destroy() {
        if (counterPool != null) {
            counterPool.close();
        }
    }

    /**
     * Takes the next comment number of a deliberation in a transaction of its own, so that members commenting at once
     * hold the counter's row lock for one UPDATE rather than for their whole command. The price: a command that fails
     * after this point (a crash, a lost race) leaves a gap in the numbering. Rules are checked before it is called.
     * The transaction runs on a connection of {@link #counterPool(DataSource)}'s pool, committed before returning.
     * <p>
     * Within a {@link Ledger#batch} (an import, stored whole or not at all) the number is taken in the batch's own
     * transaction instead: the deliberation may have been opened by that very batch, so its counter row is not
     * committed yet, and a rolled-back import leaves no gap. Others raising comments on that deliberation meanwhile
     * wait for the import to end.
     */
    int takeCommentNumber(String deliberationId) {
        if (Ledger.batchUnderWay()) {
            return takeCommentNumberInTheCallersTransaction(deliberationId);
        }
        if (counterPool == null) {
            return takeCommentNumberInNewSpringTransaction(deliberationId);
        }
        try (Connection connection = counterPool.getConnection()) {
            try {
                Integer number = null;
                try (PreparedStatement take = connection.prepareStatement(TAKE_NUMBER)) {
                    take.setString(1, deliberationId);
                    if (take.executeUpdate() > 0) {
                        try (PreparedStatement taken = connection.prepareStatement(TAKEN_NUMBER)) {
                            taken.setString(1, deliberationId);
                            try (ResultSet rs = taken.executeQuery()) {
                                number = rs.next() ? rs.getInt(1) : null;
                            }
                        }
                    }
                }
                if (number == null) {
                    throw new UnknownRecord("deliberationId", "No deliberation '" + deliberationId + "'.");
                }
                connection.commit();
                return number;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw jdbc.getExceptionTranslator().translate("take a comment number", TAKE_NUMBER, e);
        }
    }

    /** In the caller's transaction (an import's): the counter only moves forward. */
    @Override
    public void continueAfter(String deliberationId, int lastNumber) {
        jdbc.update("UPDATE directory_deliberation SET next_comment_number = ? WHERE deliberation_id = ? "
                + "AND next_comment_number <= ?", lastNumber + 1, deliberationId, lastNumber);
    }

    private int takeCommentNumberInNewSpringTransaction(String deliberationId) {
        Integer number = separateTransaction.execute(status -> takeCommentNumberInTheCallersTransaction(deliberationId));
        return number;
    }

    private int takeCommentNumberInTheCallersTransaction(String deliberationId) {
        int updated = jdbc.update(TAKE_NUMBER, deliberationId);
        if (updated == 0) {
            throw new UnknownRecord("deliberationId", "No deliberation '" + deliberationId + "'.");
        }
        return jdbc.queryForObject(TAKEN_NUMBER, Integer.class, deliberationId);
    }
}
