package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.Aggregates;
import dev.shingi.deliberation.api.CommitRevision;
import dev.shingi.deliberation.api.DraftPublished;
import dev.shingi.deliberation.api.Ids;
import dev.shingi.deliberation.api.PublishDraft;
import dev.shingi.deliberation.api.RevisionCommitted;
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
    DraftVersion(PublishDraft command, Directory directory) {
        directory.requireDeliberation(command.deliberationId());
        directory.requireAfterOpening(command.deliberationId(), "occurredAt", command.occurredAt());
        Rules.requireVersionFree(directory, command.deliberationId(), command.version());
        apply(new DraftPublished(command.deliberationId(), command.version(), command.title(), command.materialNumber(),
                command.pageCount(), command.occurredAt()));
    }

    /** Created by {@link RevisionHandler}, which checks the commitments it keeps. */
    DraftVersion(CommitRevision command, int basedOnVersion) {
        apply(new RevisionCommitted(command.deliberationId(), command.version(), basedOnVersion, command.title(),
                command.materialNumber(), command.pageCount(), command.summary(),
                command.changes() == null ? List.of() : command.changes(),
                command.fulfils() == null ? List.of() : command.fulfils(), command.committedBy(),
                command.illustrative(), command.occurredAt()));
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
