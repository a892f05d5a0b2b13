package dev.shingi.pages;

import dev.shingi.deliberation.api.Ids;
import dev.shingi.deliberation.api.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Register a participant (RegisterParticipant): the id is the person's sign-in name, which links the two. */
public class ParticipantForm {
    @NotBlank
    @Pattern(regexp = Ids.PATTERN)
    private String participantId;
    @NotBlank
    @Size(max = 500)
    private String name;
    @NotNull
    private Role role;
    @Size(max = 500)
    private String title;
    @Size(max = 500)
    private String affiliation;
    private boolean organisation;
    private String occurredAt;

    public String getParticipantId() { return participantId; }
    public void setParticipantId(String participantId) { this.participantId = participantId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getAffiliation() { return affiliation; }
    public void setAffiliation(String affiliation) { this.affiliation = affiliation; }
    public boolean isOrganisation() { return organisation; }
    public void setOrganisation(boolean organisation) { this.organisation = organisation; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
}
