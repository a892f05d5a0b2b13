package dev.shingi.pages;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.edge.ShownTime;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The moment a page shows: {@code at} on the occurred clock, and {@code knownAt} or {@code afterEvent} on the recorded
 * clock, each null when it is "now". It writes itself back into every link, so a page and all it links to stay at the
 * same moment until the reader changes it.
 */
public record Moment(Instant at, Instant knownAt, Long afterEvent, AsOf asOf, ZoneId zone) {

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter LOCAL_INPUT_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** Nothing chosen: the present, as the ledger knows it now. */
    public boolean isNow() {
        return at == null && knownAt == null && afterEvent == null;
    }

    /** Whether the recorded clock is turned back (the "as recorded on" switch). */
    public boolean isRecordedClockSet() {
        return knownAt != null || afterEvent != null;
    }

    /** The instant on the occurred clock the page shows. */
    public Instant effectiveAt() {
        return asOf.at();
    }

    /** The API's form of an instant: ISO-8601 with the zone's offset, e.g. 2024-06-24T13:00+09:00. */
    public String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime().toString();
    }

    /** The query string of this moment, without the leading '?'. */
    public String query() {
        return query(new String[0]);
    }

    private String query(Object... extra) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("at", iso(at));
        params.put("knownAt", iso(knownAt));
        params.put("afterEvent", afterEvent);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            params.put(String.valueOf(extra[i]), extra[i + 1]);
        }
        StringJoiner q = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null && !v.toString().isEmpty()) {
                q.add(encode(k) + "=" + encode(v.toString()));
            }
        });
        return q.toString();
    }

    /** A link to {@code path} at this moment. */
    public String href(String path) {
        return join(path, query());
    }

    /** A link to {@code path} at this moment with one more parameter (skipped when its value is null). */
    public String href(String path, String name, Object value) {
        return join(path, query(name, value));
    }

    public String href(String path, String name1, Object value1, String name2, Object value2) {
        return join(path, query(name1, value1, name2, value2));
    }

    public String href(String path, String name1, Object value1, String name2, Object value2, String name3, Object value3) {
        return join(path, query(name1, value1, name2, value2, name3, value3));
    }

    /** A link to {@code path} at another instant on the occurred clock, keeping the recorded clock. */
    public String hrefAt(String path, Instant otherAt) {
        return new Moment(otherAt, knownAt, afterEvent, asOf, zone).href(path);
    }

    /** A link to {@code path} right after log position {@code position}, on the present occurred clock (replay). */
    public String hrefAfterEvent(String path, long position) {
        return new Moment(null, null, position, asOf, zone).href(path);
    }

    private static String join(String path, String query) {
        return query.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + query;
    }

    /** Query parameter encoding that keeps ':' readable but never leaves a '+' to be read as a space. */
    static String encode(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B");
    }

    /** The value of a datetime-local input for the occurred clock (the present when "now"). */
    public String atInput() {
        return effectiveAt().atZone(zone).format(LOCAL_INPUT);
    }

    /** The value of a datetime-local input for the recorded clock, or empty when it is not set by an instant. */
    public String knownAtInput() {
        return knownAt == null ? "" : knownAt.atZone(zone).format(LOCAL_INPUT_SECONDS);
    }

    /** Minutes since the epoch: the slider's scale. */
    public long minutes(Instant instant) {
        return instant.getEpochSecond() / 60;
    }

    /** An instant as people read it, in the pages' zone and the reader's language (2024年6月24日 14:00). */
    public String show(Instant instant) {
        return ShownTime.minutes(instant, zone, LocaleContextHolder.getLocale());
    }

    /** An instant to the second (recording times are seconds apart when a demo loads). */
    public String showSeconds(Instant instant) {
        return ShownTime.seconds(instant, zone, LocaleContextHolder.getLocale());
    }

    /** A calendar date (a commitment's due date) in the reader's language. */
    public String showDate(LocalDate date) {
        return ShownTime.date(date, LocaleContextHolder.getLocale());
    }

    /** The time of day only, e.g. the end of a meeting that started the same day. */
    public String showTime(Instant instant) {
        return instant == null ? "—" : instant.atZone(zone).format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    /** A machine-readable form for {@code <time datetime>}. */
    public String machine(Instant instant) {
        return instant == null ? null : iso(instant);
    }

    /** The zone's short name, e.g. JST. */
    public String zoneName() {
        return zone.getId().equals("Asia/Tokyo") ? "JST" : zone.getId();
    }
}
