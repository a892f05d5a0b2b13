package dev.shingi.edge;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bad values a client can send in one place (a path segment, a query parameter, a form field, a JSON string), and
 * the plausible ones that let the rest of a request get past the binder: ids of the seeded deliberation, its versions,
 * its people. Everything is text here; {@link BadBodies} puts it into JSON, forms and multipart.
 */
final class BadValues {
    private BadValues() {
    }

    static final String DELIBERATION = "ict-cyber-2024";

    /** Instants outside 1900–9999, without an offset, impossible dates, epoch numbers, and a few inside the range. */
    static final List<String> INSTANTS = List.of("-999999999-01-01T00:00Z", "+999999999-12-31T23:59:59Z",
            "1899-12-31T23:59:59Z", "10000-01-01T00:00Z", "+10000-01-01T00:00:00Z", "0000-01-01T00:00Z",
            "-0001-01-01T00:00Z", "1900-01-01T00:00Z", "9999-12-31T23:59:59.999999999Z", "2999-01-01T00:00Z",
            "2024-02-30T00:00Z", "2024-06-24T25:00+09:00", "2024-06-24T14:00", "2024-06-24", "2024-06-24T14:00+25:00",
            "2024-06-24T14:00+18:00", "2024-06-24T14:00-18:00", "1719205200", "-1", "now", "2024-06-24T14:00Z[Asia/Tokyo]",
            "2024-06-24T14:00:00.0000000001Z", "2024-06-24T14:00+09:00", "2024-06-24T05:00:00Z", "T", "2024-W26-1");

    static final List<String> DATES = List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31", "10000-01-01",
            "0000-01-01", "2024-02-30", "2024-13-01", "24-06-24", "2024/06/24", "20240624", "2024-06-24T00:00Z",
            "2024-07-31", "9999-12-31", "1900-01-01");

    static final List<String> NUMBERS = List.of("1.5", "1e3", "1e400", "-1", "0", "99999999999999999999",
            "2147483648", "-2147483649", "9223372036854775808", "0x10", " 1", "١", "NaN", "Infinity", "-0", "+1", "1",
            "2", "999999999");

    /** Text a name, id or comment may not hold, or that no id has. */
    static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\u0000", "a\u0000b", "abc\u202Edef", "\u2066x\u2069", "\u202Aembedded\u202C",
                        "\ud800", "\udfff lone", "\uffff", "\ufeffbom", "bell\u0007", "tab\tnew\nline", "ｘ全角", "カ\u3099",
                        "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1--", "%00", "null", "true", "[]",
                        "{}", "=cmd|' /C calc'!A0", "💥".repeat(60), "\r\nSet-Cookie: x=1"),
                Arbitraries.strings().all().ofMaxLength(24),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4),
                Arbitraries.strings().withCharRange('\u202a', '\u202e').ofMinLength(1).ofMaxLength(3).map(s -> "x" + s + "y"),
                Arbitraries.integers().between(101, 30_000).map("x"::repeat),
                Arbitraries.of(NUMBERS), Arbitraries.of(INSTANTS), Arbitraries.of(DATES));
    }

    /** What a plausible client would send for a field of this name: lets the other fields of a request be reached. */
    static Arbitrary<String> plausible(String name) {
        String n = name.replaceAll(".*[.\\]]", "").toLowerCase();
        if (n.equals("id") || n.equals("deliberationid")) {
            return Arbitraries.of(DELIBERATION, "nowhere");
        }
        if (n.equals("commentid") || n.equals("comment")) {
            return Arbitraries.of(DELIBERATION + "-c12", DELIBERATION + "-c1", "#5", "#12");
        }
        if (n.equals("commitmentid") || n.equals("commitment")) {
            return Arbitraries.of(DELIBERATION + "-c12.1", DELIBERATION + "-c5.1", "#5.1", "#12.1");
        }
        if (n.endsWith("id") || n.equals("owner") || n.equals("committedby") || n.equals("correctedby")) {
            return Arbitraries.of("sato", "tsuta", "goto", "nisc");
        }
        if (n.equals("action")) {
            return Arbitraries.of("conclude", "waive");
        }
        if (n.contains("version") || n.contains("page") || n.equals("number") || n.equals("limit") || n.equals("after")) {
            return Arbitraries.of("1", "2", "3", "10");
        }
        if (n.endsWith("at") || n.startsWith("at") || n.contains("known")) {
            return Arbitraries.of("2024-06-24T14:00+09:00", "2024-06-25T00:00Z");
        }
        if (n.contains("date")) {
            return Arbitraries.of("2024-07-31", "2025-03-31");
        }
        return Arbitraries.of("x", "説明", "ACCEPTED", "QUESTION", "MEMBER", "REVISE_DRAFT", "true", "1");
    }

    /** A value for a field, parameter or path variable of this name: mostly bad, sometimes plausible. */
    static Arbitrary<String> forName(String name) {
        return Arbitraries.frequencyOf(Tuple.of(3, text()), Tuple.of(2, plausible(name)));
    }

    /** Percent-escapes a Java client cannot form from text: invalid UTF-8, an encoded slash, dot segments. */
    static final List<String> RAW_ESCAPES = List.of("%C0%BC", "%FF", "%E2%82", "%ED%A0%80", "%F8%88%80%80%80",
            "%2F", "%2e%2e", "..", ".", "%25", "%00", "%5C", "x;jsessionid=1", "%E2%80%AE", "%0D%0A");

    /** A path segment or parameter value, escaped; sometimes with raw escapes no encoder makes. */
    static Arbitrary<String> escaped(String name) {
        // within the 8 KB request line Tomcat accepts: a longer one it refuses itself, before the application
        return Arbitraries.frequencyOf(Tuple.of(8, forName(name).map(v -> v.length() > 1_500 ? v.substring(0, 1_500) : v)
                        .map(BadValues::escape)),
                Tuple.of(1, Arbitraries.of(RAW_ESCAPES)),
                Tuple.of(1, Arbitraries.of(RAW_ESCAPES).map(r -> escape(DELIBERATION) + r)));
    }

    static String escape(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
