package dev.shingi.pages;

import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.Disposition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Respond to a comment (RespondToComment): disposition, full text, and the commitments it makes. */
public class ResponseForm {
    /** Empty commitment rows a fresh form offers; "add a row" adds one more. */
    static final int ROWS = 2;

    @NotBlank
    private String responderId;
    @NotNull
    private Disposition disposition;
    @NotBlank
    @Size(max = 20_000)
    private String text;
    @Valid
    @Size(max = 100)
    private List<CommitmentRow> commitments = new ArrayList<>();
    private String occurredAt;

    /** A commitment row; one left entirely empty is not a commitment. */
    public static class CommitmentRow {
        private CommitmentKind kind;
        @Size(max = 5_000)
        private String description;
        private String ownerId;
        private LocalDate dueDate;

        boolean isEmpty() {
            return kind == null && Views.blank(description) && Views.blank(ownerId) && dueDate == null;
        }

        public CommitmentKind getKind() { return kind; }
        public void setKind(CommitmentKind kind) { this.kind = kind; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getOwnerId() { return ownerId; }
        public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
        public LocalDate getDueDate() { return dueDate; }
        public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    }

    public String getResponderId() { return responderId; }
    public void setResponderId(String responderId) { this.responderId = responderId; }
    public Disposition getDisposition() { return disposition; }
    public void setDisposition(Disposition disposition) { this.disposition = disposition; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public List<CommitmentRow> getCommitments() { return commitments; }
    public void setCommitments(List<CommitmentRow> commitments) { this.commitments = commitments; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
}
