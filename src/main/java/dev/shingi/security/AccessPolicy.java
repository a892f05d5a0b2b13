package dev.shingi.security;

import dev.shingi.deliberation.api.ParticipantDirectory;
import dev.shingi.deliberation.api.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may do what in a deliberation (docs/security.md). A signed-in user is the participant whose id is their user
 * name. Read: anyone if the deliberation is public, else its participants and admins. Write: as the rules below.
 * Anonymous users who are refused get 401 (sign in), signed-in ones 403.
 */
@Component
public class AccessPolicy {

    private final ParticipantDirectory directory;

    AccessPolicy(ParticipantDirectory directory) {
        this.directory = directory;
    }

    /** The signed-in user's name, or null. */
    public String user() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated() ? null : a.getName();
    }

    public boolean isAdmin() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return user() != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_ADMIN"));
    }

    /** The signed-in user's role in the deliberation, if they take part in it. */
    public Optional<Role> role(String deliberationId) {
        String user = user();
        return user == null ? Optional.empty() : directory.roleOf(deliberationId, user);
    }

    public boolean canRead(String deliberationId) {
        return !directory.exists(deliberationId) || directory.isPublic(deliberationId) || isAdmin()
                || role(deliberationId).isPresent();
    }

    /** Unknown deliberations pass: the query answers 404 for them. */
    public void requireRead(String deliberationId) {
        if (!canRead(deliberationId)) {
            deny("Deliberation '" + deliberationId + "' is readable by its participants only.");
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            deny("Only an admin may do this.");
        }
    }

    /** Respond, revise, conclude, waive, correct, record meetings and drafts: the secretariat (or an admin). */
    public void requireSecretariat(String deliberationId) {
        if (!directory.exists(deliberationId)) {
            return; // the command answers 404
        }
        if (!isAdmin() && role(deliberationId).filter(r -> r == Role.SECRETARIAT).isEmpty()) {
            deny("Only the secretariat of '" + deliberationId + "' may do this.");
        }
    }

    /**
     * Raise, withdraw, reopen, acknowledge: as oneself when one is a chair or member, or on a member's behalf when one
     * is the secretariat (transcribing minutes).
     */
    public void requireActingAs(String deliberationId, String participantId) {
        if (!directory.exists(deliberationId)) {
            return; // the command answers 404
        }
        Optional<Role> role = role(deliberationId);
        if (role.filter(r -> r == Role.SECRETARIAT).isPresent()) {
            return;
        }
        boolean self = participantId != null && participantId.equals(user());
        if (!(self && role.filter(r -> r == Role.CHAIR || r == Role.MEMBER).isPresent())) {
            deny("Chairs and members act for themselves only; the secretariat may record on their behalf.");
        }
    }

    private void deny(String why) {
        if (user() == null) {
            throw new InsufficientAuthenticationException(why);
        }
        throw new AccessDeniedException(why);
    }
}
