package dev.shingi.edge;

import dev.shingi.edge.BadBodies.Body;
import dev.shingi.edge.Endpoints.Endpoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One generated bad request to one endpoint: its method (mostly the endpoint's own, sometimes another), the path with
 * its variables filled in, a query, who sends it, and a body. A page's form post carries the CSRF token of the
 * caller's session (or, now and then, none or a wrong one) — the token is added when it is sent.
 */
record FuzzedRequest(Endpoint endpoint, String method, String path, String query, String caller, Csrf csrf,
                     Body body) {

    enum Csrf { VALID, MISSING, WRONG }

    /** Callers: nobody (""), the demo's secretary and a member; the API also an administrator. */
    static final String ADMIN = "fuzz-admin";

    static final List<String> READ_PARAMETERS = List.of("at", "knownAt", "afterEvent", "after", "limit", "lang",
            "version", "from", "to", "format", "views", "x");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

    static Arbitrary<FuzzedRequest> to(Endpoint e) {
        Arbitrary<String> method = Arbitraries.frequencyOf(Tuple.of(17, Arbitraries.just(e.method())),
                Tuple.of(3, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH")));
        return Combinators.combine(method, path(e), query(e), caller(e),
                        Arbitraries.frequencyOf(Tuple.of(18, Arbitraries.just(Csrf.VALID)), Tuple.of(1, Arbitraries.just(Csrf.MISSING)),
                                Tuple.of(1, Arbitraries.just(Csrf.WRONG))),
                        body(e))
                .as((m, p, q, c, csrf, b) -> new FuzzedRequest(e, m, p, q, c, csrf, m.equals("GET") ? null : b));
    }

    private static Arbitrary<String> path(Endpoint e) {
        List<Arbitrary<String>> segments = new ArrayList<>();
        Matcher m = VARIABLE.matcher(e.pattern());
        List<String> literals = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            literals.add(e.pattern().substring(last, m.start()));
            String name = m.group(1);
            Arbitrary<String> value = BadValues.escaped(name);
            if (m.group(2) != null && m.group(2).matches("[A-Za-z|]+")) {
                value = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(m.group(2).split("\\|"))), Tuple.of(1, value));
            }
            segments.add(value);
            last = m.end();
        }
        String tail = e.pattern().substring(last).replaceAll("\\*\\*?", "x");
        if (segments.isEmpty()) {
            return Arbitraries.just(tail.isEmpty() ? "/" : tail);
        }
        return Combinators.combine(segments).as(values -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                s.append(literals.get(i)).append(values.get(i));
            }
            return s.append(tail).toString();
        });
    }

    private static Arbitrary<String> query(Endpoint e) {
        List<String> names = new ArrayList<>(e.parameters());
        READ_PARAMETERS.stream().filter(n -> !names.contains(n)).forEach(names::add);
        Arbitrary<String> pair = Arbitraries.of(names).flatMap(n -> BadValues.escaped(n).map(v -> n + "=" + v));
        Arbitrary<String> declared = e.parameters().isEmpty() ? pair
                : Arbitraries.of(e.parameters()).flatMap(n -> BadValues.escaped(n).map(v -> n + "=" + v));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(4, Combinators.combine(declared, pair.list().ofMaxSize(3))
                        .as((d, rest) -> "?" + d + rest.stream().map(r -> "&" + r).collect(Collectors.joining()))),
                Tuple.of(1, Arbitraries.of("?at", "?at=&at=2024-06-24T14:00Z", "?%C0%BC=1", "?=", "?&&&", "?at=1&at=2",
                        "?limit=" + "9".repeat(400), "?knownAt=" + "x".repeat(3_000))));
    }

    private static Arbitrary<String> caller(Endpoint e) {
        if (e.page()) {
            return Arbitraries.of("", "sato", "tsuta");
        }
        // an administrator's rebuild is not bad input: it empties the views, and every read answers 503 until done
        if (e.pattern().contains("rebuild")) {
            return Arbitraries.of("", "sato", "tsuta");
        }
        return Arbitraries.of("", "sato", "tsuta", ADMIN);
    }

    private static Arbitrary<Body> body(Endpoint e) {
        Arbitrary<Body> own;
        if (e.multipart()) {
            own = BadBodies.multipart(e.parts(), e.body());
        } else if (e.page()) {
            own = BadBodies.form(e.body()).map(FuzzedRequest::form);
        } else if (!e.consumes().isEmpty() && e.consumes().stream().noneMatch(t -> t.getSubtype().contains("json"))) {
            String type = e.consumes().iterator().next().toString();
            own = Arbitraries.oneOf(BadValues.text().map(t -> Body.of(type, t)),
                    Arbitraries.of(BadBodies.BAD_UTF8).map(b -> new Body(type, b)),
                    Arbitraries.integers().between(1, 2_000).map(n -> Body.of(type, "{\"line\":1}\n".repeat(n) + "\u0000")));
        } else {
            own = BadBodies.json(e.body());
        }
        Arbitrary<Body> other = Arbitraries.oneOf(
                BadBodies.json(e.body()), BadBodies.multipart(e.parts(), e.body()),
                Combinators.combine(BadBodies.wrongType(), BadValues.text()).as(Body::of),
                Arbitraries.of(Body.of("application/x-www-form-urlencoded", "a=%zz&b=%C0%BC&=&&c"),
                        new Body("application/x-www-form-urlencoded", new byte[]{'a', '=', (byte) 0xC0, (byte) 0xBC})));
        return Arbitraries.frequencyOf(Tuple.of(5, own), Tuple.of(1, other));
    }

    private static Body form(List<String[]> fields) {
        return Body.of("application/x-www-form-urlencoded", fields.stream()
                .map(f -> BadValues.escape(f[0]) + "=" + BadValues.escape(f[1])).collect(Collectors.joining("&")));
    }

    /** The body with the session's CSRF token, as the page's form would send it. */
    byte[] bytes(String token) {
        if (body == null) {
            return new byte[0];
        }
        if (!endpoint.page() || csrf == Csrf.MISSING || body.contentType() == null
                || !body.contentType().startsWith("application/x-www-form-urlencoded")) {
            return body.bytes();
        }
        String sent = csrf == Csrf.VALID ? token : "not-the-token";
        byte[] prefix = ("_csrf=" + BadValues.escape(sent == null ? "" : sent) + (body.bytes().length == 0 ? "" : "&"))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(prefix, prefix.length + body.bytes().length);
        System.arraycopy(body.bytes(), 0, all, prefix.length, body.bytes().length);
        return all;
    }

    @Override
    public String toString() {
        String url = path + query;
        return method + " " + (url.length() > 300 ? url.substring(0, 300) + "…" : url) + " as '" + caller + "'" + (endpoint.page() ? " csrf " + csrf : "")
                + Optional.ofNullable(body).map(b -> " body " + b.shown()).orElse("") + "  [endpoint " + endpoint + "]";
    }
}
