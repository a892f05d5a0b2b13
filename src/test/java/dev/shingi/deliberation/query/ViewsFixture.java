package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.shingi.deliberation.query.TemporalFoldProperties.SERIALIZER;

/**
 * The views of a fresh in-memory H2 database fed event by event through the real projections, as the "views"
 * processor feeds them, and every query handler on them. The n-th event recorded is at log position n, recorded
 * {@code n} minutes after {@link #RECORDED}; each test chooses when its events occurred.
 */
final class ViewsFixture {
    static final String D = "views";
    /** When the ledger recorded its first event: after everything the tests say occurred. */
    static final Instant RECORDED = Instant.parse("2025-01-01T00:00:00Z");
    /** Midnight (UTC) of the day the tests' stories start; {@link #day} counts from it. */
    static final Instant T0 = Instant.parse("2024-04-01T00:00:00Z");
    /** The participants {@link #open} registers, as the views name them. */
    static final ParticipantRef M1 = new ParticipantRef("m1", "Member One", Role.MEMBER, null);
    static final ParticipantRef M2 = new ParticipantRef("m2", "Member Two", Role.MEMBER, null);
    static final ParticipantRef S1 = new ParticipantRef("s1", "Secretary", Role.SECRETARIAT, null);
    /** As late as the ledger knows: every event recorded so far (and later). */
    static final long ALL = Long.MAX_VALUE - 1;

    /** Every query handler of the read side, as Spring wires them. */
    record Queries(DeliberationSummaryQueries deliberations, CommentsQueries comments, OutstandingQueries outstanding,
                   AnswersQueries answers, VersionsQueries versions, TimelineQueries timeline, ThreadQueries thread,
                   DispositionQueries disposition, KnowledgePositionQueries knowledge) {
        static Queries on(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            ViewRows rows = new ViewRows(jdbc);
            return new Queries(new DeliberationSummaryQueries(jdbc), new CommentsQueries(rows),
                    new OutstandingQueries(jdbc, transactions, rows), new AnswersQueries(jdbc, rows),
                    new VersionsQueries(jdbc, rows), new TimelineQueries(jdbc, rows), new ThreadQueries(jdbc, rows),
                    new DispositionQueries(jdbc, rows), new KnowledgePositionQueries(jdbc));
        }
    }

    final JdbcTemplate jdbc;
    final Queries queries;
    private final CommentsProjection comments;
    private final DeliberationsProjection deliberations;
    private final Map<String, Long> sequences = new HashMap<>();
    private long position;

    ViewsFixture() {
        JdbcDataSource dataSource = TemporalFoldProperties.migratedInMemory("views");
        jdbc = new JdbcTemplate(dataSource);
        Names names = new Names(jdbc);
        comments = new CommentsProjection(jdbc, TemporalFoldProperties.STORED, names, new LogPosition(jdbc));
        deliberations = new DeliberationsProjection(jdbc, names, new LogPosition(jdbc));
        queries = Queries.on(jdbc, new DataSourceTransactionManager(dataSource));
    }

    /** When the ledger recorded the event at {@code position}. */
    static Instant recordedAt(long position) {
        return RECORDED.plusSeconds(60 * position);
    }

    /** {@code n} days after {@link #T0}. */
    static Instant day(int n) {
        return T0.plusSeconds(86_400L * n);
    }

    /** The id the fixture gives the event it records at {@code position} (the timeline's {@code eventId}). */
    static String eventId(long position) {
        return "event-" + position;
    }

    /** Records the event at the next log position; returns that position. */
    long record(DeliberationEvent event) {
        long at = ++position;
        var message = new GenericEventMessage<>(new GenericMessage<>(eventId(at), event,
                MetaData.with("recordedBy", "test")), () -> recordedAt(at));
        String commentId = CommentsProjection.commentIdOf(event);
        if (commentId != null) {
            // in the log too, as the command side stores it: the projection reads a comment's history from there
            long sequence = sequences.merge(commentId, 0L, (a, b) -> a + 1);
            var payload = SERIALIZER.serialize(event, byte[].class);
            jdbc.update("""
                    INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,
                        eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)
                    VALUES (?, ?, ?, 'Comment', ?, ?, ?, ?, ?, ?)""", at, commentId, sequence,
                    message.getIdentifier(), SERIALIZER.serialize(message.getMetaData(), byte[].class).getData(),
                    payload.getData(), payload.getType().getRevision(), payload.getType().getName(),
                    recordedAt(at).toString());
        }
        var token = new GlobalSequenceTrackingToken(at);
        try {
            deliberations.on(event, message, token);
            comments.on(event, message, token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return at;
    }

    long lastPosition() {
        return position;
    }

    // The events the tests tell their stories with.

    /** Deliberation {@link #D}, opened at {@code at}, with member m1, member m2 and secretary s1. */
    long open(Instant at) {
        record(new DeliberationOpened(D, "Views", "About the views", at));
        record(new ParticipantRegistered(D, "m1", "Member One", Role.MEMBER, null, null, false, at));
        record(new ParticipantRegistered(D, "m2", "Member Two", Role.MEMBER, null, null, false, at));
        return record(new ParticipantRegistered(D, "s1", "Secretary", Role.SECRETARIAT, null, null, false, at));
    }

    long draft(int version, Instant at) {
        return record(new DraftPublished(D, version, "Draft " + version, "M-" + version, 10, at));
    }

    long raise(String commentId, int number, String author, CommentKind kind, Instant at) {
        return raise(commentId, number, author, 1, kind, at);
    }

    long raise(String commentId, int number, String author, int draftVersion, CommentKind kind, Instant at) {
        return record(new CommentRaised(D, commentId, "#" + number, author, draftVersion, Anchor.page(number), kind,
                "text of " + commentId, null, at));
    }

    long respond(String commentId, String responseId, Disposition disposition, Instant at) {
        return record(new CommentResponded(D, commentId, responseId, "s1", disposition, "answer " + responseId, at));
    }

    long commit(String commentId, String responseId, String commitmentId, String reference, LocalDate due, Instant at) {
        return record(new CommitmentMade(D, commentId, responseId, commitmentId, reference,
                CommitmentKind.REVISE_DRAFT, "do " + commitmentId, "s1", due, at));
    }

    /** Version {@code version}, a revision of the one before, fulfilling {@code commitmentId} of {@code commentId}. */
    long fulfil(int version, String commentId, String commitmentId, Instant at) {
        Location where = new Location(3, null, null);
        record(new RevisionCommitted(D, version, version - 1, "Draft " + version, null, null, "revised",
                List.of("reworded"), List.of(new Fulfilment(commentId, commitmentId, where)), "s1", false, at));
        return record(new CommitmentFulfilled(D, commentId, commitmentId, version, where, at));
    }

    static List<String> ids(List<CommentSummary> comments) {
        return comments.stream().map(CommentSummary::commentId).toList();
    }
}
