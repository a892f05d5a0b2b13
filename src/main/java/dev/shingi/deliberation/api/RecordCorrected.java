package dev.shingi.deliberation.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A recorded comment ({@code responseId} null) or response was corrected. Non-null fields carry the new values; null
 * fields are unchanged. {@code recordOccurredAt} is the corrected time the record happened; {@code occurredAt} is when
 * the correction itself was made. The correction applies to the record for every occurred time, from the moment the
 * ledger learned it (its recorded time) on. Revision 2: the anchor may carry lines and an element (null in revision 1).
 */
@Revision("2")
public record RecordCorrected(
        String deliberationId,
        String commentId,
        String responseId,
        String authorId,
        Anchor anchor,
        CommentKind kind,
        Disposition disposition,
        String text,
        Instant recordOccurredAt,
        String reason,
        String correctedBy,
        Instant occurredAt) implements DeliberationEvent {
}
