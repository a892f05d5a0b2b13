package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;
import net.jqwik.api.*;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The temporal read models against their definition (docs/time.md): for random histories — late entries,
 * out-of-order occurred times across comments, corrections, withdrawals, reopenings, revisions — and random
 * (at, knownAt) pairs, every view equals a plain fold over the events recorded by knownAt whose (corrected) occurred
 * time is at or before at. The projections and queries are the real ones on a real (in-memory) H2 database.
 */
class TemporalFoldProperties {

    static final String D = "prop";
    static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    static JdbcTemplate jdbc;
    static CommentsProjection comments;
    static DeliberationsProjection deliberations;
    static ViewsFixture.Queries queries;
    /** As the application stores events (Jackson, JSON bytes). */
    static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(EventJson.MAPPER.copy())
            .lenientDeserialization().build();
    /** The log's rows read as the application reads them, with no upcasters (the application has none yet). */
    static final StoredEventRow STORED = new StoredEventRow(SERIALIZER,
            org.axonframework.serialization.upcasting.event.EventUpcasterChain::new);

    @BeforeContainer
    static void database() {
        JdbcDataSource dataSource = migratedInMemory("fold");
        jdbc = new JdbcTemplate(dataSource);
        Names names = new Names(jdbc);
        comments = new CommentsProjection(jdbc, TemporalFoldProperties.STORED, names, new LogPosition(jdbc));
        deliberations = new DeliberationsProjection(jdbc, names, new LogPosition(jdbc));
        queries = ViewsFixture.Queries.on(jdbc, new DataSourceTransactionManager(dataSource));
    }

    /** A fresh in-memory H2 database with every migration applied, as the application's own schema. */
    static JdbcDataSource migratedInMemory(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        return ds;
    }

    /** An event as stored: its log position, when the ledger recorded it, and the event. */
    record Stored(long position, Instant recordedAt, DeliberationEvent event) {
    }

    @Property(tries = 150, seed = "", shrinking = ShrinkingMode.BOUNDED)
    void everyViewEqualsAFoldOfWhatWasKnown(@ForAll("histories") List<Stored> log, @ForAll Random random) {
        comments.reset();
        deliberations.reset();
        jdbc.update("DELETE FROM DomainEventEntry");
        Map<String, Long> sequences = new HashMap<>();
        for (Stored s : log) {
            var message = new GenericEventMessage<>(
                    new org.axonframework.messaging.GenericMessage<>(UUID.randomUUID().toString(), s.event(), MetaData.with("recordedBy", "prop")),
                    () -> s.recordedAt());
            var token = new GlobalSequenceTrackingToken(s.position());
            String commentId = CommentsProjection.commentIdOf(s.event());
            if (commentId != null) {
                // in the log too, as the command side stores it: the projection reads a comment's earlier events from
                // there whenever the comment is not in its cache, which happens here at random
                long sequence = sequences.merge(commentId, 0L, (a, b) -> a + 1);
                var payload = SERIALIZER.serialize(s.event(), byte[].class);
                jdbc.update("""
                        INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,
                            eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)
                        VALUES (?, ?, ?, 'Comment', ?, ?, ?, ?, ?, ?)""", s.position(), commentId, sequence,
                        message.getIdentifier(), SERIALIZER.serialize(message.getMetaData(), byte[].class).getData(),
                        payload.getData(), payload.getType().getRevision(), payload.getType().getName(),
                        s.recordedAt().toString());
                if (random.nextInt(3) == 0) {
                    comments.forget();
                }
            }
            try {
                deliberations.on(s.event(), message, token);
                comments.on(s.event(), message, token);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        List<Instant> times = new ArrayList<>();
        log.forEach(s -> {
            times.add(s.event().occurredAt());
            times.add(s.recordedAt());
        });
        for (int i = 0; i < 12; i++) {
            Instant at = pick(times, random);
            Instant knownAt = pick(times, random);
            long position = queries.knowledge().handle(new FindKnowledgePosition(knownAt));
            AsOf asOf = new AsOf(at, position);
            Fold fold = new Fold(log, at, knownAt);
            String where = "at=" + at + " knownAt=" + knownAt + " position=" + position;

            Outstanding o = queries.outstanding().handle(new FindOutstanding(D, asOf));
            assertThat(o.comments().stream().map(CommentSummary::reference).toList()).as("unanswered " + where)
                    .isEqualTo(fold.unanswered());
            assertThat(o.commitments().stream().map(CommitmentSummary::reference).toList()).as("open " + where)
                    .isEqualTo(fold.openCommitments());
            assertThat(queries.comments().handle(new FindComments(D, asOf)).stream()
                    .map(c -> c.reference() + " " + c.author().id() + " " + c.anchorText() + " " + c.kind() + " "
                            + c.text() + " " + c.status() + " " + c.occurredAt()).toList())
                    .as("comments " + where).isEqualTo(fold.comments());
            assertThat(queries.versions().handle(new FindVersions(D, asOf)).stream()
                    .map(v -> "v" + v.version() + " " + v.fulfilled().stream().map(FulfilledCommitment::reference).toList())
                    .toList()).as("versions " + where).isEqualTo(fold.versions());
            assertThat(queries.timeline().handle(new FindTimeline(D, asOf, null, null)).stream()
                    .map(e -> e.position() + " " + e.type() + " " + e.occurredAt()).toList())
                    .as("timeline " + where).isEqualTo(fold.timeline());
            assertThat(queries.answers().handle(new FindAnswers(D, asOf)).byMember().stream()
                    .flatMap(m -> m.raised().stream().map(l -> l.commentReference() + " " + m.member().id() + " "
                            + (l.responder() == null ? "-" : l.responder().id()) + " " + l.disposition() + " " + l.commitments()))
                    .toList()).as("answers " + where).isEqualTo(fold.answers());
            for (String commentId : fold.visibleCommentIds()) {
                CommentThread t = queries.thread().handle(new FindThread(commentId, asOf));
                assertThat(t.responses().stream().map(r -> r.responseId() + " " + r.responder().id() + " "
                                + r.disposition() + " " + r.text() + " " + r.occurredAt()
                                + " " + r.commitments().stream().map(c -> c.reference() + ":" + c.status()).toList())
                        .toList()).as("thread " + commentId + " " + where).isEqualTo(fold.responses(commentId));
            }
        }
    }

    private static Instant pick(List<Instant> times, Random random) {
        Instant t = times.get(random.nextInt(times.size()));
        return switch (random.nextInt(4)) {
            case 0 -> t.minusMillis(1);
            case 1 -> t.plusSeconds(random.nextInt(3600));
            default -> t;
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Histories: valid by the command side's rules (each comment's steps in occurred order), but late, interleaved and
    // out of order across comments.

    @Provide
    Arbitrary<List<Stored>> histories() {
        return Arbitraries.randoms().map(HistoryBuilder::build);
    }

    static final class HistoryBuilder {
        final Random r;
        final List<Stored> log = new ArrayList<>();
        Instant recorded = BASE.plus(400, ChronoUnit.DAYS);
        int version = 1;

        HistoryBuilder(Random r) {
            this.r = r;
        }

        static List<Stored> build(Random random) {
            return new HistoryBuilder(random).run();
        }

        void add(DeliberationEvent e) {
            recorded = recorded.plusMillis(1 + r.nextInt(r.nextBoolean() ? 5 : 600_000));
            log.add(new Stored(log.size() + 1, recorded, e));
        }

        final class C {
            final String id;
            final String ref;
            Instant last;
            Instant raisedAt;
            boolean withdrawn;
            String current;
            final List<String> responses = new ArrayList<>();
            final Map<String, Instant> responseAt = new LinkedHashMap<>();
            final Map<String, CommitmentKind> open = new LinkedHashMap<>();
            int commitments;

            C(int n) {
                id = "c" + n;
                ref = "#" + n;
            }
        }

        List<Stored> run() {
            Instant opened = BASE.plus(r.nextInt(10), ChronoUnit.DAYS);
            add(new DeliberationOpened(D, "Property deliberation", null, opened));
            for (String[] p : new String[][]{{"m1", "MEMBER"}, {"m2", "MEMBER"}, {"ch", "CHAIR"}, {"s1", "SECRETARIAT"}, {"s2", "SECRETARIAT"}}) {
                add(new ParticipantRegistered(D, p[0], p[0].toUpperCase(), Role.valueOf(p[1]), null, null, false, opened));
            }
            add(new DraftPublished(D, 1, "v1", "1-1", 30, opened));
            int n = 1 + r.nextInt(5);
            List<C> cs = new ArrayList<>();
            int steps = n * (2 + r.nextInt(6));
            for (int i = 0; i < steps; i++) {
                if (cs.size() < n && (cs.isEmpty() || r.nextInt(3) == 0)) {
                    C c = new C(cs.size() + 1);
                    // occurred anywhere in the first year: late entries and out-of-order across comments
                    c.raisedAt = c.last = BASE.plus(r.nextInt(300), ChronoUnit.DAYS).plusSeconds(r.nextInt(86400));
                    CommentKind kind = CommentKind.values()[r.nextInt(CommentKind.values().length)];
                    int page = 1 + r.nextInt(30);
                    add(new CommentRaised(D, c.id, c.ref, pickMember(), 1, r.nextBoolean() ? Anchor.page(page) : Anchor.NONE,
                            kind, "text " + c.id, null, c.last));
                    cs.add(c);
                    continue;
                }
                step(cs.get(r.nextInt(cs.size())));
            }
            return log;
        }

        String pickMember() {
            return List.of("m1", "m2", "ch").get(r.nextInt(3));
        }

        Instant later(C c) {
            c.last = c.last.plusSeconds(r.nextInt(4) == 0 ? 0 : r.nextInt(5 * 86400));
            return c.last;
        }

        void step(C c) {
            if (c.withdrawn) {
                return;
            }
            int choice = r.nextInt(10);
            if (c.current == null && choice < 5) {
                String responseId = c.id + "-r" + (c.responses.size() + 1);
                Instant at = later(c);
                add(new CommentResponded(D, c.id, responseId, r.nextBoolean() ? "s1" : "s2",
                        Disposition.values()[r.nextInt(Disposition.values().length)], "answer " + responseId, at));
                c.current = responseId;
                c.responses.add(responseId);
                c.responseAt.put(responseId, at);
                for (int k = r.nextInt(3); k > 0; k--) {
                    c.commitments++;
                    String cid = c.id + "." + c.commitments;
                    CommitmentKind kind = CommitmentKind.values()[r.nextInt(3)];
                    add(new CommitmentMade(D, c.id, responseId, cid, c.ref + "." + c.commitments, kind, "do " + cid, "s1",
                            null, at));
                    c.open.put(cid, kind);
                }
            } else if (c.current != null && choice == 5) {
                Instant at = later(c);
                add(new ResponseAcknowledged(D, c.id, c.current, "m1", false, "no", at));
                add(new CommentReopened(D, c.id, "m1", "no", at));
                c.current = null;
            } else if (choice == 6 && r.nextInt(3) == 0) {
                add(new CommentWithdrawn(D, c.id, "m1", "gone", later(c)));
                c.withdrawn = true;
            } else if (choice == 7 && !c.open.isEmpty()) {
                String cid = c.open.keySet().iterator().next();
                Instant at = later(c);
                switch (r.nextInt(3)) {
                    case 0 -> {
                        version++;
                        add(new RevisionCommitted(D, version, version - 1, "v" + version, null, null, null, List.of(),
                                List.of(new Fulfilment(c.id, cid, new Location(3, null, null))), "s1", false, at));
                        add(new CommitmentFulfilled(D, c.id, cid, version, new Location(3, null, null), at));
                    }
                    case 1 -> add(new CommitmentConcluded(D, c.id, cid, "s1", "decided", at));
                    default -> add(new CommitmentWaived(D, c.id, cid, "s2", "moot", at));
                }
                c.open.remove(cid);
            } else if (choice >= 8) {
                correct(c);
            }
        }

        void correct(C c) {
            Instant at = c.last.plusSeconds(60);
            if (!c.responses.isEmpty() && r.nextBoolean()) {
                String responseId = c.responses.get(r.nextInt(c.responses.size()));
                // the response keeps its place among the comment's steps: only text, responder or disposition change
                add(new RecordCorrected(D, c.id, responseId, r.nextBoolean() ? "s2" : null, null, null,
                        r.nextBoolean() ? Disposition.DECLINED : null, "fixed " + responseId, null, "typo", "s1", at));
                return;
            }
            Instant earlier = null;
            if (r.nextBoolean() && c.raisedAt.isAfter(BASE.plusSeconds(86400))) {
                earlier = c.raisedAt.minusSeconds(r.nextInt(86400)); // moving the raise earlier keeps the order
                c.raisedAt = earlier;
            }
            add(new RecordCorrected(D, c.id, null, r.nextBoolean() ? pickMember() : null,
                    r.nextBoolean() ? Anchor.page(1 + r.nextInt(30)) : null,
                    r.nextBoolean() ? CommentKind.REMARK : null, null, r.nextBoolean() ? "corrected " + c.id : null, earlier,
                    "transcription", "s1", at));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The reference: a plain fold, written for clarity, not speed. It shares no code with the projections.

    static final class Fold {
        final List<Stored> known = new ArrayList<>();
        final Instant at;
        final Map<String, CommentState> comments = new TreeMap<>(Comparator.comparingInt(k -> Integer.parseInt(k.substring(1))));
        final List<String> timeline = new ArrayList<>();
        final Map<Integer, List<String>> versions = new TreeMap<>();

        static final class CommentState {
            String id, ref, author, text;
            Anchor anchor;
            CommentKind kind;
            Instant occurredAt;
            boolean visible, withdrawn;
            String current;
            final Map<String, String[]> responses = new LinkedHashMap<>(); // id -> responder, disposition, text, time
            final Map<String, String[]> commitments = new LinkedHashMap<>(); // id -> ref, responseId, status
        }

        Fold(List<Stored> log, Instant at, Instant knownAt) {
            this.at = at;
            for (Stored s : log) {
                if (!s.recordedAt().isAfter(knownAt)) {
                    known.add(s);
                }
            }
            // 1. corrections amend their records, for every occurred time
            Map<String, CommentState> byId = new HashMap<>();
            Map<String, Instant> responseTimes = new HashMap<>();
            for (Stored s : known) {
                if (s.event() instanceof CommentRaised e) {
                    CommentState c = new CommentState();
                    c.id = e.commentId(); c.ref = e.reference(); c.author = e.authorId(); c.text = e.text();
                    c.anchor = e.anchor(); c.kind = e.kind(); c.occurredAt = e.occurredAt();
                    byId.put(c.id, c);
                } else if (s.event() instanceof CommentResponded e) {
                    byId.get(e.commentId()).responses.put(e.responseId(), new String[]{e.responderId(),
                            e.disposition().name(), e.text(), e.occurredAt().toString()});
                    responseTimes.put(e.responseId(), e.occurredAt());
                } else if (s.event() instanceof RecordCorrected e) {
                    CommentState c = byId.get(e.commentId());
                    if (e.responseId() == null) {
                        if (e.authorId() != null) c.author = e.authorId();
                        if (e.anchor() != null) c.anchor = e.anchor();
                        if (e.kind() != null) c.kind = e.kind();
                        if (e.text() != null) c.text = e.text();
                        if (e.recordOccurredAt() != null) c.occurredAt = e.recordOccurredAt();
                    } else {
                        String[] resp = c.responses.get(e.responseId());
                        if (e.authorId() != null) resp[0] = e.authorId();
                        if (e.disposition() != null) resp[1] = e.disposition().name();
                        if (e.text() != null) resp[2] = e.text();
                    }
                }
            }
            // 2. the events that had happened by `at`, in log order
            Map<String, String> responseOfCommitment = new HashMap<>();
            for (Stored s : known) {
                DeliberationEvent ev = s.event();
                Instant when = ev.occurredAt();
                if (ev instanceof CommentRaised e) when = byId.get(e.commentId()).occurredAt;
                if (ev instanceof CommitmentMade e) when = responseTimes.get(e.responseId());
                if (when.isAfter(at)) {
                    continue;
                }
                timeline.add(s.position() + " " + ev.getClass().getSimpleName() + " " + when);
                if (ev instanceof DraftPublished e) versions.put(e.version(), new ArrayList<>());
                if (ev instanceof RevisionCommitted e) versions.put(e.version(), new ArrayList<>());
                if (ev instanceof CommentRaised e) {
                    CommentState c = byId.get(e.commentId());
                    c.visible = true;
                    comments.put(c.ref, c);
                }
                if (ev instanceof CommentResponded e) byId.get(e.commentId()).current = e.responseId();
                if (ev instanceof CommentReopened e) byId.get(e.commentId()).current = null;
                if (ev instanceof CommentWithdrawn e) byId.get(e.commentId()).withdrawn = true;
                if (ev instanceof CommitmentMade e) {
                    byId.get(e.commentId()).commitments.put(e.commitmentId(), new String[]{e.reference(), e.responseId(), "OPEN"});
                    responseOfCommitment.put(e.commitmentId(), e.responseId());
                }
                if (ev instanceof CommitmentFulfilled e) {
                    byId.get(e.commentId()).commitments.get(e.commitmentId())[2] = "FULFILLED";
                    versions.computeIfAbsent(e.version(), v -> new ArrayList<>())
                            .add(byId.get(e.commentId()).commitments.get(e.commitmentId())[0]);
                }
                if (ev instanceof CommitmentConcluded e) byId.get(e.commentId()).commitments.get(e.commitmentId())[2] = "CONCLUDED";
                if (ev instanceof CommitmentWaived e) byId.get(e.commentId()).commitments.get(e.commitmentId())[2] = "WAIVED";
                if (ev instanceof RecordCorrected) {
                    timeline.remove(timeline.size() - 1); // a correction is listed at its own time, below
                }
            }
            // corrections are timeline entries at the time they were made
            for (Stored s : known) {
                if (s.event() instanceof RecordCorrected e && !e.occurredAt().isAfter(at)) {
                    timeline.add(s.position() + " RecordCorrected " + e.occurredAt());
                }
            }
            timeline.sort(Comparator.comparing((String l) -> Instant.parse(l.split(" ")[2]))
                    .thenComparingLong(l -> Long.parseLong(l.split(" ")[0])));
            // responses become visible at their own (uncorrectable here) time
            for (CommentState c : comments.values()) {
                c.responses.entrySet().removeIf(r -> Instant.parse(r.getValue()[3]).isAfter(at));
            }
        }

        String status(CommentState c) {
            if (c.withdrawn) return "WITHDRAWN";
            if (c.current == null) return "OPEN";
            if (c.commitments.values().stream().anyMatch(m -> m[2].equals("OPEN"))) return "AWAITING";
            if (c.responses.get(c.current)[1].equals("DECLINED")) return "DECLINED";
            return c.commitments.values().stream().anyMatch(m -> m[1].equals(c.current)) ? "RESOLVED" : "ANSWERED";
        }

        List<String> unanswered() {
            return comments.values().stream().filter(c -> status(c).equals("OPEN") && c.kind.needsResponse())
                    .map(c -> c.ref).toList();
        }

        List<String> openCommitments() {
            List<String> open = new ArrayList<>();
            comments.values().forEach(c -> c.commitments.values().forEach(m -> {
                if (m[2].equals("OPEN")) open.add(m[0]);
            }));
            return open;
        }

        List<String> comments() {
            return comments.values().stream().map(c -> c.ref + " " + c.author + " "
                    + (c.anchor == null ? Anchor.NONE : c.anchor).describe() + " " + c.kind + " " + c.text + " "
                    + status(c) + " " + c.occurredAt).toList();
        }

        List<String> versions() {
            return versions.entrySet().stream().map(e -> "v" + e.getKey() + " " + e.getValue()).toList();
        }

        List<String> timeline() {
            return timeline;
        }

        List<String> visibleCommentIds() {
            return comments.values().stream().map(c -> c.id).toList();
        }

        List<String> answers() {
            Map<String, List<String>> byMember = new LinkedHashMap<>();
            for (CommentState c : comments.values()) {
                List<String> lines = byMember.computeIfAbsent(c.author, k -> new ArrayList<>());
                if (c.responses.isEmpty()) {
                    lines.add(c.ref + " " + c.author + " - null []");
                }
                c.responses.entrySet().stream()
                        .sorted(Comparator.comparing(r -> Instant.parse(r.getValue()[3])))
                        .forEach(r -> lines.add(c.ref + " " + c.author + " " + r.getValue()[0] + " " + r.getValue()[1] + " "
                                + c.commitments.values().stream().filter(m -> m[1].equals(r.getKey())).map(m -> m[0]).toList()));
            }
            return byMember.values().stream().flatMap(List::stream).toList();
        }

        List<String> responses(String commentId) {
            CommentState c = comments.values().stream().filter(x -> x.id.equals(commentId)).findFirst().orElseThrow();
            return c.responses.entrySet().stream()
                    .sorted(Comparator.comparing(r -> Instant.parse(r.getValue()[3])))
                    .map(r -> r.getKey() + " " + r.getValue()[0] + " " + r.getValue()[1] + " " + r.getValue()[2] + " "
                            + r.getValue()[3] + " " + c.commitments.entrySet().stream()
                            .filter(m -> m.getValue()[1].equals(r.getKey()))
                            .map(m -> m.getValue()[0] + ":" + m.getValue()[2]).toList())
                    .toList();
        }
    }
}
