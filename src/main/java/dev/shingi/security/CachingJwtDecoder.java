package dev.shingi.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Remembers bearer tokens that were verified, so that a client sending the same token with every request pays for
 * the signature check (RSA: ~9 % of the API's CPU under the load harness, docs/benchmarks.md) once, not each time.
 * <p>
 * The key is the whole compact token, signature included: only a token byte-for-byte equal to one the delegate
 * accepted is answered from memory, with the claims it carried. An entry is kept until the token's {@code exp}, and
 * at most {@code maxAge}, so that a signing key the issuer withdraws stops being honoured within {@code maxAge}; after
 * that the delegate decides again (with its own clock skew). Refused tokens are never remembered: each costs the
 * delegate's full check, as before.
 */
final class CachingJwtDecoder implements JwtDecoder {
    /** Bounded: a council's users and their services hold far fewer live tokens. */
    static final long MAX_TOKENS = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder delegate, Duration maxAge, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetime(jwt, maxAge)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        // one the delegate accepts just past its exp (its clock skew) is not worth remembering
        if (jwt.getExpiresAt() == null || jwt.getExpiresAt().isAfter(clock.instant())) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Until the token expires, at most {@code maxAge}; nothing when it has no time left. */
    private Duration lifetime(Jwt jwt, Duration maxAge) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return maxAge;
        }
        Duration left = Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : left.compareTo(maxAge) < 0 ? left : maxAge;
    }
}
