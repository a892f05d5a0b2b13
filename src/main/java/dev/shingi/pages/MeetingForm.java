package dev.shingi.pages;

import dev.shingi.deliberation.api.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * Record a meeting (RecordMeeting), with the API's field names: meetingId, number, title, startsAt, endsAt (local
 * times in the pages' zone), venue, attendeeIds (participants ticked) and materials (number and title per row).
 */
public class MeetingForm {
    /** Empty material rows the form offers. */
    static final int MATERIAL_ROWS = 3;

    @NotBlank
    @Pattern(regexp = Ids.PATTERN)
    private String meetingId;
    @Positive
    private Integer number;
    @Size(max = 500)
    private String title;
    @NotBlank
    private String startsAt;
    private String endsAt;
    @Size(max = 500)
    private String venue;
    private List<String> attendeeIds = new ArrayList<>();
    @Valid
    @Size(max = 1_000)
    private List<MaterialRow> materials = new ArrayList<>();
    private String occurredAt;

    /** One material row; a row with neither number nor title is left out. */
    public static class MaterialRow {
        @Size(max = 100)
        private String number;
        @Size(max = 500)
        private String title;

        boolean empty() {
            return Views.blank(number) && Views.blank(title);
        }

        public String getNumber() { return number; }
        public void setNumber(String number) { this.number = number; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
    }

    /** At least {@link #MATERIAL_ROWS} rows, and always one empty row to add a material in. */
    void padMaterials() {
        while (materials.size() < MATERIAL_ROWS || materials.stream().noneMatch(MaterialRow::empty)) {
            materials.add(new MaterialRow());
        }
    }

    public String getMeetingId() { return meetingId; }
    public void setMeetingId(String meetingId) { this.meetingId = meetingId; }
    public Integer getNumber() { return number; }
    public void setNumber(Integer number) { this.number = number; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String startsAt) { this.startsAt = startsAt; }
    public String getEndsAt() { return endsAt; }
    public void setEndsAt(String endsAt) { this.endsAt = endsAt; }
    public String getVenue() { return venue; }
    public void setVenue(String venue) { this.venue = venue; }
    public List<String> getAttendeeIds() { return attendeeIds; }
    public void setAttendeeIds(List<String> attendeeIds) { this.attendeeIds = attendeeIds == null ? new ArrayList<>() : attendeeIds; }
    public List<MaterialRow> getMaterials() { return materials; }
    public void setMaterials(List<MaterialRow> materials) { this.materials = materials == null ? new ArrayList<>() : materials; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
}
