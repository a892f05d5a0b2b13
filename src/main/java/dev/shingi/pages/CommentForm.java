package dev.shingi.pages;

import dev.shingi.deliberation.api.CommentKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Raise a comment (RaiseComment), with its anchor. Limits as at the API (docs/api.md). */
public class CommentForm {
    @NotBlank
    private String authorId;
    @NotNull
    @Positive
    private Integer draftVersion;
    private String meetingId;
    @NotNull
    private CommentKind kind;
    @Valid
    private AnchorForm anchor = new AnchorForm();
    @NotBlank
    @Size(max = 20_000)
    private String text;
    /** The wording the commenter proposes (the ISO/IEC template's "Proposed change"), when given. */
    @Size(max = 20_000)
    private String proposedChange;
    /** datetime-local in the pages' zone; empty means now. */
    private String occurredAt;

    public String getAuthorId() { return authorId; }
    public void setAuthorId(String authorId) { this.authorId = authorId; }
    public Integer getDraftVersion() { return draftVersion; }
    public void setDraftVersion(Integer draftVersion) { this.draftVersion = draftVersion; }
    public String getMeetingId() { return meetingId; }
    public void setMeetingId(String meetingId) { this.meetingId = meetingId; }
    public CommentKind getKind() { return kind; }
    public void setKind(CommentKind kind) { this.kind = kind; }
    public AnchorForm getAnchor() { return anchor; }
    public void setAnchor(AnchorForm anchor) { this.anchor = anchor; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getProposedChange() { return proposedChange; }
    public void setProposedChange(String proposedChange) { this.proposedChange = proposedChange; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
}
