package dev.shingi.pages;

import dev.shingi.deliberation.api.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Another name a participant goes by (RegisterAlias): 'TS' for Thomas Schmidt, as a table writes it. */
public class AliasForm {
    @NotBlank
    @Pattern(regexp = Ids.PATTERN)
    private String participantId;
    @NotBlank
    @Size(max = 500)
    private String alias;

    public String getParticipantId() { return participantId; }
    public void setParticipantId(String participantId) { this.participantId = participantId; }
    public String getAlias() { return alias; }
    public void setAlias(String alias) { this.alias = alias; }
}
