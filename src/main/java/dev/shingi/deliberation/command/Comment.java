package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.Aggregates;
import dev.shingi.deliberation.api.AcknowledgeResponse;
import dev.shingi.deliberation.api.CommentRaised;
import dev.shingi.deliberation.api.CommentReopened;
import dev.shingi.deliberation.api.CommentResponded;
import dev.shingi.deliberation.api.CommentWithdrawn;
import dev.shingi.deliberation.api.CommitmentConcluded;
import dev.shingi.deliberation.api.CommitmentFulfilled;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.CommitmentMade;
import dev.shingi.deliberation.api.CommitmentWaived;
import dev.shingi.deliberation.api.ConcludeCommitment;
import dev.shingi.deliberation.api.CorrectRecord;
import dev.shingi.deliberation.api.RecordCorrected;
import dev.shingi.deliberation.api.Ids;
import dev.shingi.deliberation.api.Location;
import dev.shingi.deliberation.api.NewCommitment;
import dev.shingi.deliberation.api.RaiseComment;
import dev.shingi.deliberation.api.ReopenComment;
import dev.shingi.deliberation.api.RespondToComment;
import dev.shingi.deliberation.api.ResponseAcknowledged;
import dev.shingi.deliberation.api.Role;
import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.UnresolvedItem;
import dev.shingi.deliberation.api.WaiveCommitment;
import dev.shingi.deliberation.api.WithdrawComment;
import dev.shingi.drafttext.api.DocumentLibrary;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One comment and everything that answers it: responses, commitments, acknowledgements. Each comment is its own
 * aggregate so that thousands of members commenting at once never queue behind one lock.
 */
@Aggregate(type = Aggregates.COMMENT)
class Comment {
    /** Due dates a calendar can hold: the years 1900 to 9999 (iCalendar writes four digits), like every instant here. */
    static final LocalDate EARLIEST_DUE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DUE = LocalDate.of(9999, 12, 31);

    @AggregateIdentifier
    private String commentId;
    private String deliberationId;
    private String reference;
    private String authorId;
    private int draftVersion;
    /** Kind and first anchored page as corrected: what the readiness gate of a revision asks ({@link #unresolved}). */
    private CommentKind kind;
    private Integer page;
    private boolean withdrawn;
    /** The response that currently answers the comment; null when unanswered or reopened. */
    private String currentResponseId;
    private final Set<String> responseIds = new HashSet<>();
    private final CommentCommitments commitments = new CommentCommitments();
    /**
     * When each recorded step of this comment happened, in log order, as corrected. Kept non-decreasing so that a
     * comment's history reads the same on both clocks (docs/time.md): a step may not predate the one before it.
     */
    private final List<Step> steps = new ArrayList<>();

    /** {@code recordId}: the comment id for the raise, the response id for a response and its commitments. */
    private record Step(String recordId, Instant at) {
    }

    Comment() {
        // for event sourcing
    }

    @CommandHandler
    Comment(RaiseComment command, Directory directory, CommentNumbers numbers, DocumentLibrary documents) {
        directory.requireDeliberation(command.deliberationId());
        directory.requireAfterOpening(command.deliberationId(), "occurredAt", command.occurredAt());
        Rules.requireCommenterRegistered(directory, command.deliberationId(), command.authorId());
        Directory.Draft draft = Rules.requireDraft(directory, command.deliberationId(), command.draftVersion());
        Rules.requireAnchorWithin(draft, command.anchor(), documents);
        if (command.meetingId() != null && !directory.hasMeeting(command.deliberationId(), command.meetingId())) {
            throw new UnknownRecord("meetingId",
                    "Deliberation '" + command.deliberationId() + "' has no meeting '" + command.meetingId() + "'.");
        }
        String reference = Ids.commentReference(numbers.takeCommentNumber(command.deliberationId()));
        apply(new CommentRaised(command.deliberationId(), command.commentId(), reference, command.authorId(),
                command.draftVersion(), command.anchor(), command.kind(), command.text(), command.meetingId(),
                command.occurredAt(), command.proposedChange(), command.source()));
    }

    @CommandHandler
    void handle(RespondToComment command, Directory directory) {
        directory.requireSecretariat(deliberationId, command.responderId(), "responderId", "respond to comments");
        List<NewCommitment> promised = command.commitments() == null ? List.of() : command.commitments();
        CommentCommitments.requireDueDatesInRange(promised);
        requireNotWithdrawn("respond to");
        requireInOrder(command.occurredAt());
        if (currentResponseId != null) {
            throw new RuleViolation("comment.answered-once",
                    "Comment " + reference + " is already answered (response " + currentResponseId
                            + "); reopen it first to answer again.");
        }
        if (responseIds.contains(command.responseId())) {
            throw new RuleViolation("response.id-once", "Response '" + command.responseId() + "' already exists.");
        }
        for (int i = 0; i < promised.size(); i++) {
            NewCommitment c = promised.get(i);
            if (c.ownerId() != null && directory.roleOf(deliberationId, c.ownerId()).isEmpty()) {
                throw new RuleViolation("commitment.owner-registered",
                        "Commitment owner '" + c.ownerId() + "' is not a registered participant of '" + deliberationId + "'.");
            }
        }
        apply(new CommentResponded(deliberationId, commentId, command.responseId(), command.responderId(),
                command.disposition(), command.text(), command.occurredAt()));
        int number = commitments.numberMade();
        for (NewCommitment c : promised) {
            number++;
            apply(new CommitmentMade(deliberationId, commentId, command.responseId(), Ids.commitment(commentId, number),
                    Ids.commitmentReference(reference, number), c.kind(), c.description(),
                    c.ownerId() != null ? c.ownerId() : command.responderId(), c.dueDate(), command.occurredAt()));
        }
    }

    @CommandHandler
    void handle(AcknowledgeResponse command) {
        if (!authorId.equals(command.participantId())) {
            throw new RuleViolation("acknowledgement.by-author",
                    "Only the commenter (" + authorId + ") acknowledges responses to " + reference + ".");
        }
        requireNotWithdrawn("acknowledge a response to");
        if (!responseIds.contains(command.responseId())) {
            throw new UnknownRecord("responseId", "Comment " + reference + " has no response '" + command.responseId() + "'.");
        }
        requireInOrder(command.occurredAt());
        apply(new ResponseAcknowledged(deliberationId, commentId, command.responseId(), command.participantId(),
                command.satisfied(), command.note(), command.occurredAt()));
        if (!command.satisfied() && command.responseId().equals(currentResponseId)) {
            apply(new CommentReopened(deliberationId, commentId, command.participantId(),
                    command.note() != null ? command.note() : "Not satisfied with the response.", command.occurredAt()));
        }
    }

    @CommandHandler
    void handle(WithdrawComment command, Directory directory) {
        requireAuthorOrSecretariat(directory, command.participantId(), "withdraw");
        if (withdrawn) {
            throw new RuleViolation("comment.withdrawn-once", "Comment " + reference + " is already withdrawn.");
        }
        requireInOrder(command.occurredAt());
        apply(new CommentWithdrawn(deliberationId, commentId, command.participantId(), command.reason(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(ReopenComment command, Directory directory) {
        requireAuthorOrSecretariat(directory, command.participantId(), "reopen");
        requireNotWithdrawn("reopen");
        if (currentResponseId == null) {
            throw new RuleViolation("comment.reopen-answered-only",
                    "Comment " + reference + " has no current response to reopen.");
        }
        requireInOrder(command.occurredAt());
        apply(new CommentReopened(deliberationId, commentId, command.participantId(), command.reason(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(ConcludeCommitment command, Directory directory) {
        directory.requireSecretariat(deliberationId, command.participantId(), "participantId", "conclude commitments");
        CommentCommitments.Open commitment = commitments.requireOpen(command.commitmentId(), reference);
        if (commitment.kind() == CommitmentKind.REVISE_DRAFT) {
            throw new RuleViolation("commitment.revise-draft-kept-by-revision",
                    "Commitment " + commitment.reference() + " promises a revision: a revision fulfils it, or it is waived.");
        }
        requireInOrder(command.occurredAt());
        apply(new CommitmentConcluded(deliberationId, commentId, command.commitmentId(), command.participantId(),
                command.outcome(), command.occurredAt()));
    }

    @CommandHandler
    void handle(WaiveCommitment command, Directory directory) {
        directory.requireSecretariat(deliberationId, command.participantId(), "participantId", "waive commitments");
        commitments.requireOpen(command.commitmentId(), reference);
        requireInOrder(command.occurredAt());
        apply(new CommitmentWaived(deliberationId, commentId, command.commitmentId(), command.participantId(),
                command.reason(), command.occurredAt()));
    }

    /** Checks, for {@link RevisionHandler}, that a revision of {@code revisionDeliberationId} may keep this commitment. */
    void requireFulfillable(String revisionDeliberationId, String commitmentId, Instant occurredAt) {
        if (!deliberationId.equals(revisionDeliberationId)) {
            throw new RuleViolation("revision.own-deliberation-only",
                    "Commitment '" + commitmentId + "' belongs to deliberation '" + deliberationId + "', not '"
                            + revisionDeliberationId + "'.");
        }
        commitments.requireOpen(commitmentId, reference);
        requireInOrder(occurredAt);
    }

    /**
     * For {@link RevisionHandler}'s readiness gate: what this comment leaves unresolved for a revision committed at
     * {@code at} that keeps {@code kept} — the comment itself if it was raised by then and is unanswered, and each open
     * REVISE_DRAFT commitment made by then and not kept. Only comments on earlier versions than the revision's count.
     */
    List<UnresolvedItem> unresolved(int revision, Instant at, Set<String> kept) {
        List<UnresolvedItem> items = new ArrayList<>();
        if (draftVersion < revision && !steps.get(0).at().isAfter(at)
                && CommentStatus.of(withdrawn, currentResponseId, null, commitments.openCount(), 0).unanswered(kind)) {
            items.add(new UnresolvedItem(UnresolvedItem.Kind.COMMENT, commentId, reference, commentId, draftVersion, page));
        }
        if (draftVersion < revision) {
            commitments.revisionsDueAndNotKept(at, kept).forEach(c -> items.add(new UnresolvedItem(
                    UnresolvedItem.Kind.COMMITMENT, c.id(), c.reference(), commentId, draftVersion, page)));
        }
        return items;
    }

    void fulfil(String commitmentId, int version, Location location, Instant occurredAt) {
        commitments.requireOpen(commitmentId, reference);
        apply(new CommitmentFulfilled(deliberationId, commentId, commitmentId, version, location, occurredAt));
    }

    @CommandHandler
    void handle(CorrectRecord command, Directory directory, DocumentLibrary documents) {
        directory.requireSecretariat(deliberationId, command.correctedBy(), "correctedBy", "correct records");
        boolean response = command.responseId() != null;
        if (response && !responseIds.contains(command.responseId())) {
            throw new UnknownRecord("responseId", "Comment " + reference + " has no response '" + command.responseId() + "'.");
        }
        if (command.authorId() == null && command.anchor() == null && command.kind() == null
                && command.disposition() == null && command.text() == null && command.recordOccurredAt() == null) {
            throw new RuleViolation("correction.changes-something", "A correction must change at least one field.");
        }
        if (response && (command.anchor() != null || command.kind() != null)) {
            throw new RuleViolation("correction.fields-of-record",
                    "A response has no anchor or comment kind; correct its responder, disposition, text or time.");
        }
        if (!response && command.disposition() != null) {
            throw new RuleViolation("correction.fields-of-record", "A comment has no disposition; correct its response.");
        }
        if (command.authorId() != null) {
            if (response) {
                directory.requireSecretariat(deliberationId, command.authorId(), "authorId", "respond to comments");
            } else {
                Rules.requireCommenterRegistered(directory, deliberationId, command.authorId());
            }
        }
        if (command.anchor() != null) {
            Rules.requireAnchorWithin(Rules.requireDraft(directory, deliberationId, draftVersion), command.anchor(),
                    documents);
        }
        if (command.recordOccurredAt() != null) {
            requireTimeKeepsOrder(response ? command.responseId() : commentId, command.recordOccurredAt());
        }
        apply(new RecordCorrected(deliberationId, commentId, command.responseId(), command.authorId(), command.anchor(),
                command.kind(), command.disposition(), command.text(), command.recordOccurredAt(), command.reason(),
                command.correctedBy(), command.occurredAt()));
    }

    /** A new step of this comment may not predate the latest one (minutes are entered late, but in order). */
    private void requireInOrder(Instant occurredAt) {
        Instant latest = steps.stream().map(Step::at).max(Instant::compareTo).orElse(Instant.MIN);
        if (occurredAt.isBefore(latest)) {
            throw new RuleViolation("time.in-order",
                    "Comment " + reference + " already has a step at " + latest + "; a new one cannot have happened at "
                            + occurredAt + ". Correct the earlier record's time instead.");
        }
    }

    /** Moving a record in time may not carry it past a neighbouring step of the same comment. */
    private void requireTimeKeepsOrder(String recordId, Instant newAt) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (recordId.equals(steps.get(i).recordId())) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        Instant notBefore = first > 0 ? steps.get(first - 1).at() : Instant.MIN;
        Instant notAfter = last >= 0 && last + 1 < steps.size() ? steps.get(last + 1).at() : Instant.MAX;
        for (int i = 0; i < first; i++) {
            notBefore = steps.get(i).at().isAfter(notBefore) ? steps.get(i).at() : notBefore;
        }
        for (int i = last + 1; i < steps.size(); i++) {
            notAfter = steps.get(i).at().isBefore(notAfter) ? steps.get(i).at() : notAfter;
        }
        if (newAt.isBefore(notBefore) || newAt.isAfter(notAfter)) {
            throw new RuleViolation("time.in-order", "Moving the record to " + newAt + " would put it out of order with "
                    + "the other steps of comment " + reference + " (allowed: " + notBefore + " to " + notAfter + ").");
        }
    }

    private void requireNotWithdrawn(String action) {
        if (withdrawn) {
            throw new RuleViolation("comment.withdrawn",
                    "Comment " + reference + " was withdrawn: nobody may " + action + " it.");
        }
    }

    private void requireAuthorOrSecretariat(Directory directory, String participantId, String action) {
        if (authorId.equals(participantId)) {
            return;
        }
        if (directory.roleOf(deliberationId, participantId).orElse(null) != Role.SECRETARIAT) {
            throw new RuleViolation("comment.author-or-secretariat",
                    "Only the commenter (" + authorId + ") or the secretariat may " + action + " comment " + reference + ".");
        }
    }

    @EventSourcingHandler
    void on(CommentRaised event) {
        commentId = event.commentId();
        deliberationId = event.deliberationId();
        reference = event.reference();
        authorId = event.authorId();
        draftVersion = event.draftVersion();
        kind = event.kind();
        page = event.anchor() == null ? null : event.anchor().pageFrom();
        steps.add(new Step(commentId, event.occurredAt()));
    }

    @EventSourcingHandler
    void on(CommentResponded event) {
        currentResponseId = event.responseId();
        responseIds.add(event.responseId());
        steps.add(new Step(event.responseId(), event.occurredAt()));
    }

    @EventSourcingHandler
    void on(CommitmentMade event) {
        commitments.made(event.commitmentId(), event.reference(), event.kind(), event.occurredAt());
        steps.add(new Step(event.responseId(), event.occurredAt()));
    }

    @EventSourcingHandler
    void on(ResponseAcknowledged event) {
        steps.add(new Step(null, event.occurredAt()));
    }

    @EventSourcingHandler
    void on(RecordCorrected event) {
        if (event.responseId() == null) {
            authorId = event.authorId() != null ? event.authorId() : authorId;
            kind = event.kind() != null ? event.kind() : kind;
            page = event.anchor() != null ? event.anchor().pageFrom() : page;
        }
        if (event.recordOccurredAt() != null) {
            String record = event.responseId() != null ? event.responseId() : commentId;
            steps.replaceAll(step -> record.equals(step.recordId()) ? new Step(record, event.recordOccurredAt()) : step);
        }
    }

    @EventSourcingHandler
    void on(CommentReopened event) {
        currentResponseId = null;
        steps.add(new Step(null, event.occurredAt()));
    }

    @EventSourcingHandler
    void on(CommentWithdrawn event) {
        withdrawn = true;
        steps.add(new Step(null, event.occurredAt()));
    }

    @EventSourcingHandler
    void on(CommitmentFulfilled event) {
        close(event.commitmentId(), event.occurredAt());
    }

    @EventSourcingHandler
    void on(CommitmentConcluded event) {
        close(event.commitmentId(), event.occurredAt());
    }

    @EventSourcingHandler
    void on(CommitmentWaived event) {
        close(event.commitmentId(), event.occurredAt());
    }

    private void close(String commitmentId, Instant at) {
        steps.add(new Step(null, at));
        commitments.closed(commitmentId);
    }
}
