package dev.shingi.deliberation.api;

import java.util.Optional;

/**
 * What access control needs to know about a deliberation, answered by the command side's directory (kept in the same
 * transaction as the events): whether it exists, whether it is public, and a participant's role in it.
 */
public interface ParticipantDirectory {
    boolean exists(String deliberationId);

    boolean isPublic(String deliberationId);

    Optional<Role> roleOf(String deliberationId, String participantId);
}
