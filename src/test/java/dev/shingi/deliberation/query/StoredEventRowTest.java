package dev.shingi.deliberation.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shingi.deliberation.api.Aggregates;
import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentRaised;
import dev.shingi.deliberation.api.DeliberationEvent;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static dev.shingi.deliberation.query.TemporalFoldProperties.SERIALIZER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The views read a stored row as the event store hands it out: through the upcaster chain, then deserialized. */
class StoredEventRowTest {
    static final Instant RAISED = Instant.parse("2024-06-24T05:12:00Z");
    static final Instant RECORDED = Instant.parse("2024-06-25T00:00:00Z");
    final JdbcTemplate jdbc = new JdbcTemplate(TemporalFoldProperties.migratedInMemory("stored-row"));

    /** A made-up later revision's upcaster: what it changes must reach the views. */
    static final class Reworded extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getName().equals(CommentRaised.class.getName());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(representation.getType(), JsonNode.class,
                    node -> ((ObjectNode) node).put("text", "upcast: " + node.get("text").asText()));
        }
    }

    /** Drops every event: the views cannot read a row as no event. */
    static final class Dropping extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return true;
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation;
        }

        @Override
        public java.util.stream.Stream<IntermediateEventRepresentation> upcast(
                java.util.stream.Stream<IntermediateEventRepresentation> representations) {
            return representations.filter(r -> false);
        }
    }

    private void store() {
        CommentRaised raised = new CommentRaised("d", "d-c1", "#1", "m1", 1, Anchor.page(3), CommentKind.QUESTION,
                "Why?", null, RAISED);
        var payload = SERIALIZER.serialize(raised, byte[].class);
        jdbc.update("""
                INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                    metaData, payload, payloadRevision, payloadType, timeStamp)
                VALUES (7, 'd-c1', 0, ?, 'e-7', ?, ?, ?, ?, ?)""", Aggregates.COMMENT,
                SERIALIZER.serialize(MetaData.with("recordedBy", "sato"), byte[].class).getData(), payload.getData(),
                payload.getType().getRevision(), payload.getType().getName(), RECORDED.toString());
    }

    private List<CommentHistory.Entry> read(StoredEventRow stored) {
        return jdbc.query("""
                SELECT type, aggregateIdentifier, sequenceNumber, globalIndex, eventIdentifier, timeStamp, metaData,
                       payload, payloadType, payloadRevision FROM DomainEventEntry""", (rs, i) -> stored.entry(rs));
    }

    @Test
    void withNoUpcasterTheRowReadsAsStored() {
        store();
        CommentHistory.Entry entry = read(new StoredEventRow(SERIALIZER, EventUpcasterChain::new)).get(0);
        assertThat(entry.position()).isEqualTo(7);
        assertThat(entry.eventId()).isEqualTo("e-7");
        assertThat(entry.recordedBy()).isEqualTo("sato");
        assertThat(entry.recordedAt()).isEqualTo(RECORDED.toEpochMilli());
        DeliberationEvent event = entry.event();
        assertThat(event).isInstanceOf(CommentRaised.class);
        assertThat(((CommentRaised) event).text()).isEqualTo("Why?");
        assertThat(((CommentRaised) event).occurredAt()).isEqualTo(RAISED);
    }

    @Test
    void anUpcasterReachesTheViews() {
        store();
        CommentHistory.Entry entry = read(new StoredEventRow(SERIALIZER, () -> new EventUpcasterChain(new Reworded())))
                .get(0);
        assertThat(((CommentRaised) entry.event()).text()).isEqualTo("upcast: Why?");
        assertThat(((CommentRaised) entry.event()).commentId()).isEqualTo("d-c1");
    }

    @Test
    void anUpcasterThatDropsARowIsRefused() {
        store();
        assertThatThrownBy(() -> read(new StoredEventRow(SERIALIZER, () -> new EventUpcasterChain(new Dropping()))))
                .isInstanceOf(IllegalStateException.class).hasMessage("An upcaster dropped the event at position 7: the views read each stored row as one event");
    }
}
