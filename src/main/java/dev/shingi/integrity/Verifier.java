package dev.shingi.integrity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.LedgerCheckpointed;
import dev.shingi.deliberation.api.ViewCheck;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recomputes the whole ledger's evidence. Per stream: each aggregate's sequence numbers run 0, 1, 2… without gaps,
 * each event's hash matches its content and its predecessor's hash, and no aggregate ends before the head a
 * checkpoint recorded. For the whole log ({@link LogOrder}): the events in the order, number and running hash the
 * checkpoints recorded. Against the witness ({@link Witness}): the latest checkpoint published outside the database is
 * still in the log. Optionally the read models ({@link ViewCheck}).
 * <p>
 * Memory: one aggregate's events at a time for the streams; the whole log's (position, stream, sequence, hash) for its
 * order.
 */
@Component
public class Verifier {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    public enum Kind { MODIFIED, INSERTED, DELETED, REORDERED, TRUNCATED }

    /**
     * One thing the evidence contradicts: the event's stream and sequence number, its log position ({@code
     * globalIndex}) when it is in the log, and why.
     */
    public record Finding(Kind kind, String aggregate, long sequence, Long position, String detail) {
    }

    /** The witness file read: how many lines, and the checkpoint its latest head names. */
    public record Witnessed(String file, long lines, Long checkpoint) {
    }

    public record Report(boolean clean, long events, int aggregates, int checkpoints, List<Finding> findings,
                         Witnessed witness, List<ViewCheck.Disagreement> views, Instant verifiedAt) {
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
    private final Witness witness;
    private final ObjectProvider<ViewCheck> views;
    private final ObjectMapper json = new ObjectMapper();

    Verifier(JdbcTemplate jdbc, @Value("${shingi.integrity.key}") String key,
             @Qualifier("eventSerializer") Serializer serializer, Witness witness, ObjectProvider<ViewCheck> views) {
        this.jdbc = jdbc;
        this.chain = new Chain(key);
        this.serializer = serializer;
        this.witness = witness;
        this.views = views;
    }

    public Report verify() {
        return verify(false);
    }

    /** {@code withViews}: also recompute every view row from the log and report those that disagree. */
    public Report verify(boolean withViews) {
        List<LogOrder.Entry> log = log();
        Set<String> seen = new HashSet<>();
        Set<String> copied = new HashSet<>(); // hashes two events carry: one of them is a copy
        log.forEach(e -> {
            if (e.hash() != null && !e.hash().isEmpty() && !seen.add(e.hash())) {
                copied.add(e.hash());
            }
        });
        Streams streams = new Streams(copied);
        List<Stored> group = new ArrayList<>();
        jdbc.query("""
                SELECT globalIndex, aggregateIdentifier, sequenceNumber, eventIdentifier, payloadType, payloadRevision,
                       timeStamp, payload, metaData
                FROM DomainEventEntry ORDER BY aggregateIdentifier, sequenceNumber""", (java.sql.ResultSet rs) -> {
            Stored s = new Stored(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getBytes(8), meta(rs.getBytes(9)));
            streams.events++;
            if (!group.isEmpty() && !group.get(0).aggregate().equals(s.aggregate())) {
                check(group, streams);
                group.clear();
            }
            group.add(s);
        });
        if (!group.isEmpty()) {
            check(group, streams);
        }
        List<Finding> findings = streams.findings;
        streams.checkpointed.forEach((aggregate, head) -> {
            long expected = Long.parseLong(head.substring(0, head.indexOf(':')));
            Long actual = streams.lastSequence.get(aggregate);
            if (actual == null || actual < expected) {
                for (long seq = actual == null ? 0 : actual + 1; seq <= expected; seq++) {
                    findings.add(new Finding(Kind.DELETED, aggregate, seq, null,
                            "a checkpoint recorded this aggregate up to sequence " + expected + "; the event is missing"));
                }
            }
        });
        LogOrder order = new LogOrder(chain);
        merge(findings, order.check(log, streams.checkpoints, streams.signed));
        // an event the checkpoints recorded, in its place, whose signature is gone: changed, not inserted
        findings.replaceAll(f -> f.kind() == Kind.INSERTED && f.detail().equals(UNSIGNED)
                && order.recorded().contains(f.aggregate() + '#' + f.sequence())
                ? new Finding(Kind.MODIFIED, f.aggregate(), f.sequence(), f.position(),
                "its signature was removed (a checkpoint recorded this event)") : f);
        Witnessed witnessed = witness(findings, log.size());
        findings.sort(Comparator.comparing(Finding::aggregate).thenComparingLong(Finding::sequence)
                .thenComparing(Finding::kind));
        List<ViewCheck.Disagreement> rows = withViews ? views.getObject().check() : null;
        return new Report(findings.isEmpty() && (rows == null || rows.isEmpty()), streams.events,
                streams.lastSequence.size(), streams.checkpoints.size(), findings, witnessed, rows, Instant.now());
    }

    private static final String UNSIGNED = "event not signed by the ledger";

    /** What the streams' check learns, one aggregate at a time. */
    private static final class Streams {
        final Set<String> copied;
        final List<Finding> findings = new ArrayList<>();
        final Map<String, Long> lastSequence = new HashMap<>();
        final Map<String, String> checkpointed = new LinkedHashMap<>();
        final List<LogOrder.Checkpoint> checkpoints = new ArrayList<>();
        /** The events whose hash is right ("aggregate#sequence"). */
        final Set<String> signed = new HashSet<>();
        long events;

        Streams(Set<String> copied) {
            this.copied = copied;
        }
    }

    /**
     * The log's findings with the streams': the log's naming wins where it knows more (an event in no recorded place
     * is INSERTED rather than MODIFIED; a missing end of the log is TRUNCATED rather than DELETED); otherwise one
     * finding per event.
     */
    private static void merge(List<Finding> streams, List<Finding> log) {
        for (Finding f : log) {
            boolean replaces = f.kind() == Kind.INSERTED || f.kind() == Kind.TRUNCATED;
            Finding same = null;
            for (Finding s : streams) {
                if (s.aggregate().equals(f.aggregate()) && s.sequence() == f.sequence()) {
                    same = s;
                    break;
                }
            }
            if (same == null) {
                streams.add(f);
            } else if (replaces && same.kind() != Kind.REORDERED) {
                streams.remove(same);
                streams.add(new Finding(f.kind(), f.aggregate(), f.sequence(),
                        f.position() != null ? f.position() : same.position(), f.detail()));
            }
        }
    }

    /** The latest head published outside the database must still be in the log, as it was published. */
    private Witnessed witness(List<Finding> findings, long logLength) {
        var published = witness.published();
        if (published.isEmpty()) {
            return null;
        }
        Witness.Published p = published.get();
        p.bad().forEach(b -> findings.add(new Finding(Kind.MODIFIED, "witness", b.line(), null,
                p.file() + " line " + b.line() + ": " + b.reason())));
        p.latest().ifPresent(head -> {
            record Row(long position, String hash) {
            }
            List<Row> stored = jdbc.query("""
                    SELECT globalIndex, metaData FROM DomainEventEntry
                    WHERE aggregateIdentifier = ? AND sequenceNumber = ?""",
                    (rs, i) -> new Row(rs.getLong(1), Checkpoints.hashOf(json, rs.getBytes(2))),
                    Checkpoints.AGGREGATE, head.checkpoint());
            Long last = jdbc.queryForObject("SELECT MAX(sequenceNumber) FROM DomainEventEntry "
                    + "WHERE aggregateIdentifier = ?", Long.class, Checkpoints.AGGREGATE);
            if (stored.isEmpty()) {
                findings.removeIf(f -> f.kind() == Kind.DELETED && f.aggregate().equals(Checkpoints.AGGREGATE)
                        && f.sequence() == head.checkpoint());
                findings.add(new Finding(Kind.TRUNCATED, Checkpoints.AGGREGATE, head.checkpoint(), null,
                        "the witness published checkpoint #" + head.checkpoint() + " (" + head.at() + ", "
                                + head.logLength() + " events); the log holds " + logLength + " events and its last "
                                + "checkpoint is " + (last == null ? "none" : "#" + last)));
            } else if (!head.hash().equals(stored.get(0).hash())) {
                findings.add(new Finding(Kind.MODIFIED, Checkpoints.AGGREGATE, head.checkpoint(),
                        stored.get(0).position(), "not the checkpoint the witness published (" + head.at() + ")"));
            }
        });
        return new Witnessed(p.file().toString(), p.lines(), p.latest().map(Witness.Head::checkpoint).orElse(null));
    }

    /** The log in position order: each event's stream, sequence number and stored hash. */
    private List<LogOrder.Entry> log() {
        List<LogOrder.Entry> log = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT globalIndex, aggregateIdentifier, sequenceNumber, metaData FROM DomainEventEntry "
                + "ORDER BY globalIndex", (java.sql.ResultSet rs) -> {
            String aggregate = names.computeIfAbsent(rs.getString(2), a -> a);
            log.add(new LogOrder.Entry(rs.getLong(1), aggregate, rs.getLong(3), Checkpoints.hashOf(json, rs.getBytes(4))));
        });
        return log;
    }

    private void check(List<Stored> group, Streams streams) {
        List<Finding> findings = streams.findings;
        String aggregate = group.get(0).aggregate();
        streams.lastSequence.put(aggregate, group.get(group.size() - 1).sequence());
        long expected = 0;
        List<Stored> failed = new ArrayList<>();
        String previous = Chain.GENESIS;
        for (Stored s : group) {
            boolean afterGap = s.sequence() > expected;
            for (long missing = expected; missing < s.sequence(); missing++) {
                findings.add(new Finding(Kind.DELETED, aggregate, missing, null, "sequence number missing"));
            }
            expected = s.sequence() + 1;
            if (afterGap) {
                // its predecessor is gone: the link cannot be checked, and the gap is already reported
                previous = s.hash() != null ? s.hash() : previous;
                continue;
            }
            if (s.hash() == null) {
                findings.add(new Finding(Kind.INSERTED, aggregate, s.sequence(), s.globalIndex(), UNSIGNED));
            } else if (!s.hash().equals(hashAt(s, s.sequence(), previous))) {
                failed.add(s);
            } else {
                streams.signed.add(aggregate + '#' + s.sequence());
                if (Checkpoints.AGGREGATE.equals(aggregate)) {
                    LedgerCheckpointed c = read(s);
                    streams.checkpoints.add(new LogOrder.Checkpoint(s.sequence(), c));
                    streams.checkpointed.putAll(c.changedHeads());
                }
            }
            previous = s.hash() != null ? s.hash() : previous;
        }
        List<String> links = new ArrayList<>(List.of(Chain.GENESIS));
        group.stream().map(Stored::hash).filter(Objects::nonNull).forEach(links::add);
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
                findings.add(new Finding(Kind.REORDERED, aggregate, s.sequence(), s.globalIndex(),
                        "this event was recorded at sequence " + belongs));
            } else if (streams.copied.contains(s.hash())) {
                findings.add(new Finding(Kind.INSERTED, aggregate, s.sequence(), s.globalIndex(),
                        "it carries another event's hash: a copy the ledger did not sign"));
            } else if (links.stream().noneMatch(link -> s.hash().equals(hashAt(s, s.sequence(), link)))) {
                findings.add(new Finding(Kind.MODIFIED, aggregate, s.sequence(), s.globalIndex(),
                        "content does not match its hash"));
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
