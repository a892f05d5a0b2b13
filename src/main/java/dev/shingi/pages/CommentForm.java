package dev.shingi.pages;

import dev.shingi.deliberation.api.CommentKind;
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
    @Positive
    private Integer pageFrom;
    @Positive
    private Integer pageTo;
    @Size(max = 100)
    private String footnote;
    @Size(max = 500)
    private String section;
    @Size(max = 5_000)
    private String quote;
    @NotBlank
    @Size(max = 20_000)
    private String text;
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
    public Integer getPageFrom() { return pageFrom; }
    public void setPageFrom(Integer pageFrom) { this.pageFrom = pageFrom; }
    public Integer getPageTo() { return pageTo; }
    public void setPageTo(Integer pageTo) { this.pageTo = pageTo; }
    public String getFootnote() { return footnote; }
    public void setFootnote(String footnote) { this.footnote = footnote; }
    public String getSection() { return section; }
    public void setSection(String section) { this.section = section; }
    public String getQuote() { return quote; }
    public void setQuote(String quote) { this.quote = quote; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
}
