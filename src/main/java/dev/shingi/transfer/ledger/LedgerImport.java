package dev.shingi.transfer.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.CommentNumbering;
import dev.shingi.deliberation.api.CommentRaised;
import dev.shingi.integrity.EventSignature;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Imports a JSON Lines export (docs/backup.md) into an empty ledger: reads the whole file once to validate it, then
 * once more to append its events, in one database transaction, through the event store, so that the directory (the
 * command side's subscribing processor) follows in that same transaction, and the integrity chain is computed as for
 * any event. The tracking processors then build every read model from the log as after a rebuild.
 * <p>
 * Memory grows with the number of aggregates (their last sequence number and hash), never with the number of events.
 */
@Component
public class LedgerImport {
    private static final Logger log = LoggerFactory.getLogger(LedgerImport.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    static final int MAX_LINE = 16 << 20;
    static final int BATCH = 500;
    static final String INTEGRITY = "integrity";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final org.axonframework.common.transaction.TransactionManager axonTransactions;
    private final EventStore eventStore;
    private final Serializer serializer;
    private final EventSignature signature;
    private final CommentNumbering numbering;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final int segments;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = new JsonFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private final Map<String, Optional<String>> revisions = new ConcurrentHashMap<>();

    LedgerImport(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                 org.axonframework.common.transaction.TransactionManager axonTransactions, EventStore eventStore,
                 @Qualifier("eventSerializer") Serializer serializer, EventSignature signature,
                 CommentNumbering numbering, EventProcessingConfiguration processing, TokenStore tokenStore,
                 @Value("${shingi.processing.segments:2}") int segments) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.axonTransactions = axonTransactions;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.signature = signature;
        this.numbering = numbering;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.segments = segments;
    }

    /**
     * What was imported. {@code positionsKept}: every event has the position it had in the source (the source's
     * positions ran 1, 2, 3… without gaps); otherwise they were renumbered in the same order. {@code checkpoints}:
     * the file carried integrity checkpoints (a whole-ledger export does once the source has recorded one).
     */
    public record Result(long events, int aggregates, int deliberations, boolean resigned, boolean positionsKept,
                         long lastPosition, boolean checkpoints, double validateSeconds, double seconds) {
    }

    /**
     * Validates the whole file, then imports it. {@code resign}: sign the events with this installation's key instead
     * of requiring that they were signed with it (docs/backup.md, "Integrity").
     */
    public synchronized Result importFile(Path file, boolean resign) throws IOException {
        long t0 = System.nanoTime();
        requireEmpty();
        Summary summary = validate(file, resign);
        double validated = (System.nanoTime() - t0) / 1e9;
        log.info("Import: {} valid events of {} aggregates; writing", summary.events, summary.sequences.size());
        Optional<StreamingEventProcessor> integrity = processing.eventProcessor(INTEGRITY, StreamingEventProcessor.class);
        // the source checkpointed its own revisions: the imported ones must not be checkpointed again
        integrity.ifPresent(StreamingEventProcessor::shutDown);
        long last;
        try {
            last = write(file, summary);
        } catch (RuntimeException e) {
            if (e instanceof ImportRefused) {
                throw e;
            }
            if (duplicateKey(e)) {
                if (storedEvents() > 0) { // rolled back: what is there now was written by someone else
                    throw ImportRefused.writtenMeanwhile();
                }
                throw ImportRefused.at(0, "an eventIdentifier occurs twice in the file (the store's unique key: "
                        + rootMessage(e) + "); nothing was written");
            }
            throw e;
        } finally {
            integrity.ifPresent(StreamingEventProcessor::start);
        }
        // No checkpoint is recorded here: the first checkpoint of a large ledger is one event holding every aggregate's
        // head, which a small heap cannot build (see docs/backup.md); the hourly one, or POST /api/admin/checkpoints,
        // records it when the file carried none.
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.info("Import: {} events written in {} s", summary.events, seconds);
        return new Result(summary.events, summary.sequences.size(), summary.lastComment.size(), resign,
                summary.positionsContiguous, last, summary.hadCheckpoints, Math.round(validated * 1000) / 1000.0,
                Math.round(seconds * 1000) / 1000.0);
    }

    private void requireEmpty() {
        long events = storedEvents();
        if (events > 0) {
            throw ImportRefused.notEmpty(events);
        }
    }

    private long storedEvents() {
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return events == null ? 0 : events;
    }

    /** What the validation learned, for the writing pass. */
    static final class Summary {
        long events;
        final Map<String, Long> sequences = new HashMap<>();
        final Map<String, String> hashes = new HashMap<>();
        /** Per deliberation, the highest comment number its comments took. */
        final Map<String, Integer> lastComment = new HashMap<>();
        boolean positionsContiguous = true;
        boolean hadCheckpoints;
    }

    /** One event line, its payload and metadata as byte ranges of the line. */
    record Line(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                String payloadType, String payloadRevision, String recordedAt, byte[] bytes, int payloadFrom,
                int payloadTo, int metaFrom, int metaTo) {
        byte[] payload() {
            return Arrays.copyOfRange(bytes, payloadFrom, payloadTo);
        }

        byte[] metaData() {
            return Arrays.copyOfRange(bytes, metaFrom, metaTo);
        }
    }

    Summary validate(Path file, boolean resign) throws IOException {
        Summary s = new Summary();
        try (Lines lines = new Lines(Files.newInputStream(file), MAX_LINE)) {
            byte[] first = next(lines);
            if (first == null) {
                throw ImportRefused.at(1, "the input is empty; an export starts with a header line {\"format\":\""
                        + LedgerFormat.FORMAT + "\",\"version\":" + LedgerFormat.VERSION + ",…}");
            }
            header(first, lines.number());
            long lastPosition = 0;
            Long endCount = null;
            byte[] bytes;
            while ((bytes = next(lines)) != null) {
                long n = lines.number();
                if (endCount != null) {
                    throw ImportRefused.at(n, "nothing may follow the end line");
                }
                if (bytes.length == 0) {
                    throw ImportRefused.at(n, "empty line");
                }
                if (isEnd(bytes)) {
                    endCount = end(bytes, n);
                    if (endCount != s.events) {
                        throw ImportRefused.at(n, "the end line counts " + endCount + " events, the file holds "
                                + s.events);
                    }
                    continue;
                }
                Line e = parse(bytes, n);
                if (e.position() <= lastPosition) {
                    throw ImportRefused.at(n, "position " + e.position() + " does not follow " + lastPosition
                            + "; events must be in log order");
                }
                if (e.position() != lastPosition + 1) {
                    s.positionsContiguous = false;
                }
                lastPosition = e.position();
                Long previous = s.sequences.get(e.aggregateId());
                long expected = previous == null ? 0 : previous + 1;
                if (e.sequence() != expected) {
                    throw ImportRefused.at(n, "aggregate '" + e.aggregateId() + "' has sequence number "
                            + e.sequence() + " where " + expected + " was expected; every aggregate's events run 0, "
                            + "1, 2… without gaps");
                }
                s.sequences.put(e.aggregateId(), e.sequence());
                Object payload = payload(e, n);
                Map<String, Object> meta = metaData(e, n);
                if (!resign) {
                    String previousHash = e.sequence() == 0 ? EventSignature.GENESIS : s.hashes.get(e.aggregateId());
                    String expectedHash = signature.hash(previousHash, e.aggregateId(), e.sequence(), e.eventId(),
                            e.payloadType(), e.payloadRevision(), e.recordedAt(), e.payload(), meta);
                    Object stored = meta.get(EventSignature.HASH);
                    if (!expectedHash.equals(stored)) {
                        throw ImportRefused.at(n, (stored == null ? "the event is not signed"
                                : "the event's hash does not match its content under this installation's integrity key")
                                + ": the file was changed, or it comes from a ledger with another key "
                                + "(shingi.integrity.key). To sign the events with this installation's key instead, "
                                + "import with resign=true (docs/backup.md)");
                    }
                    s.hashes.put(e.aggregateId(), expectedHash);
                }
                if (payload instanceof CommentRaised raised) {
                    s.lastComment.merge(raised.deliberationId(), number(raised.reference()), Math::max);
                } else if (payload instanceof dev.shingi.deliberation.api.DeliberationOpened opened) {
                    s.lastComment.putIfAbsent(opened.deliberationId(), 0);
                } else if (payload instanceof dev.shingi.deliberation.api.LedgerCheckpointed) {
                    s.hadCheckpoints = true;
                }
                s.events++;
            }
            if (endCount == null) {
                throw ImportRefused.at(lines.number() + 1, "the end line {\"" + LedgerFormat.END + "\":\""
                        + LedgerFormat.FORMAT + "\",\"events\":N} is missing: the file is incomplete");
            }
        }
        return s;
    }

    /** The next line, which must be UTF-8. */
    private static byte[] next(Lines lines) throws IOException {
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

    private void header(byte[] line, long n) {
        JsonNode h = tree(line, n);
        if (!h.isObject() || !LedgerFormat.FORMAT.equals(h.path(LedgerFormat.H_FORMAT).asText(null))) {
            throw ImportRefused.at(n, "the first line must be the header {\"format\":\"" + LedgerFormat.FORMAT
                    + "\",\"version\":" + LedgerFormat.VERSION + ",…}");
        }
        JsonNode version = h.get(LedgerFormat.H_VERSION);
        if (version == null || !version.isIntegralNumber() || version.asInt() != LedgerFormat.VERSION) {
            throw ImportRefused.at(n, "format version " + version + " is not supported; this ledger reads version "
                    + LedgerFormat.VERSION);
        }
    }

    private boolean isEnd(byte[] line) {
        try (JsonParser p = factory.createParser(line)) {
            return p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME
                    && LedgerFormat.END.equals(p.currentName());
        } catch (IOException e) {
            return false; // parse() reports it
        }
    }

    private long end(byte[] line, long n) {
        JsonNode end = tree(line, n);
        JsonNode events = end.get(LedgerFormat.H_EVENTS);
        if (!LedgerFormat.FORMAT.equals(end.path(LedgerFormat.END).asText(null)) || end.size() != 2 || events == null
                || !events.isIntegralNumber()) {
            throw ImportRefused.at(n, "the end line must be {\"" + LedgerFormat.END + "\":\"" + LedgerFormat.FORMAT
                    + "\",\"events\":N}");
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

    Line parse(byte[] bytes, long n) {
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
        if (!known.equals(revision)) {
            throw ImportRefused.at(n, payloadType + " revision " + revision + " is not supported (this ledger "
                    + "stores revision " + known + ")");
        }
        return new Line(position, eventId, aggregateType, aggregateId, sequence, payloadType, revision, recordedAt,
                bytes, payloadFrom, payloadTo, metaFrom, metaTo);
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
                Class<?> c = Class.forName(type, false, LedgerImport.class.getClassLoader());
                Revision r = c.getAnnotation(Revision.class);
                return c.isRecord() && r != null ? Optional.of(r.value()) : Optional.empty();
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    private Object payload(Line e, long n) {
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(e.payload(), byte[].class, e.payloadType(),
                    e.payloadRevision()));
        } catch (RuntimeException x) {
            throw ImportRefused.at(n, "the payload is not a readable " + e.payloadType() + ": " + rootMessage(x));
        }
    }

    private Map<String, Object> metaData(Line e, long n) {
        try {
            return json.readValue(e.metaData(), MAP);
        } catch (IOException x) {
            throw ImportRefused.at(n, "metaData: " + jsonProblem(x));
        }
    }

    private static int number(String reference) {
        try {
            return reference != null && reference.startsWith("#") ? Integer.parseInt(reference.substring(1)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Appends every event in one transaction; returns the last position written. */
    private long write(Path file, Summary summary) {
        Long last = transaction.execute(status -> {
            try (Lines lines = new Lines(Files.newInputStream(file), MAX_LINE)) {
                lines.next(); // the header
                List<EventMessage<?>> batch = new ArrayList<>(BATCH);
                long written = 0;
                byte[] bytes;
                while ((bytes = lines.next()) != null && written < summary.events) {
                    Line e = parse(bytes, lines.number());
                    batch.add(message(e));
                    written++;
                    if (batch.size() == BATCH) {
                        publish(batch);
                        batch.clear();
                    }
                }
                publish(batch);
                summary.lastComment.forEach(numbering::continueAfter);
                Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
                Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
                if (count == null || count != written) {
                    throw ImportRefused.writtenMeanwhile(); // rolls the transaction back
                }
                long h = head == null ? 0 : head;
                integrityAt(h);
                return h;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return last == null ? 0 : last;
    }

    private EventMessage<?> message(Line e) {
        SerializedMessage<?> message = new SerializedMessage<>(e.eventId(),
                new SimpleSerializedObject<>(e.payload(), byte[].class, e.payloadType(), e.payloadRevision()),
                new SimpleSerializedObject<>(e.metaData(), byte[].class,
                        new SimpleSerializedType(MetaData.class.getName(), null)),
                serializer);
        Instant recorded = DateTimeUtils.parseInstant(e.recordedAt());
        return new GenericDomainEventMessage<>(e.aggregateType(), e.aggregateId(), e.sequence(), message, recorded);
    }

    /** One unit of work per batch, inside the import's transaction: Axon stores them and runs the directory. */
    private void publish(List<EventMessage<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            uow.attachTransaction(axonTransactions);
            eventStore.publish(batch);
            uow.commit();
        } catch (RuntimeException e) {
            if (uow.isActive()) {
                uow.rollback(e);
            }
            throw e;
        }
    }

    /** The integrity processor starts after the imported events (in the import's transaction). */
    private void integrityAt(long head) {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(head, Collections.emptySortedSet());
        int[] existing = tokenStore.fetchSegments(INTEGRITY);
        if (existing.length == 0) {
            tokenStore.initializeTokenSegments(INTEGRITY, segments, token);
            return;
        }
        for (int segment : existing) {
            tokenStore.storeToken(token, INTEGRITY, segment);
            tokenStore.releaseClaim(INTEGRITY, segment);
        }
    }

    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException
                    || t instanceof org.axonframework.modelling.command.ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    private static String jsonProblem(IOException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = m.indexOf("\n at [Source");
        return (at > 0 ? m.substring(0, at) : m).replace('\n', ' ');
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int at = m.indexOf("\n at [Source");
        return (at > 0 ? m.substring(0, at) : m).replace('\n', ' ');
    }

    /** For the HTTP edge: copies a body to a temporary file, refusing more than {@code limit} bytes. */
    static Path spool(InputStream body, long limit) throws IOException {
        Path file = Files.createTempFile("shingi-import-", ".jsonl");
        try (var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new TooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    static final class TooLarge extends RuntimeException {
        final long limit;

        TooLarge(long limit) {
            super("The import is over " + limit + " bytes (shingi.transfer.max-import-size).");
            this.limit = limit;
        }
    }
}
