package dev.shingi.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The small acts on a thread: withdraw a comment (participant, reason), acknowledge a response (response, the
 * commenter, satisfied or not, note), conclude a commitment (participant, outcome) or waive it (participant, reason).
 * One form object; each page uses the fields its command takes, and the controller checks the ones it needs.
 */
public class ActionForm {
    @NotBlank
    private String participantId;
    /** The reason (withdraw, waive), the outcome (conclude) or the note (acknowledge). */
    @Size(max = 5_000)
    private String text;
    private String responseId;
    private Boolean satisfied;
    private String occurredAt;

    public String getParticipantId() { return participantId; }
    public void setParticipantId(String participantId) { this.participantId = participantId; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getResponseId() { return responseId; }
    public void setResponseId(String responseId) { this.responseId = responseId; }
    public Boolean getSatisfied() { return satisfied; }
    public void setSatisfied(Boolean satisfied) { this.satisfied = satisfied; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
}
