package dev.shingi.platform;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import static org.axonframework.common.ObjectUtils.getOrDefault;

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

    /** What to wait for: a condition on tokens, checked on the segments of each processor it concerns. */
    interface Target {
        boolean done(TrackingToken token);

        /** The segments of a processor that must satisfy {@link #done}; by default all of them. */
        default Predicate<Segment> segmentsOf(String processorName) {
            return segment -> true;
        }
    }

    /**
     * Events stored at these positions, processed by every segment that handles them. A segment that handles none
     * of them does not write them into its views, so it is not waited for: it may be idle on another node, and an
     * idle tracking processor stores its advanced token only when its wait for events times out.
     */
    Target events(Collection<Long> positions, List<? extends EventMessage<?>> events) {
        return new Target() {
            @Override
            public boolean done(TrackingToken token) {
                return positions.stream().allMatch(p -> covers(token, p));
            }

            @Override
            public Predicate<Segment> segmentsOf(String processorName) {
                SequencingPolicy<? super EventMessage<?>> policy = processing.sequencingPolicy(processorName);
                int[] hashes = events.stream()
                        .mapToInt(e -> Objects.hashCode(getOrDefault(policy.getSequenceIdentifierFor(e), e::getIdentifier)))
                        .toArray();
                return segment -> Arrays.stream(hashes).anyMatch(segment::matches);
            }
        };
    }

    /** Every event up to {@code position}, on every segment. */
    static Target reached(long position) {
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

    /** Whether the target is reached on every segment it concerns, of every streaming processor, on any node. */
    Answer check(Target target) {
        boolean remote = false;
        for (StreamingEventProcessor processor : streamingProcessors()) {
            Predicate<Segment> concerned = target.segmentsOf(processor.getName());
            Map<Integer, EventTrackerStatus> local = processor.processingStatus();
            double covered = 0;
            for (EventTrackerStatus status : local.values()) {
                covered += 1.0 / (status.getSegment().getMask() + 1);
                if (concerned.test(status.getSegment())
                        && (status.isErrorState() || !target.done(status.getTrackingToken()))) {
                    return remote ? Answer.NOT_YET_REMOTE : Answer.NOT_YET;
                }
            }
            if (covered < 0.999) {
                remote = true;
                List<StoredToken> stored = storedTokens(processor.getName());
                Segment[] segments = Segment.computeSegments(stored.stream().mapToInt(StoredToken::segment).toArray());
                for (Segment segment : segments) {
                    if (local.containsKey(segment.getSegmentId()) || !concerned.test(segment)) {
                        continue;
                    }
                    TrackingToken token = stored.stream().filter(t -> t.segment() == segment.getSegmentId())
                            .findFirst().map(StoredToken::token).orElse(null);
                    if (!target.done(token)) {
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
