package dev.shingi.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing down (OWASP ASVS 2.2.1): an account that failed {@code freeFailures} times in a row waits
 * 1 s before the next try, then 2 s, 4 s … up to {@code longestWait}; a client address may fail {@code perAddress}
 * times in 10 minutes (a Bucket4j bucket, refilled evenly), across all accounts. A success clears the account's count.
 * Each account and each address is throttled on its own: one account's wait never holds another's from elsewhere.
 * Kept in memory, per node, for the most recent {@value #TRACKED} accounts and addresses each.
 */
final class LoginThrottle {
    static final int TRACKED = 10_000;
    private static final Logger AUDIT = LoggerFactory.getLogger("dev.shingi.security.audit");

    private final int freeFailures;
    private final Duration longestWait;
    private final int perAddress;
    private final Clock clock;
    private final Map<String, Failures> accounts = lru();
    private final Map<String, Bucket> addresses = lru();

    private record Failures(int count, Instant last) {
    }

    LoginThrottle(int freeFailures, Duration longestWait, int perAddress, Clock clock) {
        this.freeFailures = freeFailures;
        this.longestWait = longestWait;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /** How long the next try of {@code user} from {@code address} must wait; empty when it may go ahead. */
    synchronized Optional<Duration> wait(String user, String address) {
        Duration wait = Duration.ZERO;
        Failures f = user == null ? null : accounts.get(user);
        if (f != null && f.count() >= freeFailures) {
            Duration due = backOff(f.count()).minus(Duration.between(f.last(), clock.instant()));
            wait = due.isNegative() ? wait : due;
        }
        Bucket bucket = address == null ? null : addresses.get(address);
        if (bucket != null && bucket.getAvailableTokens() <= 0) {
            Duration refill = Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
            wait = refill.compareTo(wait) > 0 ? refill : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait.plusMillis(999).withNanos(0));
    }

    synchronized void failed(String user, String address) {
        AUDIT.warn("sign-in failed for '{}' from {}", user, address);
        if (user != null) {
            Failures f = accounts.get(user);
            accounts.put(user, new Failures(f == null ? 1 : f.count() + 1, clock.instant()));
        }
        if (address != null) {
            addresses.computeIfAbsent(address, a -> bucket()).tryConsume(1);
        }
    }

    synchronized void succeeded(String user) {
        accounts.remove(user);
    }

    /** 1 s after the first failure past the free ones, doubling, at most {@code longestWait}. */
    Duration backOff(int failures) {
        int over = failures - freeFailures;
        if (over >= 30) {
            return longestWait;
        }
        Duration d = Duration.ofSeconds(1L << over);
        return d.compareTo(longestWait) > 0 ? longestWait : d;
    }

    private Bucket bucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perAddress).refillGreedy(perAddress, Duration.ofMinutes(10)).build())
                .withCustomTimePrecision(new ClockTime(clock)).build();
    }

    /** Bucket4j reads time through this, so that tests can move the clock. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > TRACKED;
            }
        };
    }
}
