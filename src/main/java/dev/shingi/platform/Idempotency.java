package dev.shingi.platform;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Idempotent retries. When a command carries an idempotency key, its key row is inserted while the command's events
 * are appended — same transaction — so "the key is known" and "the events are stored" are one fact, also after a
 * crash. A second command with the same key loses on the primary key and stores nothing. (Axon's Spring
 * configuration registers this bean on the command bus as a handler interceptor.)
 */
@Component
public class Idempotency implements MessageHandlerInterceptor<CommandMessage<?>> {
    public static final String REQUEST_HASH = "requestHash";

    private final JdbcTemplate jdbc;

    Idempotency(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    public void remember(String recordedBy, String key, int status, String contentType, String location, String body) {
        jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ? "
                + "WHERE recorded_by = ? AND key_value = ? AND status IS NULL", status, contentType, location, body,
                recordedBy, key);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        var metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(RecordingMetadata.IDEMPOTENCY_KEY);
        Object hash = metaData.get(REQUEST_HASH);
        if (key != null && hash != null) {
            Object recordedBy = metaData.get(RecordingMetadata.RECORDED_BY);
            unitOfWork.onPrepareCommit(u -> jdbc.update(
                    "INSERT INTO idempotency_key (recorded_by, key_value, request_hash, created_at) VALUES (?, ?, ?, ?)",
                    String.valueOf(recordedBy), key.toString(), hash.toString(), OffsetDateTime.now(ZoneOffset.UTC)));
        }
        return chain.proceed();
    }
}
