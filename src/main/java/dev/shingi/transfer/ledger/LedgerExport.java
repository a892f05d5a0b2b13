package dev.shingi.transfer.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.shingi.deliberation.api.ParticipantDirectory;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.drafttext.api.DocumentLibrary;
import dev.shingi.drafttext.api.ReadDocument;
import dev.shingi.integrity.EventSignature;
import dev.shingi.platform.NodeId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the ledger's events as JSON Lines (docs/backup.md), in log order, a page of {@value #PAGE} events at a time
 * (keyset paging on the position): memory does not grow with the log. Payload and metadata are the stored JSON bytes,
 * verbatim. What is exported is the log up to its head when the export began. After the events, one line per document
 * they name ({@link DocumentLines}), in the order they are first named, one document in memory at a time. The end line
 * is the signed trailer ({@link ExportTrailer}) over every line before it, document lines included.
 */
@Component
public class LedgerExport {
    static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final ParticipantDirectory directory;
    private final Clock clock;
    private final NodeId node;
    private final EventSignature signature;
    private final DocumentLibrary library;
    private final DocumentLines documents = new DocumentLines();
    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = new JsonFactory();

    LedgerExport(JdbcTemplate jdbc, ParticipantDirectory directory, Clock clock, NodeId node,
                 EventSignature signature, DocumentLibrary library) {
        this.jdbc = jdbc;
        this.library = library;
        this.signature = signature;
        this.directory = directory;
        this.clock = clock;
        this.node = node;
    }

    /** Fails with 404 before anything is written when the deliberation is unknown. */
    public void requireKnown(String deliberationId) {
        if (deliberationId != null && !directory.exists(deliberationId)) {
            throw new UnknownRecord("deliberation", "No deliberation '" + deliberationId + "'.");
        }
    }

    /**
     * Writes every event ({@code deliberationId} null) or every event of one deliberation; returns how many.
     * A deliberation's events are those whose payload names it: its Deliberation stream, its DraftVersions and its
     * Comments. Integrity checkpoints belong to no deliberation and are in full exports only.
     */
    public long export(OutputStream raw, String deliberationId) throws IOException {
        requireKnown(deliberationId);
        ExportTrailer.Out out = new ExportTrailer.Out(raw); // every line digested, for the signed trailer
        Long max = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        long head = max == null ? 0 : max;
        Long total = deliberationId != null ? null
                : jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex <= ?", Long.class, head);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(LedgerFormat.H_FORMAT, LedgerFormat.FORMAT);
        header.put(LedgerFormat.H_VERSION, LedgerFormat.VERSION);
        header.put(LedgerFormat.H_EXPORTED_AT, clock.instant().toString());
        header.put(LedgerFormat.H_SOURCE, Map.of("application", "shingi", "node", node.value()));
        header.put(LedgerFormat.H_DELIBERATION, deliberationId);
        header.put(LedgerFormat.H_UP_TO, head);
        header.put(LedgerFormat.H_EVENTS, total);
        line(out, header);

        long written = 0;
        long after = 0;
        Set<String> named = new LinkedHashSet<>();
        while (after < head) {
            long[] last = {after};
            long[] count = {0};
            jdbc.query("""
                    SELECT globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier, payloadType,
                           payloadRevision, timeStamp, metaData, payload
                    FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ? ORDER BY globalIndex""",
                    ps -> {
                        ps.setLong(1, last[0]);
                        ps.setLong(2, head);
                        ps.setMaxRows(PAGE);
                        ps.setFetchSize(PAGE);
                    },
                    (java.sql.ResultSet rs) -> {
                        last[0] = rs.getLong(1);
                        byte[] payload = rs.getBytes(10);
                        Fields fields = fields(payload, DocumentLines.mayName(rs.getString(6)));
                        if (deliberationId == null || deliberationId.equals(fields.deliberationId())) {
                            if (fields.document() != null) {
                                named.add(fields.document());
                            }
                            Map<String, Object> event = new LinkedHashMap<>();
                            event.put(LedgerFormat.POSITION, rs.getLong(1));
                            event.put(LedgerFormat.EVENT_IDENTIFIER, rs.getString(5));
                            event.put(LedgerFormat.AGGREGATE_TYPE, rs.getString(2));
                            event.put(LedgerFormat.AGGREGATE_IDENTIFIER, rs.getString(3));
                            event.put(LedgerFormat.SEQUENCE_NUMBER, rs.getLong(4));
                            event.put(LedgerFormat.PAYLOAD_TYPE, rs.getString(6));
                            event.put(LedgerFormat.PAYLOAD_REVISION, rs.getString(7));
                            event.put(LedgerFormat.RECORDED_AT, rs.getString(8));
                            event.put(LedgerFormat.OCCURRED_AT, fields.occurredAt());
                            byte[] meta = rs.getBytes(9);
                            event.put(LedgerFormat.META_DATA, meta == null ? null : raw(meta));
                            event.put(LedgerFormat.PAYLOAD, raw(payload));
                            try {
                                line(out, event);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            count[0]++;
                        }
                    });
            written += count[0];
            if (last[0] == after) {
                break; // nothing above 'after' any more (cannot happen below head, but never loop for ever)
            }
            after = last[0];
        }
        for (String sha : named) {
            Optional<ReadDocument> d = library.document(sha);
            line(out, d.isPresent() ? documents.line(d.get()) : documents.absent(sha));
        }
        line(raw, out.trailer(written, signature));
        raw.flush();
        return written;
    }

    private void line(OutputStream out, Map<String, Object> fields) throws IOException {
        out.write(json.writeValueAsBytes(fields));
        out.write('\n');
    }

    /**
     * The stored JSON, to be written as it is. The store's serializer never writes a line break (JSON escapes them in
     * strings), so the bytes stay on one line; anything else would not be the serializer's output and is re-written.
     */
    private RawValue raw(byte[] stored) {
        for (byte b : stored) {
            if (b == '\n' || b == '\r') {
                try {
                    return new RawValue(json.writeValueAsString(json.readTree(stored)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new RawValue(new String(stored, StandardCharsets.UTF_8));
    }

    record Fields(String deliberationId, String occurredAt, String document) {
    }

    /**
     * The payload's top-level deliberationId and occurredAt, and with {@code document} its document's sha256, read
     * without building the whole tree.
     */
    Fields fields(byte[] payload, boolean document) {
        String deliberation = null;
        String occurred = null;
        String sha = null;
        try (JsonParser p = factory.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Fields(null, null, null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING && name.equals("deliberationId")) {
                    deliberation = p.getText();
                } else if (value == JsonToken.VALUE_STRING && name.equals(LedgerFormat.OCCURRED_AT)) {
                    occurred = p.getText();
                } else if (document && value == JsonToken.START_OBJECT && name.equals(DocumentLines.DOCUMENT)) {
                    sha = sha256(p);
                } else {
                    p.skipChildren();
                }
                if (deliberation != null && occurred != null && !document) {
                    break;
                }
            }
        } catch (IOException e) {
            return new Fields(deliberation, occurred, sha);
        }
        return new Fields(deliberation, occurred, sha);
    }

    /** The sha256 field of the object the parser is at the start of; the parser is left at its end. */
    private static String sha256(JsonParser p) throws IOException {
        String sha = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING && name.equals(DocumentLines.SHA256)) {
                sha = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return sha;
    }
}
