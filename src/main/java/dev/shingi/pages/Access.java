package dev.shingi.pages;

import dev.shingi.security.AccessPolicy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The access policy of docs/security.md, as the pages apply it: the same checks the REST controllers make before the
 * same commands, plus answers to "may this reader do it?" so that a page offers only what its reader may do.
 * A refusal of an anonymous reader leads to the sign-in page; of a signed-in one, to a 403 page.
 */
@Component
class Access {
    private final AccessPolicy policy;

    Access(AccessPolicy policy) {
        this.policy = policy;
    }

    String user() {
        return policy.user();
    }

    boolean canRead(String deliberationId) {
        return policy.canRead(deliberationId);
    }

    void requireRead(String deliberationId) {
        policy.requireRead(deliberationId);
    }

    /** Forms are for signed-in users: an anonymous reader is sent to sign in first, and comes back to the form. */
    void requireSignedIn() {
        if (policy.user() == null) {
            throw new org.springframework.security.authentication.InsufficientAuthenticationException(
                    "Sign in to record anything.");
        }
    }

    void requireSecretariat(String deliberationId) {
        requireSignedIn();
        policy.requireSecretariat(deliberationId);
    }

    void requireAdmin() {
        requireSignedIn();
        policy.requireAdmin();
    }

    /** Whether the reader is an administrator (who opens deliberations and registers their people). */
    boolean isAdmin() {
        return policy.isAdmin();
    }

    void requireActingAs(String deliberationId, String participantId) {
        requireSignedIn();
        policy.requireActingAs(deliberationId, participantId);
    }

    /** Whether the reader may answer, revise, conclude and waive; true for an anonymous reader, who is asked to sign in. */
    boolean mayAnswer(String deliberationId) {
        return allowed(() -> policy.requireSecretariat(deliberationId));
    }

    /** Whether the reader may raise, withdraw or acknowledge as the participant; true for an anonymous reader. */
    boolean mayActAs(String deliberationId, String participantId) {
        return allowed(() -> policy.requireActingAs(deliberationId, participantId));
    }

    private boolean allowed(Runnable check) {
        if (policy.user() == null) {
            return true;
        }
        try {
            check.run();
            return true;
        } catch (AccessDeniedException | AuthenticationException e) {
            return false;
        }
    }
}
