package dev.shingi.edge;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.shingi.edge.Endpoints.BodyField;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Bodies as bytes: JSON objects built from an endpoint's own field names with values of the wrong type, floats for
 * whole numbers, numbers for dates, out-of-range dates, duplicate keys, deep nesting, huge strings and bytes that are
 * not UTF-8; form posts of the same; multipart bodies broken in the ways a client can break them.
 */
final class BadBodies {
    private BadBodies() {
    }

    /** What is sent: a content type (null for none) and the bytes. */
    record Body(String contentType, byte[] bytes) {
        static Body of(String contentType, String text) {
            return new Body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        String shown() {
            String s = new String(bytes, StandardCharsets.UTF_8);
            return (contentType + " " + (s.length() > 300 ? s.substring(0, 300) + "…(" + bytes.length + " bytes)" : s));
        }
    }

    static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml", "application/json; charset=latin1",
            "application/json; charset=utf-16", "application/x-www-form-urlencoded", "multipart/form-data",
            "garbage/////", "application/x-ndjson", "image/png", "*/*", "application/merge-patch+json");

    static Arbitrary<String> wrongType() {
        return Arbitraries.of(WRONG_TYPES);
    }

    // ---- JSON ------------------------------------------------------------------------------------------------

    static Arbitrary<Body> json(List<BodyField> fields) {
        Arbitrary<String> object = object("", fields, 0);
        return Arbitraries.frequencyOf(
                Tuple.of(10, object.map(o -> Body.of("application/json", o))),
                Tuple.of(2, object.map(o -> Body.of("application/json", duplicateKey(o)))),
                Tuple.of(2, Combinators.combine(object, Arbitraries.integers().between(1, 40)).as((o, cut) ->
                        Body.of("application/json", o.substring(0, Math.max(0, o.length() - cut))))),
                Tuple.of(1, Arbitraries.of("", "{", "}", "[1,2]", "null", "\"text\"", "42", "{\"a\":}", "{'a':1}",
                        "{\"a\":1,}", "{\"a\" 1}", "\ufeff{}", "{}{}", "{\"a\":NaN}", "{\"a\":01}", "/*c*/{}")
                        .map(s -> Body.of("application/json", s))),
                Tuple.of(2, Arbitraries.integers().between(800, 6_000).map(n -> Body.of("application/json",
                        n % 2 == 0 ? "[".repeat(n) + "]".repeat(n) : "{\"a\":".repeat(n) + "1" + "}".repeat(n)))),
                Tuple.of(1, Arbitraries.integers().between(100_000, 900_000).map(n -> Body.of("application/json",
                        "{\"" + name(fields, "text") + "\":\"" + "あ".repeat(n / 3) + "\"}"))),
                Tuple.of(2, Combinators.combine(object, Arbitraries.of(BAD_UTF8)).as(BadBodies::spliced)),
                Tuple.of(2, Combinators.combine(object, wrongType()).as((o, t) -> Body.of(t, o))),
                Tuple.of(1, object.map(o -> new Body(null, o.getBytes(StandardCharsets.UTF_8)))));
    }

    /** Overlong forms, a lone continuation byte, an encoded surrogate, a five-byte form, a truncated sequence. */
    static final List<byte[]> BAD_UTF8 = List.of(new byte[]{(byte) 0xC0, (byte) 0xBC}, new byte[]{(byte) 0x80},
            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[]{(byte) 0xE3, (byte) 0x81}, new byte[]{(byte) 0xFF, (byte) 0xFE}, new byte[]{(byte) 0xE0, (byte) 0x80, (byte) 0xAF});

    /** The bytes put inside the first string of the object, where a lenient decoder would take them for text. */
    private static Body spliced(String object, byte[] bad) {
        byte[] text = object.getBytes(StandardCharsets.UTF_8);
        int at = object.indexOf(":\"");
        int cut = at < 0 ? text.length / 2 : object.substring(0, at + 2).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, cut);
        out.writeBytes(bad);
        out.write(text, cut, text.length - cut);
        return new Body("application/json", out.toByteArray());
    }

    private static String duplicateKey(String object) {
        int end = object.indexOf(',');
        if (!object.startsWith("{\"") || end < 0) {
            return "{\"a\":1,\"a\":2}";
        }
        return object.substring(0, object.length() - 1) + "," + object.substring(1, end) + "}";
    }

    private static String name(List<BodyField> fields, String fallback) {
        return fields.stream().map(BodyField::name).filter(n -> !n.contains(".") && !n.contains("[")).findFirst().orElse(fallback);
    }

    /** An object of the fields directly under {@code prefix}: each left out, plausible, or bad for its type. */
    private static Arbitrary<String> object(String prefix, List<BodyField> fields, int depth) {
        List<BodyField> mine = fields.stream().filter(f -> f.name().startsWith(prefix)
                && !f.name().substring(prefix.length()).matches(".*[.\\[].*")).toList();
        List<Arbitrary<Optional<String>>> members = new ArrayList<>();
        for (BodyField f : mine) {
            Arbitrary<String> value = value(f, fields, depth);
            String key = quote(f.name().substring(prefix.length()));
            members.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                    Tuple.of(5, value.map(v -> Optional.of(key + ":" + v)))));
        }
        members.add(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(1, Arbitraries.of("x-junk", "", "\u0000", "💥", "__proto__").map(k -> Optional.of(quote(k) + ":1")))));
        return Combinators.combine(members).as(list -> list.stream().flatMap(Optional::stream)
                .collect(Collectors.joining(",", "{", "}")));
    }

    private static Arbitrary<String> value(BodyField f, List<BodyField> all, int depth) {
        Class<?> t = f.type();
        Arbitrary<String> junk = Arbitraries.of("null", "true", "[]", "{}", "42", "-1", "1.5", "\"\"", "1e400",
                "99999999999999999999");
        Arbitrary<String> typed;
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class) {
            typed = Arbitraries.oneOf(Arbitraries.of(BadValues.NUMBERS), Arbitraries.of("1", "2", "1")).map(n -> n.matches("-?[0-9.e]+") ? n : quote(n));
        } else if (t == boolean.class || t == Boolean.class) {
            typed = Arbitraries.of("true", "false", "\"true\"", "1", "\"yes\"");
        } else if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : t.getEnumConstants()) {
                names.add(quote(((Enum<?>) c).name()));
                names.add(quote(((Enum<?>) c).name().toLowerCase()));
            }
            names.add("\"RANT\"");
            names.add("3");
            typed = Arbitraries.of(names);
        } else if (Temporal.class.isAssignableFrom(t)) {
            typed = Arbitraries.oneOf(Arbitraries.of(BadValues.INSTANTS).map(BadBodies::quote),
                    Arbitraries.of(BadValues.DATES).map(BadBodies::quote), Arbitraries.of("1719205200", "1.7192052E9", "-62135596800"));
        } else if (Collection.class.isAssignableFrom(t)) {
            String inner = f.name() + "[0].";
            boolean records = all.stream().anyMatch(o -> o.name().startsWith(inner));
            Arbitrary<String> element = records && depth < 2 ? object(inner, all, depth + 1)
                    : BadValues.forName(f.name()).map(BadBodies::quote);
            typed = Arbitraries.oneOf(element.list().ofMaxSize(3).map(l -> String.join(",", l)).map(s -> "[" + s + "]"),
                    Arbitraries.integers().between(2_000, 20_000).map(n -> "[" + "1,".repeat(n) + "1]"));
        } else if (t == String.class || Endpoints.simple(t)) {
            typed = BadValues.forName(f.name()).map(BadBodies::quote);
        } else if (depth < 2) {
            typed = object(f.name() + ".", all, depth + 1);
        } else {
            typed = Arbitraries.just("{}");
        }
        return Arbitraries.frequencyOf(Tuple.of(6, typed), Tuple.of(1, junk));
    }

    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    // ---- forms and multipart ------------------------------------------------------------------------------------

    /** A form post of the fields, each left out, plausible or bad; the CSRF token is added by the caller. */
    static Arbitrary<List<String[]>> form(List<BodyField> fields) {
        List<Arbitrary<Optional<String[]>>> members = new ArrayList<>();
        for (BodyField f : fields) {
            members.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.<String[]>empty())),
                    Tuple.of(4, BadValues.forName(f.name()).map(v -> Optional.of(new String[]{f.name(), v})))));
        }
        members.add(Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(Optional.<String[]>empty())),
                Tuple.of(1, Arbitraries.of("x-junk", "", "class.module", "anchor[99999999].x", "commitments[2147483647].kind",
                        "commitments[-1].kind", "a.b.c.d.e").map(k -> Optional.of(new String[]{k, "1"})))));
        return Combinators.combine(members).as(list -> list.stream().flatMap(Optional::stream).toList());
    }

    static Arbitrary<Body> multipart(List<String> parts, List<BodyField> metadata) {
        List<String> names = new ArrayList<>(parts);
        names.add("file");
        Arbitrary<byte[]> content = Arbitraries.oneOf(
                object("", metadata, 0).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.of("%PDF-1.7\n%broken", "PK\u0003\u0004not a zip", "# Markdown\n\u0000", "\uFEFF").map(s -> s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Body> wellFormed = Combinators.combine(Arbitraries.of(names).set().ofMinSize(1).ofMaxSize(3), content,
                Arbitraries.of("x.pdf", "x.docx", "x.md", "../../x", "\u0000.txt", "")).as((chosen, bytes, file) -> {
            String boundary = "fuzzboundary";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String n : chosen) {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + n + "\"; filename=\""
                        + file + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(bytes);
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
        });
        Arbitrary<Body> broken = Arbitraries.of(
                Body.of("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{}\r\n--x--\r\n"),
                Body.of("multipart/form-data; boundary=x", "--y\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{}\r\n--y--\r\n"),
                Body.of("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{\"version\":1"),
                Body.of("multipart/form-data; boundary=x", "--x\r\n\r\nno headers\r\n--x--\r\n"),
                Body.of("multipart/form-data; boundary=x", ""),
                Body.of("multipart/form-data; boundary=" + "b".repeat(100), "--b\r\n"),
                Body.of("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF"));
        return Arbitraries.frequencyOf(Tuple.of(3, wellFormed), Tuple.of(2, broken));
    }
}
