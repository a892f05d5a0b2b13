package dev.shingi.platform;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Idempotent retries. When a command carries an idempotency key, its key row is inserted while the command's events
 * are appended — same transaction — so "the key is known" and "the events are stored" are one fact, also after a
 * crash. A second command with the same key loses on the primary key and stores nothing; the commands of one
 * {@link Ledger#batch} share one transaction and so one key row, inserted by the first. (Axon's Spring
 * configuration registers this bean on the command bus as a handler interceptor.)
 * <p>
 * The answer is kept beside the key once it is known ({@link #remember}), and made durable before the client gets
 * it, so an answer a client was given is always replayed. A process that dies between the commit and that moment
 * leaves a key without an answer: the retry rebuilds it ({@link IdempotentRequest}), from the request run again
 * without its commands, or from what a batch kept of its result in its own transaction ({@link #keepResult}).
 */
@Component
public class Idempotency implements MessageHandlerInterceptor<CommandMessage<?>> {
    public static final String REQUEST_HASH = "requestHash";

    private final JdbcTemplate jdbc;
    private final Durability durability;

    Idempotency(JdbcTemplate jdbc, Durability durability) {
        this.jdbc = jdbc;
        this.durability = durability;
    }

    /** The first answer to a key, if the key was used; {@code status} null: stored, but its answer was never saved. */
    public record Remembered(String requestHash, Integer status, String contentType, String location, String body) {
    }

    public Optional<Remembered> find(String recordedBy, String key) {
        List<Remembered> found = jdbc.query(
                "SELECT request_hash, status, content_type, location, body FROM idempotency_key WHERE recorded_by = ? AND key_value = ?",
                (rs, i) -> new Remembered(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), recordedBy, key);
        return found.stream().findFirst();
    }

    /** Keeps the first answer to a key, durably ({@link Durability}): call it before the answer is sent. */
    public void remember(String recordedBy, String key, int status, String contentType, String location, String body) {
        int kept = jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ? "
                + "WHERE recorded_by = ? AND key_value = ? AND status IS NULL", status, contentType, location, body,
                recordedBy, key);
        if (kept > 0) {
            durability.awaitDurable();
        }
    }

    /**
     * A batch's result (JSON), kept in the transaction of its commands, beside the key row its first command inserted;
     * a batch that sent no command inserts the row here, so that the key is remembered with the result in any case.
     */
    void keepResult(String recordedBy, String key, String requestHash, String json) {
        int kept = jdbc.update("UPDATE idempotency_key SET batch_result = ? WHERE recorded_by = ? AND key_value = ?",
                json, recordedBy, key);
        if (kept == 0) {
            jdbc.update("INSERT INTO idempotency_key (recorded_by, key_value, request_hash, created_at, batch_result) "
                    + "VALUES (?, ?, ?, ?, ?)", recordedBy, key, requestHash, OffsetDateTime.now(ZoneOffset.UTC), json);
        }
    }

    /** What {@link #keepResult} kept for this key, if anything. */
    Optional<String> keptResult(String recordedBy, String key) {
        return jdbc.queryForList("SELECT batch_result FROM idempotency_key WHERE recorded_by = ? AND key_value = ?",
                String.class, recordedBy, key).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        var metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(RecordingMetadata.IDEMPOTENCY_KEY);
        Object hash = metaData.get(REQUEST_HASH);
        if (key != null && hash != null) {
            String recordedBy = String.valueOf(metaData.get(RecordingMetadata.RECORDED_BY));
            unitOfWork.onPrepareCommit(u -> {
                if (firstInTransaction(recordedBy, key.toString())) {
                    jdbc.update("INSERT INTO idempotency_key (recorded_by, key_value, request_hash, created_at) "
                                    + "VALUES (?, ?, ?, ?)",
                            recordedBy, key.toString(), hash.toString(), OffsetDateTime.now(ZoneOffset.UTC));
                }
            });
        }
        return chain.proceed();
    }

    /**
     * Whether no earlier command of this database transaction (a batch's) inserted the key row: the row is inserted
     * once, and a rolled-back transaction forgets that it did.
     */
    private static boolean firstInTransaction(String recordedBy, String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return true;
        }
        String marker = Idempotency.class.getName() + ':' + recordedBy + '\u0000' + key;
        if (TransactionSynchronizationManager.hasResource(marker)) {
            return false;
        }
        TransactionSynchronizationManager.bindResource(marker, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(marker);
            }
        });
        return true;
    }
}
