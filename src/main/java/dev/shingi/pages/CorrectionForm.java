package dev.shingi.pages;

import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.Disposition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Correct a comment or one of its responses (CorrectRecord), named as the API's CorrectRequest. Every new value is
 * optional: an empty box leaves the field as it is.
 */
public class CorrectionForm {
    /** The response to correct; empty for the comment itself. */
    private String responseId;
    /** The commenter, or for a response the responder. */
    private String authorId;
    @Valid
    private AnchorForm anchor = new AnchorForm();
    private CommentKind kind;
    private Disposition disposition;
    @Size(max = 20_000)
    private String text;
    /** When the record happened, corrected: datetime-local in the pages' zone. */
    private String recordOccurredAt;
    @NotBlank
    @Size(max = 5_000)
    private String reason;
    @NotBlank
    private String correctedBy;
    private String occurredAt;

    public String getResponseId() { return responseId; }
    public void setResponseId(String responseId) { this.responseId = responseId; }
    public String getAuthorId() { return authorId; }
    public void setAuthorId(String authorId) { this.authorId = authorId; }
    public AnchorForm getAnchor() { return anchor; }
    public void setAnchor(AnchorForm anchor) { this.anchor = anchor; }
    public CommentKind getKind() { return kind; }
    public void setKind(CommentKind kind) { this.kind = kind; }
    public Disposition getDisposition() { return disposition; }
    public void setDisposition(Disposition disposition) { this.disposition = disposition; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getRecordOccurredAt() { return recordOccurredAt; }
    public void setRecordOccurredAt(String recordOccurredAt) { this.recordOccurredAt = recordOccurredAt; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getCorrectedBy() { return correctedBy; }
    public void setCorrectedBy(String correctedBy) { this.correctedBy = correctedBy; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
}
