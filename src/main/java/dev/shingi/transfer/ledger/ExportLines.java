package dev.shingi.transfer.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Revision;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lines of an export (docs/backup.md) read for their form: the header, each event line (its fields, their types,
 * an event type and revision this ledger stores) and the end line. Every refusal is an {@link ImportRefused} naming
 * the line and why.
 */
final class ExportLines {
    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = new JsonFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final Map<String, Optional<String>> revisions = new ConcurrentHashMap<>();

    /** The next line, which must be UTF-8. */
    static byte[] next(Lines lines) throws IOException {
        byte[] line;
        try {
            line = lines.next();
        } catch (Lines.TooLong e) {
            throw ImportRefused.at(lines.number() + 1, e.getMessage().replaceFirst("^line \\d+ ", "the line "));
        }
        if (line != null) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
            } catch (CharacterCodingException e) {
                throw ImportRefused.at(lines.number(), "not UTF-8 text (JSON Lines are UTF-8)");
            }
        }
        return line;
    }

    /** Reads the header; returns the file's format version. */
    int header(byte[] line, long n) {
        JsonNode h = tree(line, n);
        if (!h.isObject() || !LedgerFormat.FORMAT.equals(h.path(LedgerFormat.H_FORMAT).asText(null))) {
            throw ImportRefused.at(n, "the first line must be the header {\"format\":\"" + LedgerFormat.FORMAT
                    + "\",\"version\":" + LedgerFormat.VERSION + ",…}");
        }
        JsonNode version = h.get(LedgerFormat.H_VERSION);
        if (version == null || !version.isIntegralNumber() || version.asInt() < LedgerFormat.FIRST_VERSION
                || version.asInt() > LedgerFormat.VERSION) {
            throw ImportRefused.at(n, "format version " + version + " is not supported; this ledger reads versions "
                    + LedgerFormat.FIRST_VERSION + " to " + LedgerFormat.VERSION);
        }
        return version.asInt();
    }

    /** The fields an end line may have: the count, and the signed trailer's (docs/backup.md). */
    private static final java.util.Set<String> END_FIELDS = java.util.Set.of(LedgerFormat.END, LedgerFormat.H_EVENTS,
            ExportTrailer.LINES, ExportTrailer.HEAD, ExportTrailer.FINGERPRINTS, ExportTrailer.SIGNATURE);

    boolean isEnd(byte[] line) {
        try (JsonParser p = factory.createParser(line)) {
            return p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME
                    && LedgerFormat.END.equals(p.currentName());
        } catch (IOException e) {
            return false; // parse() reports it
        }
    }

    long end(byte[] line, long n) {
        JsonNode end = tree(line, n);
        JsonNode events = end.get(LedgerFormat.H_EVENTS);
        boolean fields = true;
        for (var names = end.fieldNames(); names.hasNext(); ) {
            fields &= END_FIELDS.contains(names.next());
        }
        if (!LedgerFormat.FORMAT.equals(end.path(LedgerFormat.END).asText(null)) || !fields || events == null
                || !events.isIntegralNumber()) {
            throw ImportRefused.at(n, "the end line must be {\"" + LedgerFormat.END + "\":\"" + LedgerFormat.FORMAT
                    + "\",\"events\":N,\"lines\":…,\"head\":…,\"fingerprints\":…,\"signature\":…}");
        }
        return events.asLong();
    }

    private JsonNode tree(byte[] line, long n) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw ImportRefused.at(n, "not JSON: " + jsonProblem(e));
        }
    }

    EventLine parse(byte[] bytes, long n) {
        Long position = null;
        Long sequence = null;
        String eventId = null;
        String aggregateType = null;
        String aggregateId = null;
        String payloadType = null;
        String revision = null;
        String recordedAt = null;
        int payloadFrom = -1;
        int payloadTo = -1;
        int metaFrom = -1;
        int metaTo = -1;
        try (JsonParser p = factory.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ImportRefused.at(n, "an event line is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case LedgerFormat.POSITION -> position = number(p, t, name, n);
                    case LedgerFormat.SEQUENCE_NUMBER -> sequence = number(p, t, name, n);
                    case LedgerFormat.EVENT_IDENTIFIER -> eventId = text(p, t, name, n, false);
                    case LedgerFormat.AGGREGATE_TYPE -> aggregateType = text(p, t, name, n, false);
                    case LedgerFormat.AGGREGATE_IDENTIFIER -> aggregateId = text(p, t, name, n, false);
                    case LedgerFormat.PAYLOAD_TYPE -> payloadType = text(p, t, name, n, false);
                    case LedgerFormat.PAYLOAD_REVISION -> revision = text(p, t, name, n, true);
                    case LedgerFormat.RECORDED_AT -> recordedAt = text(p, t, name, n, false);
                    case LedgerFormat.OCCURRED_AT -> text(p, t, name, n, true); // informational: the payload has it
                    case LedgerFormat.PAYLOAD, LedgerFormat.META_DATA -> {
                        if (t != JsonToken.START_OBJECT) {
                            throw ImportRefused.at(n, name + " must be a JSON object");
                        }
                        int from = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        int to = (int) p.currentLocation().getByteOffset();
                        if (name.equals(LedgerFormat.PAYLOAD)) {
                            payloadFrom = from;
                            payloadTo = to;
                        } else {
                            metaFrom = from;
                            metaTo = to;
                        }
                    }
                    default -> throw ImportRefused.at(n, "unknown field '" + name + "'");
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw ImportRefused.at(n, "an event line is one JSON object");
            }
        } catch (IOException e) {
            throw ImportRefused.at(n, "not JSON: " + jsonProblem(e));
        }
        require(position, LedgerFormat.POSITION, n);
        require(sequence, LedgerFormat.SEQUENCE_NUMBER, n);
        require(eventId, LedgerFormat.EVENT_IDENTIFIER, n);
        require(aggregateType, LedgerFormat.AGGREGATE_TYPE, n);
        require(aggregateId, LedgerFormat.AGGREGATE_IDENTIFIER, n);
        require(payloadType, LedgerFormat.PAYLOAD_TYPE, n);
        require(recordedAt, LedgerFormat.RECORDED_AT, n);
        if (payloadFrom < 0) {
            require(null, LedgerFormat.PAYLOAD, n);
        }
        if (metaFrom < 0) {
            require(null, LedgerFormat.META_DATA, n);
        }
        if (position < 1 || sequence < 0) {
            throw ImportRefused.at(n, position < 1 ? "position must be 1 or more" : "sequenceNumber must be 0 or more");
        }
        for (String[] f : new String[][]{{LedgerFormat.EVENT_IDENTIFIER, eventId},
                {LedgerFormat.AGGREGATE_TYPE, aggregateType}, {LedgerFormat.AGGREGATE_IDENTIFIER, aggregateId}}) {
            if (f[1].isBlank() || f[1].length() > 255) {
                throw ImportRefused.at(n, f[0] + " must be 1 to 255 characters");
            }
        }
        try {
            if (!DateTimeUtils.formatInstant(DateTimeUtils.parseInstant(recordedAt)).equals(recordedAt)) {
                throw ImportRefused.at(n, "recordedAt '" + recordedAt + "' is not in the store's form, e.g. "
                        + DateTimeUtils.formatInstant(Instant.parse("2024-06-24T05:05:00Z")));
            }
        } catch (DateTimeParseException e) {
            throw ImportRefused.at(n, "recordedAt '" + recordedAt + "' is not an ISO-8601 instant");
        }
        Optional<String> knownRevision = knownRevision(payloadType);
        if (knownRevision.isEmpty()) {
            throw ImportRefused.at(n, "payloadType '" + payloadType + "' is not an event of this ledger");
        }
        String known = knownRevision.get();
        if (!known.equals(revision) && !earlier(revision, known)) {
            throw ImportRefused.at(n, payloadType + " revision " + revision + " is not supported (this ledger "
                    + "stores revision " + known + ")");
        }
        return new EventLine(position, eventId, aggregateType, aggregateId, sequence, payloadType, revision, recordedAt,
                bytes, payloadFrom, payloadTo, metaFrom, metaTo);
    }

    /**
     * An earlier revision of the event than the one this ledger writes: stored before the revision was added (e.g.
     * a revision-1 checkpoint), it reads as the store reads it, the fields added since being null.
     */
    private static boolean earlier(String revision, String known) {
        return revision != null && revision.matches("[1-9][0-9]{0,3}") && known.matches("[1-9][0-9]{0,3}")
                && Integer.parseInt(revision) < Integer.parseInt(known);
    }

    private static long number(JsonParser p, JsonToken t, String name, long n) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw ImportRefused.at(n, name + " must be an integer");
        }
        return p.getLongValue();
    }

    private static String text(JsonParser p, JsonToken t, String name, long n, boolean nullable) throws IOException {
        if (t == JsonToken.VALUE_NULL && nullable) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw ImportRefused.at(n, name + " must be a string");
        }
        return p.getText();
    }

    private static void require(Object value, String name, long n) {
        if (value == null) {
            throw ImportRefused.at(n, "field '" + name + "' is missing");
        }
    }

    /** The revision this ledger stores for an event type, or empty when the type is not one of its events. */
    private Optional<String> knownRevision(String payloadType) {
        return revisions.computeIfAbsent(payloadType, type -> {
            String simple = type.startsWith(LedgerFormat.EVENT_PACKAGE)
                    ? type.substring(LedgerFormat.EVENT_PACKAGE.length()) : "";
            if (simple.isEmpty() || !simple.matches("[A-Z][A-Za-z]*")) {
                return Optional.empty();
            }
            try {
                Class<?> c = Class.forName(type, false, ExportLines.class.getClassLoader());
                Revision r = c.getAnnotation(Revision.class);
                return c.isRecord() && r != null ? Optional.of(r.value()) : Optional.empty();
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    static String jsonProblem(IOException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = m.indexOf("\n at [Source");
        return (at > 0 ? m.substring(0, at) : m).replace('\n', ' ');
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int at = m.indexOf("\n at [Source");
        return (at > 0 ? m.substring(0, at) : m).replace('\n', ' ');
    }
}
