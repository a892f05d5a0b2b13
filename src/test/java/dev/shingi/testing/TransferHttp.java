package dev.shingi.testing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the transfer endpoints (reports, calendar, ISO template): what LedgerHttp gives, plus bodies that
 * are not JSON (HTML, CSV, Markdown, iCalendar, XLSX bytes) and a small deliberation of the test's own.
 */
public abstract class TransferHttp extends LedgerHttp {

    public record Raw(int status, String contentType, HttpResponse<byte[]> response) {
        public byte[] bytes() {
            return response.body();
        }

        public String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public com.fasterxml.jackson.databind.JsonNode json() {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** GET as sato (or anonymous when user is null), with extra headers as name, value, name, value … */
    protected Raw raw(String user, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        return send(user, b, headers);
    }

    protected Raw rawPost(String user, String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(user, b, headers);
    }

    private Raw send(String user, HttpRequest.Builder b, String... headers) {
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A deliberation of the test's own: sato (secretariat, 総務省), two members m1 (新井, affiliation JP) and m2
     * (Müller, affiliation DE), draft v1 of {@code pages} pages. Nothing else.
     */
    protected void openDeliberation(String id, Integer pages) {
        ok(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"Test draft %s","body":"Test body"}""".formatted(id, id)));
        ok(admin("/api/deliberations/" + id + "/participants", """
                {"participantId":"sato","name":"佐藤","role":"SECRETARIAT","title":"企画官","affiliation":"総務省"}"""));
        ok(admin("/api/deliberations/" + id + "/participants", """
                {"participantId":"m1","name":"新井","role":"MEMBER","title":"構成員","affiliation":"JP"}"""));
        ok(admin("/api/deliberations/" + id + "/participants", """
                {"participantId":"m2","name":"Müller","role":"MEMBER","affiliation":"DE"}"""));
        ok(post("/api/deliberations/" + id + "/drafts", """
                {"version":1,"title":"Draft v1","pageCount":%s}""".formatted(pages == null ? "null" : pages)));
    }

    /** Raises a comment as the secretariat on a member's behalf; returns its id. */
    protected String raise(String deliberation, String commentId, String author, int version, String anchorJson, String kind,
                 String text) {
        ok(post("/api/deliberations/" + deliberation + "/comments", """
                {"commentId":"%s","authorId":"%s","draftVersion":%d,"anchor":%s,"kind":"%s","text":%s}"""
                .formatted(commentId, author, version, anchorJson, kind, quote(text))));
        return commentId;
    }

    protected String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static Reply ok(Reply r) {
        assertThat(r.status()).as(r.raw()).isBetween(200, 299);
        return r;
    }

    /** The rows of a CSV body as a spreadsheet saves it (RFC 4180, a UTF-8 byte-order mark first). */
    protected static List<List<String>> csv(String text) {
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
