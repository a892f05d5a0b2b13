package dev.shingi.integrity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.LedgerCheckpointed;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the whole ledger's evidence: each aggregate's sequence numbers run 0, 1, 2… without gaps, each event's
 * hash matches its content and its predecessor's hash, and no aggregate ends before the head a checkpoint recorded.
 * Reads the event table in (aggregate, sequence) order, one aggregate in memory at a time.
 */
@Component
public class Verifier {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    public enum Kind { MODIFIED, INSERTED, DELETED, REORDERED }

    public record Finding(Kind kind, String aggregate, long sequence, String detail) {
    }

    public record Report(boolean clean, long events, int aggregates, int checkpoints, List<Finding> findings,
                         Instant verifiedAt) {
    }

    private record Stored(long globalIndex, String aggregate, long sequence, String eventId, String type,
                          String revision, String timestamp, byte[] payload, Map<String, Object> meta) {
        String hash() {
            Object h = meta.get(Chain.HASH);
            return h == null ? null : h.toString();
        }
    }

    private final JdbcTemplate jdbc;
    private final Chain chain;
    private final Serializer serializer;
    private final ObjectMapper json = new ObjectMapper();

    Verifier(JdbcTemplate jdbc, @Value("${shingi.integrity.key}") String key,
             @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.chain = new Chain(key);
        this.serializer = serializer;
    }

    public Report verify() {
        List<Finding> findings = new ArrayList<>();
        Map<String, Long> lastSequence = new HashMap<>();
        Map<String, String> checkpointed = new LinkedHashMap<>();
        long[] events = {0};
        int[] checkpoints = {0};
        List<Stored> group = new ArrayList<>();
        jdbc.query("""
                SELECT globalIndex, aggregateIdentifier, sequenceNumber, eventIdentifier, payloadType, payloadRevision,
                       timeStamp, payload, metaData
                FROM DomainEventEntry ORDER BY aggregateIdentifier, sequenceNumber""", (java.sql.ResultSet rs) -> {
            Stored s = new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getBytes(8), meta(rs.getBytes(9)));
            events[0]++;
            if (!group.isEmpty() && !group.get(0).aggregate().equals(s.aggregate())) {
                check(group, findings, lastSequence, checkpointed, checkpoints);
                group.clear();
            }
            group.add(s);
        });
        if (!group.isEmpty()) {
            check(group, findings, lastSequence, checkpointed, checkpoints);
        }
        checkpointed.forEach((aggregate, head) -> {
            long expected = Long.parseLong(head.substring(0, head.indexOf(':')));
            Long actual = lastSequence.get(aggregate);
            if (actual == null || actual < expected) {
                for (long seq = actual == null ? 0 : actual + 1; seq <= expected; seq++) {
                    findings.add(new Finding(Kind.DELETED, aggregate, seq,
                            "a checkpoint recorded this aggregate up to sequence " + expected + "; the event is missing"));
                }
            }
        });
        findings.sort(java.util.Comparator.comparing(Finding::aggregate).thenComparingLong(Finding::sequence));
        return new Report(findings.isEmpty(), events[0], lastSequence.size(), checkpoints[0], findings, Instant.now());
    }

    private void check(List<Stored> group, List<Finding> findings, Map<String, Long> lastSequence,
                       Map<String, String> checkpointed, int[] checkpoints) {
        String aggregate = group.get(0).aggregate();
        lastSequence.put(aggregate, group.get(group.size() - 1).sequence());
        long expected = 0;
        List<Stored> failed = new ArrayList<>();
        Map<Long, String> previousOf = new HashMap<>(); // the stored hash before each sequence
        String previous = Chain.GENESIS;
        for (Stored s : group) {
            boolean afterGap = s.sequence() > expected;
            for (long missing = expected; missing < s.sequence(); missing++) {
                findings.add(new Finding(Kind.DELETED, aggregate, missing, "sequence number missing"));
            }
            expected = s.sequence() + 1;
            previousOf.put(s.sequence(), previous);
            if (afterGap) {
                // its predecessor is gone: the link cannot be checked, and the gap is already reported
                previous = s.hash() != null ? s.hash() : previous;
                continue;
            }
            if (s.hash() == null) {
                findings.add(new Finding(Kind.INSERTED, aggregate, s.sequence(), "event not signed by the ledger"));
            } else if (!s.hash().equals(hashAt(s, s.sequence(), previous))) {
                failed.add(s);
            } else if (Checkpoints.AGGREGATE.equals(aggregate)) {
                checkpoints[0]++;
                checkpointed.putAll(read(s).changedHeads());
            }
            previous = s.hash() != null ? s.hash() : previous;
        }
        List<String> links = new ArrayList<>(List.of(Chain.GENESIS));
        group.stream().map(Stored::hash).filter(java.util.Objects::nonNull).forEach(links::add);
        for (Stored s : failed) {
            Long belongs = null;
            for (Stored other : group) {
                for (String link : links) {
                    if (other.sequence() != s.sequence() && s.hash().equals(hashAt(s, other.sequence(), link))) {
                        belongs = other.sequence();
                    }
                }
            }
            if (belongs != null) {
                findings.add(new Finding(Kind.REORDERED, aggregate, s.sequence(),
                        "this event was recorded at sequence " + belongs));
            } else if (links.stream().noneMatch(link -> s.hash().equals(hashAt(s, s.sequence(), link)))) {
                findings.add(new Finding(Kind.MODIFIED, aggregate, s.sequence(), "content does not match its hash"));
            } // else: intact, and in place; only its predecessor moved (reported as REORDERED)
        }
    }

    private String hashAt(Stored s, long sequence, String previous) {
        return chain.hash(previous, s.aggregate(), sequence, s.eventId(), s.type(), s.revision(), s.timestamp(),
                s.payload(), s.meta());
    }

    private LedgerCheckpointed read(Stored s) {
        SerializedType type = new SimpleSerializedType(s.type(), s.revision());
        return serializer.deserialize(new SimpleSerializedObject<>(s.payload(), byte[].class, type));
    }

    private Map<String, Object> meta(byte[] bytes) {
        if (bytes == null) {
            return new HashMap<>();
        }
        try {
            return json.readValue(bytes, MAP);
        } catch (IOException e) {
            return new HashMap<>();
        }
    }
}
