package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.CommitRevision;
import dev.shingi.deliberation.api.Fulfilment;
import dev.shingi.deliberation.api.Ids;
import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.UnresolvedItem;
import dev.shingi.deliberation.api.UnresolvedItems;
import dev.shingi.drafttext.api.DocumentLibrary;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A revision touches several aggregates: it creates the new {@link DraftVersion} and fulfils commitments on each
 * {@link Comment} it names. All of it happens in one unit of work, so either every event is stored or none is; a
 * concurrent change to one of the comments is caught by the event store's (aggregate, sequence) key.
 */
@Component
class RevisionHandler {

    private final Repository<Comment> comments;
    private final Repository<DraftVersion> drafts;
    private final Directory directory;
    private final RegisteredComments registered;
    private final DocumentLibrary documents;

    RevisionHandler(Repository<Comment> comments, Repository<DraftVersion> drafts, Directory directory,
                    RegisteredComments registered, DocumentLibrary documents) {
        this.comments = comments;
        this.drafts = drafts;
        this.directory = directory;
        this.registered = registered;
        this.documents = documents;
    }

    @CommandHandler
    void handle(CommitRevision command) throws Exception {
        String deliberationId = command.deliberationId();
        directory.requireDeliberation(deliberationId);
        directory.requireAfterOpening(deliberationId, "occurredAt", command.occurredAt());
        directory.requireSecretariat(deliberationId, command.committedBy(), "committedBy", "commit revisions");
        Rules.requireVersionFree(directory, deliberationId, command.version());
        int basedOn = directory.previousVersion(deliberationId, command.version()).orElseThrow(() -> new RuleViolation(
                "revision.follows-a-version",
                "A revision follows a published version; '" + deliberationId + "' has none below v" + command.version() + "."));

        List<Fulfilment> fulfils = command.fulfils() == null ? List.of() : command.fulfils();
        Set<String> seen = new HashSet<>();
        List<Aggregate<Comment>> touched = new ArrayList<>();
        for (Fulfilment f : fulfils) {
            if (!seen.add(f.commitmentId())) {
                throw new RuleViolation("revision.fulfils-each-once",
                        "Commitment '" + f.commitmentId() + "' is listed twice in revision v" + command.version() + ".");
            }
            Integer pageCount = DraftVersion.pageCount(command.pageCount(), command.document());
            if (f.location() != null && f.location().page() != null && pageCount != null
                    && (f.location().page() < 1 || f.location().page() > pageCount)) {
                throw new RuleViolation("revision.location-within-draft",
                        "Page " + f.location().page() + " is outside v" + command.version() + " ("
                                + pageCount + " pages).");
            }
            Aggregate<Comment> comment = load(f);
            comment.execute(c -> c.requireFulfillable(deliberationId, f.commitmentId(), command.occurredAt()));
            touched.add(comment);
        }

        if (command.override() == null) {
            requireReady(command, seen);
        }
        drafts.newInstance(() -> new DraftVersion(command, basedOn, documents));
        for (int i = 0; i < fulfils.size(); i++) {
            Fulfilment f = fulfils.get(i);
            touched.get(i).execute(c -> c.fulfil(f.commitmentId(), command.version(), f.location(), command.occurredAt()));
        }
    }

    /**
     * The readiness gate: no comment on an earlier version unanswered, no open REVISE_DRAFT commitment left out of
     * {@code fulfils}, as the ledger knows them now and as they stood at the revision's time (a comment raised later
     * does not hold back an earlier revision entered late). Each comment of the deliberation is loaded, in this unit
     * of work; a secretariat that goes ahead anyway says why in {@code override}.
     */
    private void requireReady(CommitRevision command, Set<String> kept) {
        List<UnresolvedItem> items = new ArrayList<>();
        for (String commentId : registered.commentsOf(command.deliberationId())) {
            comments.load(commentId).execute(c -> items.addAll(c.unresolved(command.version(), command.occurredAt(), kept)));
        }
        if (!items.isEmpty()) {
            items.sort(java.util.Comparator.comparingLong(RevisionHandler::referenceOrder));
            throw new UnresolvedItems(command.version(), items);
        }
    }

    /** "#7" before "#7.1" before "#7.2" before "#8". */
    private static long referenceOrder(UnresolvedItem item) {
        String[] parts = item.reference().substring(1).split("\\.");
        return Long.parseLong(parts[0]) << 32 | (parts.length > 1 ? Long.parseLong(parts[1]) : 0);
    }

    private Aggregate<Comment> load(Fulfilment f) {
        String owner = Ids.commentIdOfCommitment(f.commitmentId());
        if (owner == null) {
            throw new UnknownRecord("commitmentId", "No commitment '" + f.commitmentId() + "'.");
        }
        String commentId = f.commentId() != null ? f.commentId() : owner;
        if (!commentId.equals(owner)) {
            throw new UnknownRecord("commitmentId",
                    "Commitment '" + f.commitmentId() + "' does not belong to comment '" + commentId + "'.");
        }
        try {
            return comments.load(commentId);
        } catch (AggregateNotFoundException e) {
            throw new UnknownRecord("commitmentId", "No commitment '" + f.commitmentId() + "'.");
        }
    }
}
