package dev.shingi.platform;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How far the projections are, on every node: the segments this node processes from their in-memory status, the
 * segments other nodes hold (or nobody holds just now) from their committed tokens in {@code TokenEntry}. A token is
 * committed in the same transaction as the read-model rows of its batch, so a stored token that covers an event
 * means the views show it, whichever node wrote them.
 */
@Component
class ProcessingProgress {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;

    ProcessingProgress(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokenSerializer = serializer;
    }

    /** Whether a token has processed the event stored at {@code position}, also when it read past it (a gap). */
    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
        }
        return lower != null && lower.position().orElse(-1) >= position;
    }

    static Predicate<TrackingToken> coversAll(Collection<Long> positions) {
        return token -> positions.stream().allMatch(p -> covers(token, p));
    }

    static Predicate<TrackingToken> reached(long position) {
        return token -> {
            TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
            return lower != null && lower.position().orElse(-1) >= position;
        };
    }

    enum Answer {
        /** Every segment of every processor satisfies the predicate. */
        DONE,
        /** Not yet; this node's own segments are all it looked at. */
        NOT_YET,
        /** Not yet; it had to read other nodes' tokens from the database. */
        NOT_YET_REMOTE
    }

    /** Whether every segment of every streaming processor, on any node, satisfies {@code done}. */
    Answer check(Predicate<TrackingToken> done) {
        boolean remote = false;
        for (StreamingEventProcessor processor : streamingProcessors()) {
            Map<Integer, EventTrackerStatus> local = processor.processingStatus();
            double covered = 0;
            for (EventTrackerStatus segment : local.values()) {
                if (segment.isErrorState() || !done.test(segment.getTrackingToken())) {
                    return remote ? Answer.NOT_YET_REMOTE : Answer.NOT_YET;
                }
                covered += 1.0 / (segment.getSegment().getMask() + 1);
            }
            if (covered < 0.999) {
                remote = true;
                for (StoredToken stored : storedTokens(processor.getName())) {
                    if (!local.containsKey(stored.segment()) && !done.test(stored.token())) {
                        return Answer.NOT_YET_REMOTE;
                    }
                }
            }
        }
        return Answer.DONE;
    }

    List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    record StoredToken(int segment, String owner, TrackingToken token) {
    }

    /** The committed token of each segment of a processor, as the token store holds it. */
    List<StoredToken> storedTokens(String processorName) {
        List<StoredToken> tokens = jdbc.query(
                "SELECT segment, owner, token, tokenType FROM TokenEntry WHERE processorName = ?",
                (rs, i) -> new StoredToken(rs.getInt("segment"), rs.getString("owner"),
                        deserialize(rs.getBytes("token"), rs.getString("tokenType"))),
                processorName);
        return tokens == null ? Collections.emptyList() : tokens;
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
