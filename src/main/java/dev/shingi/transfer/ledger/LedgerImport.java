package dev.shingi.transfer.ledger;

import dev.shingi.deliberation.api.CommentNumbering;
import dev.shingi.drafttext.api.DocumentLibrary;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Imports a JSON Lines export (docs/backup.md) into an empty ledger: reads the whole file once to validate it, then
 * once more to append its events, in one database transaction, through the event store, so that the directory (the
 * command side's subscribing processor) follows in that same transaction, and the integrity chain is computed as for
 * any event; the documents the events name are stored in that same transaction ({@link DocumentLibrary#put}). The
 * tracking processors then build every read model from the log as after a rebuild.
 * <p>
 * Memory grows with the number of aggregates (their last sequence number and hash), never with the number of events;
 * one document is in memory at a time.
 */
@Component
public class LedgerImport {
    private static final Logger log = LoggerFactory.getLogger(LedgerImport.class);
    /** A line's limit: a document line holds up to {@code shingi.documents.max-size} (20 MB) in base64 and its text. */
    static final int MAX_LINE = 64 << 20;
    static final int BATCH = 500;
    static final String INTEGRITY = "integrity";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final org.axonframework.common.transaction.TransactionManager axonTransactions;
    private final EventStore eventStore;
    private final Serializer serializer;
    private final CommentNumbering numbering;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final int segments;
    private final ExportLines form = new ExportLines();
    private final DocumentLines documentLines = new DocumentLines();
    private final DocumentLibrary documents;
    private final ImportCheck check;

    LedgerImport(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                 org.axonframework.common.transaction.TransactionManager axonTransactions, EventStore eventStore,
                 @Qualifier("eventSerializer") Serializer serializer, EventSignature signature,
                 CommentNumbering numbering, EventProcessingConfiguration processing, TokenStore tokenStore,
                 @Value("${shingi.processing.segments:2}") int segments, DocumentLibrary documents) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.axonTransactions = axonTransactions;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.check = new ImportCheck(serializer, signature, form);
        this.numbering = numbering;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.segments = segments;
    }

    /**
     * What was imported. {@code positionsKept}: every event has the position it had in the source (the source's
     * positions ran 1, 2, 3… without gaps); otherwise they were renumbered in the same order. {@code checkpoints}:
     * the file carried integrity checkpoints (a whole-ledger export does once the source has recorded one).
     * {@code documents}: the versions' documents stored with them.
     */
    public record Result(long events, int aggregates, int deliberations, boolean resigned, boolean positionsKept,
                         long lastPosition, boolean checkpoints, int documents, double validateSeconds,
                         double seconds) {
    }

    /**
     * Validates the whole file, then imports it. {@code resign}: sign the events with this installation's key instead
     * of requiring that they were signed with it (docs/backup.md, "Integrity").
     */
    public synchronized Result importFile(Path file, boolean resign) throws IOException {
        long t0 = System.nanoTime();
        requireEmpty();
        ImportCheck.Summary summary = check.validate(file, resign);
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
                        + ExportLines.rootMessage(e) + "); nothing was written");
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
                summary.positionsContiguous, last, summary.hadCheckpoints, summary.documents, Math.round(validated * 1000) / 1000.0,
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

    /** Appends every event in one transaction; returns the last position written. */
    private long write(Path file, ImportCheck.Summary summary) {
        Long last = transaction.execute(status -> {
            try (Lines lines = new Lines(Files.newInputStream(file), MAX_LINE)) {
                lines.next(); // the header
                List<EventMessage<?>> batch = new ArrayList<>(BATCH);
                long written = 0;
                byte[] bytes;
                while ((bytes = lines.next()) != null && !form.isEnd(bytes)) {
                    if (documentLines.isDocument(bytes)) {
                        DocumentLines.Carried d = documentLines.parse(bytes, lines.number());
                        if (d.document() != null) {
                            documents.put(d.document());
                        }
                        continue;
                    }
                    EventLine e = form.parse(bytes, lines.number());
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

    private EventMessage<?> message(EventLine e) {
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

}
