package dev.shingi.pages;

import jakarta.validation.Valid;
import org.springframework.web.multipart.MultipartFile;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/** Commit a revision (CommitRevision): the new version, what changed, and the open commitments it keeps and where. */
public class RevisionForm {
    @NotNull
    @Positive
    private Integer version;
    @NotBlank
    @Size(max = 500)
    private String title;
    @Size(max = 100)
    private String materialNumber;
    @Positive
    private Integer pageCount;
    @Size(max = 20_000)
    private String summary;
    /** One change per line. */
    @Size(max = 100_000)
    private String changes;
    @Valid
    private List<FulfilmentRow> fulfils = new ArrayList<>();
    @NotBlank
    private String committedBy;
    private boolean illustrative;
    private String occurredAt;
    /** The version's document (PDF, DOCX, Markdown or text), or an input left empty: a version without one. */
    private MultipartFile file;
    /** Why the revision goes ahead with items unresolved (the readiness gate); blank: it does not. */
    @Size(max = 2_000)
    private String overrideReason;

    /** An open commitment offered for fulfilment; ticked ones are kept by the revision at the location given. */
    public static class FulfilmentRow {
        private String commitmentId;
        private boolean selected;
        @Positive
        private Integer page;
        @Size(max = 100)
        private String footnote;
        @Size(max = 500)
        private String section;

        public String getCommitmentId() { return commitmentId; }
        public void setCommitmentId(String commitmentId) { this.commitmentId = commitmentId; }
        public boolean isSelected() { return selected; }
        public void setSelected(boolean selected) { this.selected = selected; }
        public Integer getPage() { return page; }
        public void setPage(Integer page) { this.page = page; }
        public String getFootnote() { return footnote; }
        public void setFootnote(String footnote) { this.footnote = footnote; }
        public String getSection() { return section; }
        public void setSection(String section) { this.section = section; }
    }

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getMaterialNumber() { return materialNumber; }
    public void setMaterialNumber(String materialNumber) { this.materialNumber = materialNumber; }
    public Integer getPageCount() { return pageCount; }
    public void setPageCount(Integer pageCount) { this.pageCount = pageCount; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getChanges() { return changes; }
    public void setChanges(String changes) { this.changes = changes; }
    public List<FulfilmentRow> getFulfils() { return fulfils; }
    public void setFulfils(List<FulfilmentRow> fulfils) { this.fulfils = fulfils; }
    public String getCommittedBy() { return committedBy; }
    public void setCommittedBy(String committedBy) { this.committedBy = committedBy; }
    public boolean isIllustrative() { return illustrative; }
    public void setIllustrative(boolean illustrative) { this.illustrative = illustrative; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile file) { this.file = file; }
    public String getOverrideReason() { return overrideReason; }
    public void setOverrideReason(String overrideReason) { this.overrideReason = overrideReason; }
}
