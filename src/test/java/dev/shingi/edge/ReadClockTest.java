package dev.shingi.edge;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The edge's one reading of times: formats, bounds and the errors every reader (API, pages, reports) shares. */
class ReadClockTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Instant RECEIVED = Instant.parse("2026-12-06T03:00:00Z");

    @Test
    void readsAnInstantWithItsOffset() {
        assertThat(ReadClock.instant("at", "2024-06-24T17:00+09:00")).isEqualTo(Instant.parse("2024-06-24T08:00:00Z"));
    }

    @Test
    void readsASpaceWhereTheOffsetsPlusWasTypedIntoAnAddressBar() {
        assertThat(ReadClock.instant("at", "2024-06-24T17:00 09:00")).isEqualTo(Instant.parse("2024-06-24T08:00:00Z"));
    }

    @Test
    void refusesAnInstantWithoutOffsetNamingTheParameter() {
        assertThatThrownBy(() -> ReadClock.instant("knownAt", "2024-06-24T17:00"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("knownAt");
                    assertThat(e.code()).isEqualTo(ReadClock.NOT_A_TIME);
                    assertThat(e.getMessage()).isEqualTo("'2024-06-24T17:00' is not an ISO-8601 instant with an offset, "
                            + "e.g. 2024-06-24T17:00+09:00");
                });
    }

    @Test
    void refusesInstantsBefore1900AndAfter9999() {
        assertThatThrownBy(() -> ReadClock.instant("at", "-999999999-01-01T00:00Z"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("at");
                    assertThat(e.code()).isEqualTo(ReadClock.TOO_EARLY);
                });
        assertThatThrownBy(() -> ReadClock.instant("knownAt", "+999999999-12-31T23:59:59Z"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("knownAt");
                    assertThat(e.code()).isEqualTo(ReadClock.TOO_LATE);
                });
        assertThat(ReadClock.instant("at", "1900-01-01T00:00Z")).isEqualTo(ReadClock.EARLIEST);
        assertThat(ReadClock.instant("at", "9999-12-31T23:59:59Z")).isEqualTo(ReadClock.LATEST);
    }

    @Test
    void readsADatetimeLocalInputInTheGivenZone() {
        assertThat(ReadClock.local("occurredAt", "2024-06-24T14:00", TOKYO)).isEqualTo(Instant.parse("2024-06-24T05:00:00Z"));
        assertThatThrownBy(() -> ReadClock.local("occurredAt", "1899-12-31T23:00", ZoneId.of("UTC")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.code()).isEqualTo(ReadClock.TOO_EARLY));
        assertThatThrownBy(() -> ReadClock.local("occurredAt", "24 June", TOKYO))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.code()).isEqualTo(ReadClock.NOT_A_TIME));
    }

    @Test
    void aCommandsOccurredTimeDefaultsToReceiptAndIsNeverInTheFuture() {
        ReadClock clock = new ReadClock(null, null, null);
        assertThat(clock.occurredAt("occurredAt", null, RECEIVED)).isEqualTo(RECEIVED);
        Instant withinSlack = RECEIVED.plusSeconds(59);
        assertThat(clock.occurredAt("occurredAt", withinSlack, RECEIVED)).isEqualTo(withinSlack);
        assertThatThrownBy(() -> clock.occurredAt("occurredAt", RECEIVED.plusSeconds(61), RECEIVED))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("occurredAt");
                    assertThat(e.code()).isEqualTo(ReadClock.FUTURE);
                });
        assertThatThrownBy(() -> clock.occurredAt("recordOccurredAt", Instant.parse("1899-12-31T00:00:00Z"), RECEIVED))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("recordOccurredAt");
                    assertThat(e.code()).isEqualTo(ReadClock.TOO_EARLY);
                });
    }
}
