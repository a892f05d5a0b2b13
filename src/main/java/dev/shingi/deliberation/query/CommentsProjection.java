package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentRaised;
import dev.shingi.deliberation.api.CommentReopened;
import dev.shingi.deliberation.api.CommentResponded;
import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommentWithdrawn;
import dev.shingi.deliberation.api.CommitmentConcluded;
import dev.shingi.deliberation.api.CommitmentFulfilled;
import dev.shingi.deliberation.api.CommitmentMade;
import dev.shingi.deliberation.api.CommitmentStatus;
import dev.shingi.deliberation.api.CommitmentWaived;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.Location;
import dev.shingi.deliberation.api.ResponseAcknowledged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static dev.shingi.deliberation.query.Sql.ts;

/** Comments, responses, commitments and acknowledgements, with each comment's derived status. */
@Component
@ProcessingGroup("comments")
class CommentsProjection {

    private final JdbcTemplate jdbc;

    CommentsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommentRaised e, @Timestamp Instant recordedAt) {
        Anchor a = e.anchor() == null ? Anchor.NONE : e.anchor();
        jdbc.update("""
                INSERT INTO comment_view (comment_id, deliberation_id, number, reference, author_id, draft_version,
                    page_from, page_to, footnote, section, quote, kind, text, meeting_id, status, needs_response,
                    current_response_id, open_commitments, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?)""",
                e.commentId(), e.deliberationId(), Integer.parseInt(e.reference().substring(1)), e.reference(),
                e.authorId(), e.draftVersion(), a.pageFrom(), a.pageTo(), a.footnote(), a.section(), a.quote(),
                e.kind().name(), e.text(), e.meetingId(), CommentStatus.OPEN.name(), e.kind().needsResponse(),
                ts(e.occurredAt()), ts(recordedAt));
    }

    @EventHandler
    void on(CommentResponded e, @Timestamp Instant recordedAt) {
        jdbc.update("""
                INSERT INTO response_view (response_id, comment_id, deliberation_id, responder_id, disposition, text,
                                           occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                e.responseId(), e.commentId(), e.deliberationId(), e.responderId(), e.disposition().name(), e.text(),
                ts(e.occurredAt()), ts(recordedAt));
        jdbc.update("UPDATE comment_view SET current_response_id = ? WHERE comment_id = ?", e.responseId(), e.commentId());
        restate(e.commentId());
    }

    @EventHandler
    void on(CommitmentMade e, @Timestamp Instant recordedAt) {
        jdbc.update("""
                INSERT INTO commitment_view (commitment_id, comment_id, deliberation_id, response_id, reference, kind,
                    description, owner_id, due_date, status, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.commitmentId(), e.commentId(), e.deliberationId(), e.responseId(), e.reference(), e.kind().name(),
                e.description(), e.ownerId(), e.dueDate(), CommitmentStatus.OPEN.name(), ts(e.occurredAt()),
                ts(recordedAt));
        jdbc.update("UPDATE comment_view SET open_commitments = open_commitments + 1 WHERE comment_id = ?", e.commentId());
        restate(e.commentId());
    }

    @EventHandler
    void on(ResponseAcknowledged e, EventMessage<?> message) {
        jdbc.update("""
                INSERT INTO acknowledgement_view (event_id, comment_id, response_id, participant_id, satisfied, note,
                                                  occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                message.getIdentifier(), e.commentId(), e.responseId(), e.participantId(), e.satisfied(), e.note(),
                ts(e.occurredAt()), ts(message.getTimestamp()));
    }

    @EventHandler
    void on(CommentReopened e) {
        jdbc.update("UPDATE comment_view SET current_response_id = NULL WHERE comment_id = ?", e.commentId());
        restate(e.commentId());
    }

    @EventHandler
    void on(CommentWithdrawn e) {
        jdbc.update("UPDATE comment_view SET status = ? WHERE comment_id = ?", CommentStatus.WITHDRAWN.name(), e.commentId());
    }

    @EventHandler
    void on(CommitmentFulfilled e, @Timestamp Instant recordedAt) {
        Location l = e.location() == null ? new Location(null, null, null) : e.location();
        jdbc.update("""
                UPDATE commitment_view SET status = ?, fulfilled_version = ?, location_page = ?, location_footnote = ?,
                    location_section = ?, closed_at = ?, closed_recorded_at = ?
                WHERE commitment_id = ?""",
                CommitmentStatus.FULFILLED.name(), e.version(), l.page(), l.footnote(), l.section(), ts(e.occurredAt()),
                ts(recordedAt), e.commitmentId());
        closed(e.commentId());
    }

    @EventHandler
    void on(CommitmentConcluded e, @Timestamp Instant recordedAt) {
        close(e.commitmentId(), CommitmentStatus.CONCLUDED, e.outcome(), e.participantId(), e.occurredAt(), recordedAt);
        closed(e.commentId());
    }

    @EventHandler
    void on(CommitmentWaived e, @Timestamp Instant recordedAt) {
        close(e.commitmentId(), CommitmentStatus.WAIVED, e.reason(), e.participantId(), e.occurredAt(), recordedAt);
        closed(e.commentId());
    }

    private void close(String commitmentId, CommitmentStatus status, String note, String by, Instant occurredAt,
                       Instant recordedAt) {
        jdbc.update("""
                UPDATE commitment_view SET status = ?, closing_note = ?, closed_by = ?, closed_at = ?, closed_recorded_at = ?
                WHERE commitment_id = ?""",
                status.name(), note, by, ts(occurredAt), ts(recordedAt), commitmentId);
    }

    private void closed(String commentId) {
        jdbc.update("UPDATE comment_view SET open_commitments = open_commitments - 1 WHERE comment_id = ?", commentId);
        restate(commentId);
    }

    /** Derives the comment's status from what the table holds; the rules are DOMAIN.md's "Life of a comment". */
    private void restate(String commentId) {
        List<CommentStatus> derived = jdbc.query("""
                SELECT c.status, c.current_response_id, c.open_commitments, r.disposition,
                       (SELECT COUNT(*) FROM commitment_view m WHERE m.comment_id = c.comment_id) AS made
                FROM comment_view c LEFT JOIN response_view r ON r.response_id = c.current_response_id
                WHERE c.comment_id = ?""",
                (rs, i) -> status(CommentStatus.valueOf(rs.getString("status")), rs.getString("current_response_id"),
                        rs.getInt("open_commitments"), rs.getString("disposition"), rs.getInt("made")),
                commentId);
        derived.forEach(s -> jdbc.update("UPDATE comment_view SET status = ? WHERE comment_id = ?", s.name(), commentId));
    }

    static CommentStatus status(CommentStatus current, String currentResponseId, int openCommitments,
                                String disposition, int commitmentsMade) {
        if (current == CommentStatus.WITHDRAWN) {
            return current;
        }
        if (currentResponseId == null) {
            return CommentStatus.OPEN;
        }
        if (openCommitments > 0) {
            return CommentStatus.AWAITING;
        }
        if (Disposition.DECLINED.name().equals(disposition)) {
            return CommentStatus.DECLINED;
        }
        return commitmentsMade > 0 ? CommentStatus.RESOLVED : CommentStatus.ANSWERED;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM acknowledgement_view");
        jdbc.update("DELETE FROM commitment_view");
        jdbc.update("DELETE FROM response_view");
        jdbc.update("DELETE FROM comment_view");
    }
}
