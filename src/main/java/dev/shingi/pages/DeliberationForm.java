package dev.shingi.pages;

import dev.shingi.deliberation.api.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Open a deliberation (OpenDeliberation): its id, title, the body that holds it, and when it opened. */
public class DeliberationForm {
    @NotBlank
    @Pattern(regexp = Ids.PATTERN)
    private String deliberationId;
    @NotBlank
    @Size(max = 500)
    private String title;
    @Size(max = 500)
    private String body;
    private String occurredAt;

    public String getDeliberationId() { return deliberationId; }
    public void setDeliberationId(String deliberationId) { this.deliberationId = deliberationId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
}
