package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentRaised;
import dev.shingi.deliberation.api.CommentReopened;
import dev.shingi.deliberation.api.CommentResponded;
import dev.shingi.deliberation.api.CommentWithdrawn;
import dev.shingi.deliberation.api.CommitmentConcluded;
import dev.shingi.deliberation.api.CommitmentFulfilled;
import dev.shingi.deliberation.api.CommitmentMade;
import dev.shingi.deliberation.api.CommitmentWaived;
import dev.shingi.deliberation.api.DeliberationEvent;
import dev.shingi.deliberation.api.DeliberationOpened;
import dev.shingi.deliberation.api.DraftPublished;
import dev.shingi.deliberation.api.MeetingRecorded;
import dev.shingi.deliberation.api.ParticipantRegistered;
import dev.shingi.deliberation.api.ResponseAcknowledged;
import dev.shingi.deliberation.api.RevisionCommitted;
import dev.shingi.platform.RecordingMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

import static dev.shingi.deliberation.query.Sql.ts;

/**
 * Every event of a deliberation, in words, for replay. Processed in the deliberation's order (the processors'
 * sequencing policy), so a participant's name is known before anything they say.
 */
@Component
@ProcessingGroup("timeline")
class TimelineProjection {

    private final JdbcTemplate jdbc;

    TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DeliberationEvent event, EventMessage<?> message, TrackingToken token) {
        if (event instanceof ParticipantRegistered p) {
            jdbc.update("INSERT INTO timeline_name (deliberation_id, participant_id, name) VALUES (?, ?, ?)",
                    p.deliberationId(), p.participantId(), p.name());
        }
        Object recordedBy = message.getMetaData().get(RecordingMetadata.RECORDED_BY);
        jdbc.update("""
                INSERT INTO timeline_entry (event_id, deliberation_id, position, event_type, comment_id, commitment_id,
                                            reference, summary, recorded_by, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                message.getIdentifier(), event.deliberationId(), positionOf(message, token),
                event.getClass().getSimpleName(), commentIdOf(event), commitmentIdOf(event), referenceOf(event),
                summary(event),
                recordedBy == null ? null : recordedBy.toString(), ts(event.occurredAt()), ts(message.getTimestamp()));
    }

    /**
     * The event's own place in the log. Not the tracking token's position: when commits from concurrent transactions
     * become visible out of order, an event that fills a gap arrives with a token whose index is that of a later
     * event, so the token would give it a position a rebuild would not.
     */
    private long positionOf(EventMessage<?> message, TrackingToken token) {
        List<Long> stored = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?",
                Long.class, message.getIdentifier());
        return stored.isEmpty() ? token.position().orElse(-1) : stored.get(0);
    }

    private static String commentIdOf(DeliberationEvent event) {
        if (event instanceof CommentRaised e) return e.commentId();
        if (event instanceof CommentResponded e) return e.commentId();
        if (event instanceof CommitmentMade e) return e.commentId();
        if (event instanceof ResponseAcknowledged e) return e.commentId();
        if (event instanceof CommentWithdrawn e) return e.commentId();
        if (event instanceof CommentReopened e) return e.commentId();
        if (event instanceof CommitmentFulfilled e) return e.commentId();
        if (event instanceof CommitmentConcluded e) return e.commentId();
        if (event instanceof CommitmentWaived e) return e.commentId();
        return null;
    }

    private static String commitmentIdOf(DeliberationEvent event) {
        if (event instanceof CommitmentMade e) return e.commitmentId();
        if (event instanceof CommitmentFulfilled e) return e.commitmentId();
        if (event instanceof CommitmentConcluded e) return e.commitmentId();
        if (event instanceof CommitmentWaived e) return e.commitmentId();
        return null;
    }

    /** The human reference an event introduces (#7, #7.1); later events find it here. */
    private static String referenceOf(DeliberationEvent event) {
        if (event instanceof CommentRaised e) return e.reference();
        if (event instanceof CommitmentMade e) return e.reference();
        return null;
    }

    private String summary(DeliberationEvent event) {
        String d = event.deliberationId();
        if (event instanceof DeliberationOpened e) {
            return "Deliberation opened: " + e.title();
        }
        if (event instanceof ParticipantRegistered e) {
            return e.name() + (e.title() != null ? " (" + e.title() + ")" : "") + " registered as " + e.role();
        }
        if (event instanceof MeetingRecorded e) {
            return "Meeting " + (e.number() != null ? "#" + e.number() + " " : "") + (e.title() != null ? e.title() : "")
                    + (e.venue() != null ? " at " + e.venue() : "") + " with " + e.attendeeIds().size() + " attendees";
        }
        if (event instanceof DraftPublished e) {
            return "Draft v" + e.version() + " published: " + e.title()
                    + (e.pageCount() != null ? " (" + e.pageCount() + " pages)" : "");
        }
        if (event instanceof CommentRaised e) {
            Anchor a = e.anchor() == null ? Anchor.NONE : e.anchor();
            return name(d, e.authorId()) + " raised " + e.reference() + " (" + e.kind() + ") on v" + e.draftVersion()
                    + " " + a.describe() + ": " + e.text();
        }
        if (event instanceof CommentResponded e) {
            return name(d, e.responderId()) + " answered " + reference(e.commentId()) + ": " + e.disposition()
                    + " — " + e.text();
        }
        if (event instanceof CommitmentMade e) {
            return "Commitment " + e.reference() + " (" + e.kind() + ") owned by " + name(d, e.ownerId()) + ": "
                    + e.description() + (e.dueDate() != null ? ", due " + e.dueDate() : "");
        }
        if (event instanceof ResponseAcknowledged e) {
            return name(d, e.participantId()) + (e.satisfied() ? " is satisfied with" : " is not satisfied with")
                    + " the response to " + reference(e.commentId()) + (e.note() != null ? ": " + e.note() : "");
        }
        if (event instanceof CommentWithdrawn e) {
            return name(d, e.participantId()) + " withdrew " + reference(e.commentId())
                    + (e.reason() != null ? ": " + e.reason() : "");
        }
        if (event instanceof CommentReopened e) {
            return name(d, e.participantId()) + " reopened " + reference(e.commentId())
                    + (e.reason() != null ? ": " + e.reason() : "");
        }
        if (event instanceof CommitmentFulfilled e) {
            return "Commitment " + commitmentReference(e.commitmentId()) + " fulfilled by v" + e.version()
                    + (e.location() != null ? " at " + e.location().describe() : "");
        }
        if (event instanceof CommitmentConcluded e) {
            return name(d, e.participantId()) + " concluded " + commitmentReference(e.commitmentId()) + ": " + e.outcome();
        }
        if (event instanceof CommitmentWaived e) {
            return name(d, e.participantId()) + " waived " + commitmentReference(e.commitmentId()) + ": " + e.reason();
        }
        if (event instanceof RevisionCommitted e) {
            return (e.illustrative() ? "[ILLUSTRATIVE EXAMPLE] " : "") + name(d, e.committedBy()) + " committed v"
                    + e.version() + " (from v" + e.basedOnVersion() + "), keeping " + e.fulfils().size()
                    + " commitment(s)" + (e.summary() != null ? ": " + e.summary() : "");
        }
        return event.getClass().getSimpleName();
    }

    private String name(String deliberationId, String participantId) {
        List<String> names = jdbc.queryForList(
                "SELECT name FROM timeline_name WHERE deliberation_id = ? AND participant_id = ?",
                String.class, deliberationId, participantId);
        return names.isEmpty() ? participantId : names.get(0);
    }

    private String reference(String commentId) {
        List<String> refs = jdbc.queryForList(
                "SELECT reference FROM timeline_entry WHERE comment_id = ? AND event_type = 'CommentRaised'",
                String.class, commentId);
        return refs.isEmpty() ? commentId : refs.get(0);
    }

    private String commitmentReference(String commitmentId) {
        List<String> refs = jdbc.queryForList(
                "SELECT reference FROM timeline_entry WHERE commitment_id = ? AND event_type = 'CommitmentMade'",
                String.class, commitmentId);
        return refs.isEmpty() ? commitmentId : refs.get(0);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM timeline_entry");
        jdbc.update("DELETE FROM timeline_name");
    }
}
