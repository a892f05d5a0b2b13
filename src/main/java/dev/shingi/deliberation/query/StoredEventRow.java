package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.DeliberationEvent;
import dev.shingi.platform.RecordingMetadata;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static dev.shingi.deliberation.query.Temporal.millis;

/**
 * An event read back from a row of Axon's {@code DomainEventEntry}, where the views read the log themselves: the
 * comments projection when a comment is not in its cache, and the bulk rebuild.
 */
final class StoredEventRow {
    private StoredEventRow() {
    }

    /** The payload (columns payload, payloadType, payloadRevision). */
    static DeliberationEvent payload(ResultSet rs, Serializer serializer) throws SQLException {
        return (DeliberationEvent) serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes("payload"),
                byte[].class, rs.getString("payloadType"), rs.getString("payloadRevision")));
    }

    /** Who recorded it (column metaData), null when not said. */
    static String recordedBy(ResultSet rs, Serializer serializer) throws SQLException {
        byte[] bytes = rs.getBytes("metaData");
        if (bytes == null) {
            return null;
        }
        MetaData metaData = serializer.deserialize(new SerializedMetaData<>(bytes, byte[].class));
        Object recordedBy = metaData.get(RecordingMetadata.RECORDED_BY);
        return recordedBy == null ? null : recordedBy.toString();
    }

    /** As the comments projection keeps it (also columns globalIndex, eventIdentifier, timeStamp). */
    static CommentHistory.Entry entry(ResultSet rs, Serializer serializer) throws SQLException {
        return new CommentHistory.Entry(rs.getLong("globalIndex"), rs.getString("eventIdentifier"),
                millis(Instant.parse(rs.getString("timeStamp"))), recordedBy(rs, serializer), payload(rs, serializer));
    }
}
