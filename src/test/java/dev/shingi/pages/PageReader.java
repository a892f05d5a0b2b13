package dev.shingi.pages;

import dev.shingi.testing.Http;
import dev.shingi.testing.MultipartBody;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader of the pages over plain HTTP, as a browser is without JavaScript: a cookie jar (the session, the language),
 * forms posted with the CSRF token of the page they are on, and no redirect followed by itself. For the page tests
 * that need no Chromium.
 */
public final class PageReader {
    public record Page(int status, String location, Document html, String raw) {
        public List<String> all(String css, String attribute) {
            return html.select(css).eachAttr(attribute);
        }

        public String text(String css) {
            return html.select(css).text();
        }
    }

    private final int port;
    public final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    public String language = "en";

    public PageReader(int port) {
        this.port = port;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).GET().build());
    }

    /** Posts a form the way a browser would: the CSRF token comes from the page the form is on. */
    public Page submit(String formPage, String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", get(formPage).html().select("form.record input[name=_csrf], form input[name=_csrf]").last().val());
        return post(action, all);
    }

    /**
     * Posts a form as {@code multipart/form-data}, as a browser does a form with a file input: the fields as parts,
     * then the file (a part with a file name; an input left empty is a part named "" with no bytes), and the CSRF
     * token of the page the form is on.
     */
    public Page submitWithFile(String formPage, String action, Map<String, String> fields, String fileName,
                               String contentType, byte[] file) {
        MultipartBody body = new MultipartBody();
        fields.forEach((name, value) -> body.part(name, null, value.getBytes(StandardCharsets.UTF_8)));
        body.part("_csrf", null, get(formPage).html().select("form.record input[name=_csrf]").last().val()
                .getBytes(StandardCharsets.UTF_8));
        body.part("file", fileName, contentType, file);
        return send(HttpRequest.newBuilder(uri(action)).header("Accept-Language", language)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public PageReader signedInAs(String user) {
        Page login = get("/login");
        Page done = post("/login", Map.of("username", user, "password", Http.PASSWORD,
                "_csrf", login.html().select("input[name=_csrf]").val()));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).doesNotContain("error");
        return this;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // a redirect's target as a path of this server, the way links on the pages are written
            String location = r.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", ""))
                    .orElse(null);
            return new Page(r.statusCode(), location, Jsoup.parse(r.body()), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
