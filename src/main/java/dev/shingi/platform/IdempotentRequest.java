package dev.shingi.platform;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The API request this thread is serving under an {@code Idempotency-Key}: who sent it, the key, the hash of the
 * request, and whether it is a <em>replay</em> — a retry of a request whose commands are already stored (their key row
 * committed with their events) but whose answer was never kept, because the process died in between. A replay runs the
 * request's code again to rebuild its answer, and {@link Ledger} sends none of its commands: they are stored.
 * <p>
 * For the rebuilt answer to name the same records, the ids a request makes up ({@link #newId()}) are derived from the
 * key and the request rather than drawn at random: the retry makes the same ones.
 */
public final class IdempotentRequest implements AutoCloseable {
    private static final ThreadLocal<IdempotentRequest> CURRENT = new ThreadLocal<>();

    private final String user;
    private final String key;
    private final String hash;
    private final boolean replay;
    private final IdempotentRequest outer;
    private int ids;

    private IdempotentRequest(String user, String key, String hash, boolean replay, IdempotentRequest outer) {
        this.user = user;
        this.key = key;
        this.hash = hash;
        this.replay = replay;
        this.outer = outer;
    }

    /** Serves a request under a key on this thread until {@link #close()}. */
    public static IdempotentRequest open(String user, String key, String hash, boolean replay) {
        IdempotentRequest r = new IdempotentRequest(user, key, hash, replay, CURRENT.get());
        CURRENT.set(r);
        return r;
    }

    static Optional<IdempotentRequest> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Whether this thread rebuilds the answer of a request whose commands are stored: send nothing. */
    static boolean replaying() {
        IdempotentRequest r = CURRENT.get();
        return r != null && r.replay;
    }

    String user() {
        return user;
    }

    String key() {
        return key;
    }

    String hash() {
        return hash;
    }

    /**
     * A new record id: random, or under an idempotency key the n-th id of this request (a name-based UUID of the user,
     * the key, the request's hash and n), so that a retry of the request makes the same ids again.
     */
    public static String newId() {
        IdempotentRequest r = CURRENT.get();
        if (r == null) {
            return UUID.randomUUID().toString();
        }
        String name = r.user + '\n' + r.key + '\n' + r.hash + '\n' + (r.ids++);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
