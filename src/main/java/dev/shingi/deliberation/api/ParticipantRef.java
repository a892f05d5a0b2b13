package dev.shingi.deliberation.api;

/** Who a record is about, with the name to show. */
public record ParticipantRef(
        String id,
        String name,
        Role role,
        String title) {
}
