package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.DeliberationEvent;
import dev.shingi.platform.RecordingMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Supplier;

import static dev.shingi.deliberation.query.Temporal.millis;

/**
 * An event read back from a row of Axon's {@code DomainEventEntry}, where the views read the log themselves (the
 * comments projection when a comment is not in its cache, and the bulk rebuild), exactly as the event store hands it
 * to the aggregates and the processors: through the application's upcaster chain (the {@code EventUpcaster} beans,
 * docs/events.md), then deserialized. So an upcaster written for a new revision reaches every reader of the log.
 * <p>
 * The row must carry the columns type, aggregateIdentifier, sequenceNumber, globalIndex, eventIdentifier, timeStamp,
 * metaData, payload, payloadType and payloadRevision.
 */
@Component
final class StoredEventRow {
    private final Serializer serializer;
    private final Supplier<EventUpcaster> upcasters;
    private EventUpcaster chain;

    @Autowired
    StoredEventRow(@Qualifier("eventSerializer") Serializer serializer,
                   ObjectProvider<org.axonframework.config.Configuration> axon) {
        // asked when first needed: the chain is Axon's, complete only once its configuration is
        this(serializer, () -> axon.getObject().upcasterChain());
    }

    StoredEventRow(Serializer serializer, Supplier<EventUpcaster> upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** The row's event, upcast and deserialized. */
    DomainEventMessage<?> message(ResultSet rs) throws SQLException {
        long position = rs.getLong("globalIndex");
        var stored = new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregateIdentifier"),
                rs.getLong("sequenceNumber"), rs.getString("eventIdentifier"), rs.getString("timeStamp"),
                rs.getString("payloadType"), rs.getString("payloadRevision"), rs.getBytes("payload"),
                rs.getBytes("metaData"));
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                java.util.stream.Stream.of(stored), serializer, chain());
        if (!events.hasNext()) {
            throw new IllegalStateException("An upcaster dropped the event at position " + position
                    + ": the views read each stored row as one event");
        }
        DomainEventMessage<?> message = events.next();
        if (events.hasNext()) {
            throw new IllegalStateException("An upcaster split the event at position " + position
                    + ": the views read each stored row as one event");
        }
        return message;
    }

    /** The row's payload. */
    DeliberationEvent payload(ResultSet rs) throws SQLException {
        return (DeliberationEvent) message(rs).getPayload();
    }

    /** The row's event as the comments projection keeps it. */
    CommentHistory.Entry entry(ResultSet rs) throws SQLException {
        DomainEventMessage<?> message = message(rs);
        return new CommentHistory.Entry(rs.getLong("globalIndex"), message.getIdentifier(),
                millis(Instant.parse(rs.getString("timeStamp"))), recordedBy(message),
                (DeliberationEvent) message.getPayload());
    }

    /** Who recorded it, null when not said. */
    static String recordedBy(DomainEventMessage<?> message) {
        Object recordedBy = message.getMetaData().get(RecordingMetadata.RECORDED_BY);
        return recordedBy == null ? null : recordedBy.toString();
    }

    private EventUpcaster chain() {
        if (chain == null) {
            chain = upcasters.get();
        }
        return chain;
    }
}
