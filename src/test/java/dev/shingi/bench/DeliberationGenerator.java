package dev.shingi.bench;

import dev.shingi.deliberation.api.*;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One synthetic deliberation of exactly {@code size} events, as the command side would have stored them: the same
 * aggregates (Deliberation, DraftVersion "{id}/v{n}", Comment), per-aggregate sequence numbers, one metadata map per
 * command (recordedBy, traceId, correlationId), several events per command where the command side applies several
 * (a response and its commitments; a not-satisfied acknowledgement and the reopening; a revision and the commitments
 * it fulfils).
 * <p>
 * <b>Constant rate.</b> Comments arrive as a Poisson process of {@value #COMMENTS_PER_DAY} a day; every comment's life
 * (response after days, commitments open for weeks) has the same distribution whatever the size. A larger log is
 * therefore a <em>longer</em> deliberation, not a busier one: about 71 days for 10k events, 2 years for 100k and 19.5
 * years for 1M, with the same number of comments and commitments in flight at a random instant. That is what makes
 * "the cost of an as-of query does not depend on the length of the history" testable.
 * <p>
 * <b>Domain rules kept.</b> Per comment: raised ≤ responded = its commitments made ≤ acknowledgements, closings, later
 * steps (a comment's steps never go back in occurred time, as {@code Comment.requireInOrder} demands); only the
 * commenter acknowledges; a not-satisfied acknowledgement of the current response reopens the comment and a second
 * response follows; withdrawals only before a response; REVISE_DRAFT commitments are fulfilled by the next revision
 * (every {@value #REVISION_EVERY_DAYS} days) that is recorded after them, or waived; CONSIDER/ACTION ones are concluded
 * or waived; corrections (5% of comments) fix a comment's text or kind, move its time earlier, or move a response's
 * time within the bounds {@code Comment.requireTimeKeepsOrder} allows, or change a response's disposition. Comments are
 * raised on the latest version recorded when they happen, anchored within its page count.
 * <p>
 * <b>Two clocks.</b> Each event is recorded (its message timestamp) minutes to hours after it happened; 6% of comments
 * are entered late, in a batch 1–6 weeks after the meeting. The log is in recorded order and timestamps strictly
 * increase with the global position.
 * <p>
 * The log ends after exactly {@code size} events; a command that would not fit is left out together with everything
 * after it that depends on it, so the log is a consistent prefix of the deliberation.
 */
final class DeliberationGenerator {

    static final double COMMENTS_PER_DAY = 40;
    static final int REVISION_EVERY_DAYS = 21;
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    static final Instant START = Instant.parse("2006-01-10T01:00:00Z");
    static final int PAGES = 200;
    static final int MEMBERS = 30;
    static final String[] SECRETARIAT = {"sec-1", "sec-2", "sec-3", "sec-4"};
    static final String[] CLERKS = {"clerk-a", "clerk-b", "clerk-c"};
    static final ZoneId DUE_ZONE = ZoneId.of("Asia/Tokyo");

    /** One event as the command side would apply it. */
    record Planned(String type, String aggregateId, long sequence, DeliberationEvent payload) {
    }

    /** One command's events: stored together, one recorder, one correlation id. */
    private static final class Unit {
        final long recordedAt;
        final long order;
        final String recordedBy;
        final List<Planned> events = new ArrayList<>();
        /** For a revision: built when it is stored, once every comment has had its chance to add a fulfilment. */
        Revision revision;
        /** For a raise: the draft version it needs. */
        int needsVersion;

        Unit(long recordedAt, long order, String recordedBy) {
            this.recordedAt = recordedAt;
            this.order = order;
            this.recordedBy = recordedBy;
        }
    }

    private final class Revision {
        final int version;
        final long occurredAt;
        final long recordedAt;
        final List<Fulfilment> fulfils = new ArrayList<>();
        final Unit unit;

        Revision(int k) {
            version = k + 1;
            occurredAt = START.toEpochMilli() + k * REVISION_EVERY_DAYS * DAY + 9 * HOUR;
            recordedAt = occurredAt + 2 * HOUR;
            unit = new Unit(recordedAt, order++, SECRETARIAT[0]);
            unit.revision = this;
            pending.add(unit);
        }
    }

    private final String deliberationId;
    private final long size;
    private final SplittableRandom rnd;
    /** Event and command identifiers: random-looking, but the same for the same seed, so that runs compare. */
    private final SplittableRandom ids;
    private final PriorityQueue<Unit> pending = new PriorityQueue<>(
            Comparator.comparingLong((Unit u) -> u.recordedAt).thenComparingLong(u -> u.order));
    private final Map<Integer, Revision> revisions = new HashMap<>();
    private long order;
    private long nextRaise;
    private int comments;

    // what was stored
    private long emitted;
    private long lastTimestamp = Long.MIN_VALUE;
    private final long[] timestamps;
    private final Set<String> dead = new HashSet<>();
    private int deadFromVersion = Integer.MAX_VALUE;
    private long maxOccurred;
    private final Map<String, Integer> eventCounts = new HashMap<>();

    DeliberationGenerator(String deliberationId, long size, long seed) {
        this.deliberationId = deliberationId;
        this.size = size;
        this.rnd = new SplittableRandom(seed);
        this.ids = new SplittableRandom(~seed);
        this.timestamps = new long[(int) size + 1];
    }

    /** Recorded time (epoch ms) of the event at each global position, 1-based. */
    long[] timestamps() {
        return timestamps;
    }

    long firstOccurred() {
        return START.toEpochMilli();
    }

    long lastOccurred() {
        return maxOccurred;
    }

    int comments() {
        return comments;
    }

    Map<String, Integer> eventCounts() {
        return eventCounts;
    }

    /** Generates the log, handing it to {@code sink} in batches of whole commands. */
    void generate(int batchSize, Consumer<List<DomainEventMessage<?>>> sink) {
        List<DomainEventMessage<?>> batch = new ArrayList<>(batchSize + 64);
        opening();
        nextRaise = START.toEpochMilli();
        while (emitted < size) {
            long frontier = nextRaise;
            // every revision up to the frontier is stored, with or without fulfilments
            for (int k = 1; revisionTime(k) <= frontier; k++) {
                revision(k);
            }
            while (!pending.isEmpty() && pending.peek().recordedAt < frontier && emitted < size) {
                emit(pending.poll(), batch);
                if (batch.size() >= batchSize) {
                    sink.accept(batch);
                    batch = new ArrayList<>(batchSize + 64);
                }
            }
            comment(++comments, nextRaise);
            nextRaise += Math.max(1000, (long) exponential(DAY / COMMENTS_PER_DAY));
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    private static long revisionTime(int k) {
        return START.toEpochMilli() + k * REVISION_EVERY_DAYS * DAY + 9 * HOUR;
    }

    private Revision revision(int k) {
        return revisions.computeIfAbsent(k, Revision::new);
    }

    private void emit(Unit unit, List<DomainEventMessage<?>> batch) {
        if (unit.revision != null) {
            Revision r = unit.revision;
            unit.events.add(0, new Planned("DraftVersion", Ids.draftVersion(deliberationId, r.version), 0,
                    new RevisionCommitted(deliberationId, r.version, r.version - 1, "Draft v" + r.version,
                            "M-" + r.version, PAGES, "Revision " + r.version + " after the comments on v" + (r.version - 1),
                            List.of("Changes requested in " + r.fulfils.size() + " comment(s) applied"),
                            List.copyOf(r.fulfils), SECRETARIAT[0], false, Instant.ofEpochMilli(r.occurredAt))));
        }
        boolean skip = unit.events.size() > size - emitted || unit.needsVersion >= deadFromVersion
                || (unit.revision != null && unit.revision.version >= deadFromVersion);
        for (Planned p : unit.events) {
            skip |= dead.contains(p.aggregateId());
        }
        if (skip) {
            // left out: so is everything that builds on it
            unit.events.forEach(p -> dead.add(p.aggregateId()));
            if (unit.revision != null) {
                deadFromVersion = Math.min(deadFromVersion, unit.revision.version);
            }
            return;
        }
        String command = uuid();
        MetaData metaData = MetaData.from(Map.of("recordedBy", unit.recordedBy, "traceId", command,
                "correlationId", command));
        for (Planned p : unit.events) {
            long ts = Math.max(unit.recordedAt, lastTimestamp + 1);
            lastTimestamp = ts;
            timestamps[(int) ++emitted] = ts;
            maxOccurred = Math.max(maxOccurred, p.payload().occurredAt().toEpochMilli());
            eventCounts.merge(p.payload().getClass().getSimpleName(), 1, Integer::sum);
            batch.add(new GenericDomainEventMessage<>(p.type(), p.aggregateId(), p.sequence(), p.payload(), metaData,
                    uuid(), Instant.ofEpochMilli(ts)));
        }
    }

    private void opening() {
        long opened = START.toEpochMilli() - 7 * DAY;
        Instant at = Instant.ofEpochMilli(opened);
        Unit open = new Unit(opened + HOUR, order++, CLERKS[0]);
        open.events.add(new Planned("Deliberation", deliberationId, 0,
                new DeliberationOpened(deliberationId, "Synthetic deliberation " + deliberationId,
                        "Benchmark body", at)));
        pending.add(open);
        long seq = 1;
        List<String[]> people = new ArrayList<>();
        people.add(new String[]{"chair", "Chair", Role.CHAIR.name()});
        for (int m = 1; m <= MEMBERS; m++) {
            people.add(new String[]{member(m), "Member " + m, Role.MEMBER.name()});
        }
        for (String s : SECRETARIAT) {
            people.add(new String[]{s, "Secretary " + s.substring(4), Role.SECRETARIAT.name()});
        }
        people.add(new String[]{"observer", "Observer", Role.OBSERVER.name()});
        for (String[] p : people) {
            Unit u = new Unit(opened + HOUR + seq * MINUTE, order++, CLERKS[0]);
            u.events.add(new Planned("Deliberation", deliberationId, seq++,
                    new ParticipantRegistered(deliberationId, p[0], p[1], Role.valueOf(p[2]), null, null, false, at)));
            pending.add(u);
        }
        Unit v1 = new Unit(opened + 2 * HOUR, order++, CLERKS[0]);
        v1.events.add(new Planned("DraftVersion", Ids.draftVersion(deliberationId, 1), 0,
                new DraftPublished(deliberationId, 1, "Draft v1", "M-1", PAGES, at)));
        pending.add(v1);
    }

    private static String member(int m) {
        return String.format("member-%02d", m);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // One comment's life, simulated on its own occurred clock, then recorded.

    private enum Act { RESPOND, WITHDRAW, ACK, CLOSE, CORRECT }

    private record Action(long target, long tie, Act act, String commitmentId, CommitmentKind kind, int how) {
    }

    /** The aggregate's view of its steps, to keep to Comment.requireInOrder and requireTimeKeepsOrder. */
    private record Step(String recordId, long at) {
    }

    private final class Life {
        final String commentId;
        final String author;
        CommentKind kind;
        final boolean late;
        final long lateUntil;
        long seq;
        long lastOccurred;
        long lastRecorded;
        boolean withdrawn;
        String currentResponse;
        int responses;
        int commitmentsMade;
        final List<Step> steps = new ArrayList<>();
        final PriorityQueue<Action> actions = new PriorityQueue<>(
                Comparator.comparingLong(Action::target).thenComparingLong(Action::tie));
        long tie;
        final Map<String, Disposition> dispositions = new HashMap<>();

        Life(String commentId, String author, CommentKind kind, long raisedAt) {
            this.commentId = commentId;
            this.author = author;
            this.kind = kind;
            this.late = rnd.nextDouble() < 0.06;
            this.lateUntil = late ? raisedAt + 7 * DAY + (long) (rnd.nextDouble() * 35 * DAY) : Long.MIN_VALUE;
        }

        void schedule(long target, Act act, String commitmentId, CommitmentKind kind, int how) {
            actions.add(new Action(target, tie++, act, commitmentId, kind, how));
        }

        /** A command of this comment, recorded after the previous one and after it happened. */
        Unit record(long occurred, String recordedBy) {
            long lag = occurred < lateUntil ? lateUntil - occurred + (long) (rnd.nextDouble() * 4 * HOUR)
                    : 2 * MINUTE + (long) Math.min(3 * DAY, exponential(2 * HOUR));
            long recorded = Math.max(lastRecorded + 1000, occurred + lag);
            lastRecorded = recorded;
            lastOccurred = Math.max(lastOccurred, occurred);
            Unit u = new Unit(recorded, order++, recordedBy);
            pending.add(u);
            return u;
        }

        void add(Unit u, DeliberationEvent e) {
            u.events.add(new Planned("Comment", commentId, seq++, e));
        }
    }

    private void comment(int n, long raisedAt) {
        String commentId = deliberationId + "-c" + n;
        CommentKind kind = pick(new CommentKind[]{CommentKind.CHANGE_REQUEST, CommentKind.QUESTION, CommentKind.EDITORIAL,
                CommentKind.REMARK, CommentKind.ENDORSEMENT}, new double[]{0.45, 0.20, 0.15, 0.15, 0.05});
        String author = member(1 + rnd.nextInt(MEMBERS));
        Life life = new Life(commentId, author, kind, raisedAt);
        int version = 1;
        for (int k = 1; revisionTime(k) + 2 * HOUR <= raisedAt; k++) {
            version = k + 1;
        }
        int page = 1 + rnd.nextInt(PAGES);
        Anchor anchor = rnd.nextDouble() < 0.1 ? Anchor.NONE
                : rnd.nextDouble() < 0.2 ? Anchor.pages(page, Math.min(PAGES, page + 1 + rnd.nextInt(3)))
                : Anchor.page(page);
        Unit raise = life.record(raisedAt, clerk());
        raise.needsVersion = version;
        life.add(raise, new CommentRaised(deliberationId, commentId, Ids.commentReference(n), author, version, anchor,
                kind, "Comment " + n + " on " + anchor.describe() + ": please reconsider the wording here.", null,
                Instant.ofEpochMilli(raisedAt)));
        life.steps.add(new Step(commentId, raisedAt));

        boolean answered = kind.needsResponse() || (kind == CommentKind.REMARK && rnd.nextDouble() < 0.6);
        if (answered) {
            life.schedule(raisedAt + HOUR + (long) exponential(4 * DAY), Act.RESPOND, null, null, 0);
            if (rnd.nextDouble() < 0.04) {
                life.schedule(raisedAt + 10 * MINUTE + (long) exponential(2 * DAY), Act.WITHDRAW, null, null, 0);
            }
        }
        if (rnd.nextDouble() < 0.05) {
            life.schedule(raisedAt + HOUR + (long) exponential(10 * DAY), Act.CORRECT, null, null, 0);
        }
        while (!life.actions.isEmpty()) {
            Action a = life.actions.poll();
            switch (a.act()) {
                case RESPOND -> respond(life, a);
                case WITHDRAW -> withdraw(life, a);
                case ACK -> acknowledge(life, a);
                case CLOSE -> close(life, a);
                case CORRECT -> correct(life, a);
            }
        }
    }

    private void respond(Life life, Action a) {
        if (life.withdrawn || life.currentResponse != null) {
            return;
        }
        long at = Math.max(a.target(), life.lastOccurred);
        String secretary = SECRETARIAT[rnd.nextInt(SECRETARIAT.length)];
        String responseId = life.commentId + "-r" + (++life.responses);
        Disposition disposition;
        List<CommitmentKind> promised = new ArrayList<>();
        double x = rnd.nextDouble();
        switch (life.kind) {
            case CHANGE_REQUEST -> {
                if (x < 0.45) {
                    disposition = Disposition.ACCEPTED;
                    promised.add(CommitmentKind.REVISE_DRAFT);
                    if (rnd.nextDouble() < 0.2) promised.add(CommitmentKind.REVISE_DRAFT);
                } else if (x < 0.65) {
                    disposition = Disposition.CONSIDERING;
                    promised.add(CommitmentKind.CONSIDER);
                } else if (x < 0.80) {
                    disposition = Disposition.DECLINED;
                    if (rnd.nextDouble() < 0.3) promised.add(CommitmentKind.ACTION);
                } else if (x < 0.90) {
                    disposition = Disposition.NOTED;
                    promised.add(CommitmentKind.ACTION);
                } else {
                    disposition = Disposition.ANSWERED;
                }
            }
            case QUESTION -> {
                if (x < 0.65) {
                    disposition = Disposition.ANSWERED;
                } else if (x < 0.85) {
                    disposition = Disposition.NOTED;
                    if (rnd.nextDouble() < 0.5) promised.add(CommitmentKind.ACTION);
                } else {
                    disposition = Disposition.CONSIDERING;
                    promised.add(CommitmentKind.CONSIDER);
                }
            }
            case EDITORIAL -> {
                if (x < 0.9) {
                    disposition = Disposition.ACCEPTED;
                    promised.add(CommitmentKind.REVISE_DRAFT);
                } else {
                    disposition = Disposition.DECLINED;
                }
            }
            default -> {
                if (x < 0.6) {
                    disposition = Disposition.NOTED;
                    if (rnd.nextDouble() < 0.4) promised.add(CommitmentKind.ACTION);
                } else {
                    disposition = Disposition.ANSWERED;
                }
            }
        }
        Unit u = life.record(at, clerk());
        Instant when = Instant.ofEpochMilli(at);
        life.add(u, new CommentResponded(deliberationId, life.commentId, responseId, secretary, disposition,
                "Response to " + life.commentId + ": " + disposition.name().toLowerCase() + ".", when));
        life.steps.add(new Step(responseId, at));
        life.currentResponse = responseId;
        life.dispositions.put(responseId, disposition);
        String reference = Ids.commentReference(Integer.parseInt(life.commentId.substring(life.commentId.lastIndexOf("-c") + 2)));
        for (CommitmentKind k : promised) {
            int number = ++life.commitmentsMade;
            String commitmentId = Ids.commitment(life.commentId, number);
            LocalDate due = rnd.nextDouble() < 0.5 ? when.atZone(DUE_ZONE).toLocalDate().plusDays(30) : null;
            life.add(u, new CommitmentMade(deliberationId, life.commentId, responseId, commitmentId,
                    Ids.commitmentReference(reference, number), k, "Commitment " + commitmentId + " (" + k + ")",
                    secretary, due, when));
            life.steps.add(new Step(responseId, at));
            double y = rnd.nextDouble();
            switch (k) {
                case REVISE_DRAFT -> {
                    if (y < 0.92) life.schedule(at + DAY + (long) exponential(5 * DAY), Act.CLOSE, commitmentId, k, 0);
                    else life.schedule(at + (long) exponential(20 * DAY), Act.CLOSE, commitmentId, k, 2);
                }
                case CONSIDER -> life.schedule(at + 3 * DAY + (long) exponential(20 * DAY), Act.CLOSE, commitmentId, k,
                        y < 0.85 ? 1 : 2);
                case ACTION -> life.schedule(at + 7 * DAY + (long) exponential(25 * DAY), Act.CLOSE, commitmentId, k,
                        y < 0.85 ? 1 : 2);
            }
        }
        if (life.responses == 1 && rnd.nextDouble() < 0.35) {
            life.schedule(at + 10 * MINUTE + (long) exponential(2 * DAY), Act.ACK, null, null, 0);
        }
    }

    private void withdraw(Life life, Action a) {
        if (life.withdrawn || life.responses > 0) {
            return; // withdrawn only before any response
        }
        long at = Math.max(a.target(), life.lastOccurred);
        Unit u = life.record(at, clerk());
        life.add(u, new CommentWithdrawn(deliberationId, life.commentId, life.author, "No longer relevant.",
                Instant.ofEpochMilli(at)));
        life.steps.add(new Step(null, at));
        life.withdrawn = true;
    }

    private void acknowledge(Life life, Action a) {
        if (life.withdrawn || life.currentResponse == null) {
            return;
        }
        long at = Math.max(a.target(), life.lastOccurred);
        boolean satisfied = rnd.nextDouble() < 0.8;
        Unit u = life.record(at, clerk());
        Instant when = Instant.ofEpochMilli(at);
        life.add(u, new ResponseAcknowledged(deliberationId, life.commentId, life.currentResponse, life.author,
                satisfied, satisfied ? null : "The response misses the point.", when));
        life.steps.add(new Step(null, at));
        if (!satisfied) {
            life.add(u, new CommentReopened(deliberationId, life.commentId, life.author, "The response misses the point.",
                    when));
            life.steps.add(new Step(null, at));
            life.currentResponse = null;
            life.schedule(at + HOUR + (long) exponential(4 * DAY), Act.RESPOND, null, null, 0);
        }
    }

    private void close(Life life, Action a) {
        long at = Math.max(a.target(), life.lastOccurred);
        Instant when;
        if (a.kind() == CommitmentKind.REVISE_DRAFT && a.how() == 0) {
            // the first revision that happens after it and is recorded after this comment's last record
            int k = 1;
            while (revisionTime(k) < at || revisionTime(k) + 2 * HOUR <= life.lastRecorded) {
                k++;
            }
            Revision r = revision(k);
            life.lastOccurred = Math.max(life.lastOccurred, r.occurredAt);
            life.lastRecorded = r.recordedAt;
            Location where = new Location(1 + rnd.nextInt(PAGES), null, null);
            r.fulfils.add(new Fulfilment(life.commentId, a.commitmentId(), where));
            life.add(r.unit, new CommitmentFulfilled(deliberationId, life.commentId, a.commitmentId(), r.version, where,
                    Instant.ofEpochMilli(r.occurredAt)));
            life.steps.add(new Step(null, r.occurredAt));
            return;
        }
        Unit u = life.record(at, SECRETARIAT[0]);
        when = Instant.ofEpochMilli(at);
        String secretary = SECRETARIAT[rnd.nextInt(SECRETARIAT.length)];
        if (a.how() == 1) {
            life.add(u, new CommitmentConcluded(deliberationId, life.commentId, a.commitmentId(), secretary,
                    "Done: " + a.commitmentId(), when));
        } else {
            life.add(u, new CommitmentWaived(deliberationId, life.commentId, a.commitmentId(), secretary,
                    "Overtaken by events.", when));
        }
        life.steps.add(new Step(null, at));
    }

    private void correct(Life life, Action a) {
        long at = Math.max(a.target(), life.lastOccurred);
        String secretary = SECRETARIAT[rnd.nextInt(SECRETARIAT.length)];
        double x = rnd.nextDouble();
        String responseId = null;
        CommentKind kind = null;
        Disposition disposition = null;
        String text = null;
        Instant recordAt = null;
        String reason;
        if (x < 0.25 && life.responses > 0) {
            responseId = life.commentId + "-r1";
            if (rnd.nextDouble() < 0.5) {
                // the response happened earlier than entered: halfway back towards the step before it
                long[] bounds = bounds(life.steps, responseId);
                long original = life.steps.stream().filter(s -> s.recordId() != null && s.recordId().equals(
                        life.commentId + "-r1")).mapToLong(Step::at).min().orElseThrow();
                long moved = bounds[0] + (original - bounds[0]) / 2;
                recordAt = Instant.ofEpochMilli(moved);
                String r = responseId;
                life.steps.replaceAll(s -> r.equals(s.recordId()) ? new Step(r, moved) : s);
                reason = "The response was given earlier than entered.";
            } else {
                Disposition old = life.dispositions.get(responseId);
                disposition = old == Disposition.NOTED ? Disposition.ANSWERED : Disposition.NOTED;
                reason = "Wrong disposition entered.";
            }
        } else if (x < 0.45) {
            long original = life.steps.get(0).at();
            long moved = original - HOUR - (long) (rnd.nextDouble() * 47 * HOUR);
            recordAt = Instant.ofEpochMilli(moved);
            life.steps.replaceAll(s -> life.commentId.equals(s.recordId()) ? new Step(s.recordId(), moved) : s);
            reason = "The comment was made earlier in the meeting.";
        } else if (x < 0.60) {
            kind = life.kind.needsResponse()
                    ? (rnd.nextDouble() < 0.5 ? CommentKind.REMARK : life.kind == CommentKind.QUESTION
                    ? CommentKind.CHANGE_REQUEST : CommentKind.QUESTION)
                    : CommentKind.CHANGE_REQUEST;
            life.kind = kind;
            reason = "Misclassified.";
        } else {
            text = "Corrected text of " + life.commentId + ".";
            reason = "Transcription error.";
        }
        Unit u = life.record(at, clerk());
        life.add(u, new RecordCorrected(deliberationId, life.commentId, responseId, null, null, kind, disposition, text,
                recordAt, reason, secretary, Instant.ofEpochMilli(at)));
    }

    /** Comment.requireTimeKeepsOrder's bounds for moving {@code recordId}: [notBefore, notAfter]. */
    private static long[] bounds(List<Step> steps, String recordId) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (recordId.equals(steps.get(i).recordId())) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        long notBefore = Long.MIN_VALUE;
        long notAfter = Long.MAX_VALUE;
        for (int i = 0; i < first; i++) {
            notBefore = Math.max(notBefore, steps.get(i).at());
        }
        for (int i = last + 1; i < steps.size(); i++) {
            notAfter = Math.min(notAfter, steps.get(i).at());
        }
        return new long[]{notBefore, notAfter};
    }

    /** A version 4 UUID drawn from the seeded identifier stream. */
    private String uuid() {
        long msb = (ids.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private String clerk() {
        return CLERKS[rnd.nextInt(CLERKS.length)];
    }

    private double exponential(double mean) {
        return -mean * Math.log(1 - rnd.nextDouble());
    }

    private <T> T pick(T[] values, double[] weights) {
        double x = rnd.nextDouble();
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
