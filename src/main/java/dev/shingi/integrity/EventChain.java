package dev.shingi.integrity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Signs every event as it is appended: its metadata gets {@code hash}, chained to the previous event of the same
 * aggregate (from earlier in the same commit, or read back from the store). The signed bytes are the ones the store
 * writes: the payload serialized by the same serializer, the timestamp formatted as the store formats it.
 */
@Component
class EventChain implements SmartInitializingSingleton {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final EventStore eventStore;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final Chain chain;
    private final ObjectMapper json = new ObjectMapper();

    EventChain(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer, JdbcTemplate jdbc,
               @Value("${shingi.integrity.key}") String key) {
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.chain = new Chain(key);
    }

    @Override
    public void afterSingletonsInstantiated() {
        eventStore.registerDispatchInterceptor(new MessageDispatchInterceptor<EventMessage<?>>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                List<EventMessage<?>> signed = sign(messages);
                return (index, message) -> signed.get(index);
            }
        });
    }

    private List<EventMessage<?>> sign(List<? extends EventMessage<?>> events) {
        Map<String, String> lastInBatch = new HashMap<>();
        List<EventMessage<?>> signed = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain)) {
                signed.add(event);
                continue;
            }
            String aggregate = domain.getAggregateIdentifier();
            long sequence = domain.getSequenceNumber();
            String previous = sequence == 0 ? Chain.GENESIS
                    : lastInBatch.containsKey(aggregate) ? lastInBatch.get(aggregate) : storedHash(aggregate, sequence - 1);
            // the bytes the store will write: for a message read back or imported with its serialized payload
            // (SerializedMessage), the original bytes, not a re-serialization of them
            SerializedObject<byte[]> payload = domain.serializePayload(serializer, byte[].class);
            String hash = chain.hash(previous, aggregate, sequence, domain.getIdentifier(), payload.getType().getName(),
                    payload.getType().getRevision(), DateTimeUtils.formatInstant(domain.getTimestamp()),
                    payload.getData(), domain.getMetaData());
            lastInBatch.put(aggregate, hash);
            signed.add(domain.andMetaData(Map.of(Chain.HASH, hash)));
        }
        return signed;
    }

    private String storedHash(String aggregate, long sequence) {
        List<byte[]> meta = jdbc.query(
                "SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                (rs, i) -> rs.getBytes(1), aggregate, sequence);
        if (meta.isEmpty() || meta.get(0) == null) {
            return Chain.GENESIS; // the chain cannot continue what is not there; verify reports the gap
        }
        try {
            Object hash = json.readValue(meta.get(0), MAP).get(Chain.HASH);
            return hash == null ? Chain.GENESIS : hash.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
