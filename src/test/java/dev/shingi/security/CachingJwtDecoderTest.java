package dev.shingi.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Moving clock = new Moving();
    private final List<String> checked = new ArrayList<>();
    /** Accepts "token-<subject>-<seconds to exp>" (no exp when "-"), refuses everything else; records each check. */
    private final JwtDecoder delegate = token -> {
        checked.add(token);
        String[] parts = token.split("-");
        if (parts.length != 3 || !parts[0].equals("token")) {
            throw new BadJwtException("bad signature");
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject(parts[1]).issuedAt(T0);
        if (!parts[2].equals("none")) {
            jwt.expiresAt(T0.plusSeconds(Long.parseLong(parts[2])));
        }
        return jwt.build();
    };
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, Duration.ofMinutes(5), clock);

    @Test
    void aTokenSentAgainIsNotCheckedAgain() {
        Jwt first = decoder.decode("token-sato-3600");
        Jwt again = decoder.decode("token-sato-3600");

        assertThat(again.getSubject()).isEqualTo("sato");
        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("token-sato-3600");
    }

    @Test
    void differentTokensAreEachChecked() {
        decoder.decode("token-sato-3600");
        decoder.decode("token-tsuta-3600");

        assertThat(decoder.decode("token-tsuta-3600").getSubject()).isEqualTo("tsuta");
        assertThat(checked).containsExactly("token-sato-3600", "token-tsuta-3600");
    }

    @Test
    void aRefusedTokenIsRefusedAndCheckedEveryTime() {
        assertThatThrownBy(() -> decoder.decode("forged-sato-3600")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged-sato-3600")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged-sato-3600", "forged-sato-3600");
    }

    @Test
    void aTokenIsRememberedNoLongerThanItsExpiry() {
        decoder.decode("token-sato-60");
        clock.now = T0.plusSeconds(59);
        decoder.decode("token-sato-60");
        assertThat(checked).hasSize(1);

        clock.now = T0.plusSeconds(61); // expired: the delegate decides again (and would refuse it after its skew)
        decoder.decode("token-sato-60");
        assertThat(checked).hasSize(2);
    }

    @Test
    void aTokenIsRememberedAtMostMaxAge() {
        decoder.decode("token-sato-none");
        clock.now = T0.plus(Duration.ofMinutes(5)).minusSeconds(1);
        decoder.decode("token-sato-none");
        assertThat(checked).hasSize(1);

        clock.now = T0.plus(Duration.ofMinutes(5)).plusSeconds(1);
        decoder.decode("token-sato-none");
        assertThat(checked).hasSize(2);
    }

    @Test
    void aTokenAcceptedPastItsExpiryIsNotRemembered() {
        clock.now = T0.plusSeconds(30); // the delegate's clock skew let it through
        decoder.decode("token-sato-10");
        decoder.decode("token-sato-10");

        assertThat(checked).containsExactly("token-sato-10", "token-sato-10");
    }
}
