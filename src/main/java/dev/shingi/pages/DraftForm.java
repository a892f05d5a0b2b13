package dev.shingi.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/** Publish a draft (PublishDraft): the version as circulated, its title, material number, page count and document. */
public class DraftForm {
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
    private String occurredAt;
    /** The version's document (PDF, DOCX, Markdown or text), or an input left empty: a version without one. */
    private MultipartFile file;

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getMaterialNumber() { return materialNumber; }
    public void setMaterialNumber(String materialNumber) { this.materialNumber = materialNumber; }
    public Integer getPageCount() { return pageCount; }
    public void setPageCount(Integer pageCount) { this.pageCount = pageCount; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile file) { this.file = file; }
}
