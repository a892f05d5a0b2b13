package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.Aggregates;
import dev.shingi.deliberation.api.CommitRevision;
import dev.shingi.deliberation.api.DraftDocument;
import dev.shingi.deliberation.api.DraftPublished;
import dev.shingi.deliberation.api.Ids;
import dev.shingi.deliberation.api.PublishDraft;
import dev.shingi.deliberation.api.RevisionCommitted;
import dev.shingi.drafttext.api.DocumentLibrary;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One published version of a deliberation's draft, identified "{deliberationId}/v{n}". Being an aggregate of its own
 * means the event store's (aggregate, sequence) key refuses a second v2, even from two nodes at once.
 */
@Aggregate(type = Aggregates.DRAFT_VERSION)
class DraftVersion {

    @AggregateIdentifier
    private String draftVersionId;

    DraftVersion() {
        // for event sourcing
    }

    @CommandHandler
    DraftVersion(PublishDraft command, Directory directory, DocumentLibrary documents) {
        directory.requireDeliberation(command.deliberationId());
        directory.requireAfterOpening(command.deliberationId(), "occurredAt", command.occurredAt());
        Rules.requireVersionFree(directory, command.deliberationId(), command.version());
        keep(documents, command.document());
        apply(new DraftPublished(command.deliberationId(), command.version(), command.title(), command.materialNumber(),
                pageCount(command.pageCount(), command.document()), command.occurredAt(), command.document()));
    }

    /** Created by {@link RevisionHandler}, which checks the commitments it keeps. */
    DraftVersion(CommitRevision command, int basedOnVersion, DocumentLibrary documents) {
        keep(documents, command.document());
        apply(new RevisionCommitted(command.deliberationId(), command.version(), basedOnVersion, command.title(),
                command.materialNumber(), pageCount(command.pageCount(), command.document()), command.summary(),
                command.changes() == null ? List.of() : command.changes(),
                command.fulfils() == null ? List.of() : command.fulfils(), command.committedBy(),
                command.illustrative(), command.occurredAt(), command.document(), command.override()));
    }

    /**
     * The version's document is stored in this command's transaction: a version is never acknowledged without the
     * document its event names, and a refused command leaves none behind.
     */
    private static void keep(DocumentLibrary documents, DraftDocument document) {
        if (document != null) {
            documents.keep(document.sha256());
        }
    }

    /** A version published with its document has the document's pages unless the secretariat gave a count. */
    static Integer pageCount(Integer given, DraftDocument document) {
        return given != null || document == null ? given : Integer.valueOf(document.pages());
    }

    @EventSourcingHandler
    void on(DraftPublished event) {
        draftVersionId = Ids.draftVersion(event.deliberationId(), event.version());
    }

    @EventSourcingHandler
    void on(RevisionCommitted event) {
        draftVersionId = Ids.draftVersion(event.deliberationId(), event.version());
    }
}
