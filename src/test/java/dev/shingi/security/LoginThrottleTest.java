package dev.shingi.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    /** A clock the test moves. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final Hand clock = new Hand();
    final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), 20, clock);

    @Test
    void anAccountWaitsOnceItsFreeTriesAreUsedAndTheWaitDoublesUpToTheLongest() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.wait("sato", "10.0.0.1")).isEmpty();
            throttle.failed("sato", "10.0.0.1");
        }
        assertThat(throttle.wait("sato", "10.0.0.1")).hasValue(Duration.ofSeconds(1));
        assertThat(throttle.wait("sato", "10.9.9.9")).as("from any address").hasValue(Duration.ofSeconds(1));
        assertThat(throttle.wait("tsuta", "10.0.0.1")).as("another account").isEmpty();
        clock.now = clock.now.plusSeconds(1);
        assertThat(throttle.wait("sato", "10.0.0.1")).isEmpty();
        throttle.failed("sato", "10.0.0.1");
        assertThat(throttle.wait("sato", "10.0.0.1")).hasValue(Duration.ofSeconds(2));
        assertThat(throttle.backOff(8)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.backOff(20)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.backOff(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsTheAccount() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("sato", "10.0.0.1");
        }
        throttle.succeeded("sato");
        assertThat(throttle.wait("sato", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressThatFailsTooOftenWaitsForItsBucketWhateverTheAccount() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.2");
        }
        Optional<Duration> wait = throttle.wait("someone-new", "10.0.0.2");
        assertThat(wait).hasValue(Duration.ofSeconds(30)); // 20 per 10 minutes: one back every 30 s
        assertThat(throttle.wait("someone-new", "10.0.0.3")).isEmpty();
        clock.now = clock.now.plusSeconds(30);
        assertThat(throttle.wait("someone-new", "10.0.0.2")).isEmpty();
    }
}
