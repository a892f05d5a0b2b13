package dev.shingi.transfer.iso;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.testing.TransferHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real public comment resolution logs (OASIS CSAF TC, src/test/resources/iso/SOURCES.md) imported over HTTP as
 * Markdown: every row a comment with its item, date and commenter; every resolution a response; the outstanding view
 * the rows without one; the same file again refused naming the import; the same rows again a no-op.
 */
class CommentTablesTest extends TransferHttp {
    static final String BOUNDARY = "----shingi-table-boundary";

    /** A deliberation opened before the logs' dates, with sato as its secretariat and a draft v1. */
    void openEarly(String id) {
        ok(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"CSAF %s","occurredAt":"2020-01-01T00:00:00Z"}""".formatted(id, id)));
        ok(admin("/api/deliberations/" + id + "/participants", """
                {"participantId":"sato","name":"佐藤","role":"SECRETARIAT","occurredAt":"2020-01-01T00:00:00Z"}"""));
        ok(post("/api/deliberations/" + id + "/drafts", """
                {"version":1,"title":"CSAF","occurredAt":"2020-01-01T00:00:00Z"}"""));
    }

    static byte[] resource(String name) {
        try (InputStream in = CommentTablesTest.class.getResourceAsStream("/iso/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Raw upload(String id, String filename, byte[] content, String... headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        List<String> h = new ArrayList<>(List.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY));
        h.addAll(List.of(headers));
        return rawPost("sato", "/api/deliberations/" + id + "/iso-comments?version=1&zone=UTC", out.toByteArray(),
                h.toArray(String[]::new));
    }

    /** The log's rows as the file has them, read here by splitting on pipes: item, date, commenter, disposition. */
    static List<String[]> rowsOf(String name) {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : new String(resource(name), StandardCharsets.UTF_8).split("\n")) {
            if (!line.startsWith("|")) {
                continue;
            }
            if (header || line.replaceAll("[|\\s:-]", "").isEmpty()) {
                header = false;
                continue;
            }
            String[] cells = line.split("\\|", -1);
            String item = cells[1].strip().replaceAll("^\\[([^]]*)].*$", "$1");
            rows.add(new String[]{item, cells[2].strip(), cells[3].strip().replaceAll("\\s+", " "), cells[7].strip()});
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"csaf_2.0-log_from_cs02.md", "csaf_2.0-log_from_cs03.md", "csaf_2.0-log_from_csdpr02.md",
            "csaf_2.0-log_from_csprd01.md", "csaf_2.1-log_from_csd01pr.md", "csaf_2.1-log_from_csd02pr.md"})
    void everyRowOfARealLogIsACommentWithItsItemDateAndCommenterAndEveryResolutionAResponse(String name) {
        String id = "csaf-" + name.replaceAll("[^a-z0-9]+", "-").replaceAll("-md$", "");
        openEarly(id);
        List<String[]> rows = rowsOf("oasis-csaf/" + name);
        Raw r = upload(id, name, resource("oasis-csaf/" + name));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("rows").asInt()).isEqualTo(rows.size());
        assertThat(r.json().get("imported").asInt()).isEqualTo(rows.size());

        JsonNode comments = get("/api/deliberations/" + id + "/comments").body();
        assertThat(comments).hasSize(rows.size());
        Map<String, String> names = new LinkedHashMap<>();
        get("/api/deliberations/" + id).body().get("participants").forEach(p -> names.put(p.get("participantId").asText(),
                p.get("name").asText()));
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            JsonNode c = comments.get(i);
            JsonNode thread = get("/api/comments/" + c.get("commentId").asText()).body();
            assertThat(thread.get("comment").get("source").get("item").asText()).isEqualTo(row[0]);
            assertThat(thread.get("comment").get("source").get("date").asText()).isEqualTo(row[1]);
            assertThat(thread.get("comment").get("source").get("file").asText()).isEqualTo(name);
            assertThat(c.get("occurredAt").asText()).isEqualTo(row[1] + "T00:00:00Z");
            assertThat(names.get(c.get("author").get("id").asText())).isEqualTo(row[2]);
            assertThat(c.get("kind").asText()).isEqualTo("QUESTION");
            if (row[3].isEmpty()) {
                assertThat(thread.get("responses")).isEmpty();
                unanswered.add(c.get("commentId").asText());
            } else {
                assertThat(thread.get("responses")).as("row %s", row[0]).hasSize(1);
                String words = row[3].replaceAll("^\\[([^]]*)].*$", "$1");
                assertThat(thread.get("responses").get(0).get("disposition").asText()).as(words)
                        .isEqualTo(words.startsWith("Completed") || words.startsWith("TC agrees") ? "ACCEPTED" : "ANSWERED");
            }
        }
        List<String> outstanding = new ArrayList<>();
        get("/api/deliberations/" + id + "/outstanding").body().get("comments")
                .forEach(c -> outstanding.add(c.get("commentId").asText()));
        assertThat(outstanding).isEqualTo(unanswered);

        long before = storedEvents();
        Raw again = upload(id, name, resource("oasis-csaf/" + name));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.json().get("rule").asText()).isEqualTo("import.same-file");
        assertThat(again.json().get("earlierImport").get("importId").asText()).isEqualTo(r.json().get("importId").asText());
        assertThat(again.json().get("earlierImport").get("comments").asInt()).isEqualTo(rows.size());
        // the same rows in another file (one blank line more) record nothing and say so
        byte[] other = (new String(resource("oasis-csaf/" + name), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        Raw same = upload(id, "copy-" + name, other);
        assertThat(same.status()).as(same.text()).isEqualTo(200);
        assertThat(same.json().get("imported").asInt()).isZero();
        assertThat(same.json().get("unchanged")).hasSize(rows.size());
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theCsd02LogsCommentersAreCreatedOnceEachAndFlaggedAndItsOpenRowIsOutstanding() {
        openEarly("csaf-d02");
        Raw r = upload("csaf-d02", "log_from_csd02pr.md", resource("oasis-csaf/csaf_2.1-log_from_csd02pr.md"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        List<String> created = new ArrayList<>();
        r.json().get("commentersCreated").forEach(c -> created.add(c.get("participantId").asText() + "|"
                + c.get("name").asText() + "|" + c.get("role").asText()));
        assertThat(created).containsExactly("nick-leali|Nick Leali|PUBLIC_COMMENTER",
                "thomas-ziemek|Thomas Ziemek|PUBLIC_COMMENTER", "sl|SL|PUBLIC_COMMENTER",
                "benjamin-dorn|Benjamin Dorn|PUBLIC_COMMENTER", "br|BR|PUBLIC_COMMENTER",
                "johannes-pein|Johannes Pein|PUBLIC_COMMENTER");
        List<String> flags = new ArrayList<>();
        r.json().get("flags").forEach(f -> flags.add(f.get("row").asInt() + "|" + f.get("column").asText() + "|"
                + f.get("reason").asText()));
        assertThat(flags).startsWith("16|MB/NC|'Nick Leali' is no participant: registered as a new public commenter (nick-leali)");
        assertThat(flags).hasSize(6);
        assertThat(r.json().get("responses").asInt()).isEqualTo(13);
        assertThat(r.json().get("unanswered").toString()).isEqualTo("[29]");
        JsonNode first = get("/api/comments/" + r.json().get("comments").get(0).get("commentId").asText()).body();
        assertThat(first.get("comment").get("source").get("links").toString()).isEqualTo(
                "[\"https://groups.oasis-open.org/discussion/issue-for-review-1361-vulnerabilities-property-ids-clarification-or-enhancement\","
                        + "\"https://github.com/oasis-tcs/csaf/issues/1361\",\"https://github.com/oasis-tcs/csaf/pull/1462\"]");
        JsonNode response = first.get("responses").get(0);
        assertThat(response.get("responder").get("id").asText()).isEqualTo("sato");
        assertThat(response.get("occurredAt").asText()).isEqualTo("2026-05-27T00:00:00Z");
        assertThat(response.get("text").asText()).isEqualTo("[Comment Resolution CSD02PR: #1361](https://github.com/oasis-tcs/csaf/pull/1462)");
    }

    @Test
    void anUpdatedLogRecordsOnlyItsNewResolutionAndARetryWithTheSameKeyReplaysTheFirstAnswer() {
        openEarly("csaf-upd");
        String log = new String(resource("oasis-csaf/csaf_2.1-log_from_csd02pr.md"), StandardCharsets.UTF_8);
        Raw first = upload("csaf-upd", "csd02pr.md", log.getBytes(StandardCharsets.UTF_8), "Idempotency-Key", "upd-1");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        long after = storedEvents();
        Raw retry = upload("csaf-upd", "csd02pr.md", log.getBytes(StandardCharsets.UTF_8), "Idempotency-Key", "upd-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(storedEvents()).isEqualTo(after);

        // item 14 is answered in the next edition of the log: only that response is recorded
        String updated = log.replace("(https://github.com/oasis-tcs/csaf/issues/1375) |  |  |  |",
                "(https://github.com/oasis-tcs/csaf/issues/1375) | 2026-05-27 | Fixed in the editor draft | Completed |");
        assertThat(updated).isNotEqualTo(log);
        Raw next = upload("csaf-upd", "csd02pr-v2.md", updated.getBytes(StandardCharsets.UTF_8));
        assertThat(next.status()).as(next.text()).isEqualTo(201);
        assertThat(next.json().get("imported").asInt()).isZero();
        assertThat(next.json().get("responses").asInt()).isEqualTo(1);
        assertThat(next.json().get("answeredNow").get(0).get("item").asText()).isEqualTo("14");
        assertThat(next.json().get("unchanged")).hasSize(13);
        assertThat(storedEvents()).isEqualTo(after + 1);
        assertThat(get("/api/deliberations/csaf-upd/outstanding").body().get("comments")).isEmpty();
        JsonNode thread = get("/api/comments/" + next.json().get("answeredNow").get(0).get("commentId").asText()).body();
        assertThat(thread.get("responses").get(0).get("text").asText()).isEqualTo("Fixed in the editor draft");
        assertThat(thread.get("responses").get(0).get("occurredAt").asText()).isEqualTo("2026-05-27T00:00:00Z");
    }

    @Test
    void aLogEditedByTheTcCorrectsTheResolutionItChangedAndAnswersTheOneItAddedAndNothingElse() {
        openEarly("csaf-edit");
        String log = new String(resource("oasis-csaf/csaf_2.1-log_from_csd02pr.md"), StandardCharsets.UTF_8);
        Raw first = upload("csaf-edit", "csd02pr.md", log.getBytes(StandardCharsets.UTF_8));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        JsonNode six = first.json().get("comments").get(5);
        assertThat(six.get("item").asText()).isEqualTo("6");
        long after = storedEvents();

        // the TC changes its mind on item 6 (another resolution, another disposition, acknowledged later) and answers 14
        String edited = log.replace("| 2026-04-29 | [Comment Resolution CSD02PR: #1367](https://github.com/oasis-tcs/csaf/pull/1408) | Completed |",
                        "| 2026-06-10 | Out of scope for 2.1, see [#1367](https://github.com/oasis-tcs/csaf/issues/1367) | Rejected |")
                .replace("(https://github.com/oasis-tcs/csaf/issues/1375) |  |  |  |",
                        "(https://github.com/oasis-tcs/csaf/issues/1375) | 2026-05-27 | Fixed in the editor draft | Completed |");
        Raw next = upload("csaf-edit", "csd02pr-v2.md", edited.getBytes(StandardCharsets.UTF_8));
        assertThat(next.status()).as(next.text()).isEqualTo(201);
        assertThat(next.json().get("imported").asInt()).isZero();
        assertThat(next.json().get("answeredNow")).hasSize(1);
        assertThat(next.json().get("answeredNow").get(0).get("item").asText()).isEqualTo("14");
        JsonNode corrected = next.json().get("corrected");
        assertThat(corrected).hasSize(1);
        assertThat(corrected.get(0).get("row").asInt()).isEqualTo(six.get("row").asInt());
        assertThat(corrected.get(0).get("commentId").asText()).isEqualTo(six.get("commentId").asText());
        assertThat(corrected.get(0).get("reference").asText()).isEqualTo(six.get("reference").asText());
        assertThat(corrected.get(0).get("item").asText()).isEqualTo("6");
        assertThat(corrected.get(0).get("fields").toString()).isEqualTo("[\"disposition\",\"text\",\"occurredAt\"]");
        assertThat(next.json().get("unchanged")).hasSize(12);
        assertThat(storedEvents()).isEqualTo(after + 2);

        JsonNode thread = get("/api/comments/" + six.get("commentId").asText()).body();
        assertThat(thread.get("responses")).hasSize(1);
        JsonNode response = thread.get("responses").get(0);
        assertThat(response.get("responseId").asText()).isEqualTo(corrected.get(0).get("responseId").asText());
        assertThat(response.get("disposition").asText()).isEqualTo("DECLINED");
        assertThat(response.get("text").asText()).isEqualTo("Out of scope for 2.1, see [#1367](https://github.com/oasis-tcs/csaf/issues/1367)");
        assertThat(response.get("occurredAt").asText()).isEqualTo("2026-06-10T00:00:00Z");
        List<String> changes = new ArrayList<>();
        thread.get("corrections").forEach(c -> changes.add(c.get("field").asText() + "|" + c.get("oldValue").asText()
                + "|" + c.get("newValue").asText() + "|" + c.get("correctedBy").get("id").asText()));
        assertThat(changes).contains("disposition|ACCEPTED|DECLINED|sato");
        assertThat(get("/api/comments/" + six.get("commentId").asText()).body().get("comment").get("status").asText())
                .isEqualTo("DECLINED");

        // the edited log again, in another file: nothing is new any more
        Raw again = upload("csaf-edit", "csd02pr-v3.md", (edited + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("corrected")).isEmpty();
        assertThat(again.json().get("answeredNow")).isEmpty();
        assertThat(again.json().get("unchanged")).hasSize(14);
        assertThat(storedEvents()).isEqualTo(after + 2);
    }

    @Test
    void aLogWithOneBadRowIsRefusedWholeNamingEachRowAndColumnAndNothingIsStored() {
        openEarly("csaf-bad");
        String log = new String(resource("oasis-csaf/csaf_2.0-log_from_csprd01.md"), StandardCharsets.UTF_8)
                .replace("| 2021-09-01 | Christian Keil | [Correct links", "| 2021-09-31 | Christian Keil | [Correct links")
                .replace("| 2021-09-10 | Patrick Fuller |", "| 2021-09-10 |  |");
        long before = storedEvents();
        Raw r = upload("csaf-bad", "bad.md", log.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        r.json().get("errors").forEach(e -> errors.add(e.get("row").asInt() + "|" + e.get("column").asText() + "|"
                + e.get("reason").asText()));
        assertThat(errors).containsExactly("20|Date|'2021-09-31' is not a date such as 2024-06-24",
                "26|MB/NC|must name who commented (a participant's id, name, affiliation or alias, or a new commenter's name)");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(get("/api/deliberations/csaf-bad/comments").body()).isEmpty();
        assertThat(get("/api/deliberations/csaf-bad").body().get("participants")).hasSize(1);
    }

    @Test
    void aMarkdownExportReimportsIntoAnEmptyDeliberationWithTheSameCommentsResponsesSourcesAndDates() throws Exception {
        openEarly("rt-a");
        assertThat(upload("rt-a", "csd01pr.md", resource("oasis-csaf/csaf_2.1-log_from_csd01pr.md")).status()).isEqualTo(201);
        Raw md = raw("sato", "/api/deliberations/rt-a/iso-comments?version=1&format=md&zone=UTC");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.contentType()).isEqualTo("text/markdown;charset=UTF-8");
        // links stay links: the item's and the resolution's, as written
        assertThat(md.text()).contains("| [14](https://groups.oasis-open.org/discussion/csaf-test-6113-negative-test-case-02) "
                + "| 2025-06-16 | Michael Lux | ");
        openEarly("rt-b");
        Raw back = upload("rt-b", "export.md", md.bytes());
        assertThat(back.status()).as(back.text()).isEqualTo(201);
        assertThat(summary("rt-b")).isEqualTo(summary("rt-a")).hasSize(43);

        // and the thread page shows where a comment came from, its links as links
        dev.shingi.pages.PageReader sato = new dev.shingi.pages.PageReader(port).signedInAs("sato");
        sato.language = "en";
        String first = get("/api/deliberations/rt-a/comments").body().get(0).get("commentId").asText();
        var page = sato.get("/comments/" + first);
        assertThat(page.text("[data-source-item]")).isEqualTo("1");
        assertThat(page.text("[data-source-file]")).isEqualTo("csd01pr.md");
        assertThat(page.html().select("a[data-source-link]").first().attr("href"))
                .isEqualTo(get("/api/comments/" + first).body().get("comment").get("source").get("links").get(0).asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void anIsoExportReimportsIntoAnEmptyDeliberationWithTheSameCommentsResponsesSourcesAndDates(String format) {
        String from = "rt-iso-" + format;
        String to = "rt-iso-back-" + format;
        openEarly(from);
        assertThat(upload(from, "csd02pr.md", resource("oasis-csaf/csaf_2.1-log_from_csd02pr.md")).status()).isEqualTo(201);
        Raw file = raw("sato", "/api/deliberations/" + from + "/iso-comments?version=1&format=" + format + "&zone=UTC");
        assertThat(file.status()).isEqualTo(200);
        if (format.equals("csv")) {
            assertThat(file.text().lines().findFirst().orElseThrow()).isEqualTo("\uFEFFMB/NC,Line number,Clause/Subclause,"
                    + "Paragraph/Figure/Table,Type of comment,Comments,Proposed change,Observations of the secretariat,"
                    + "Item #,Date,Date acknowledged,Links");
        }
        openEarly(to);
        Raw back = upload(to, "export." + format, file.bytes());
        assertThat(back.status()).as(back.text()).isEqualTo(201);
        assertThat(back.json().get("imported").asInt()).isEqualTo(14);
        assertThat(back.json().get("responses").asInt()).isEqualTo(13);
        assertThat(summary(to)).isEqualTo(summary(from)).hasSize(14);
        assertThat(outstanding(to)).isEqualTo(outstanding(from)).containsExactly("#14|Reconsider the CSAF Extensions mechanism");
        JsonNode first = get("/api/comments/" + back.json().get("comments").get(0).get("commentId").asText()).body();
        assertThat(first.get("comment").get("source").get("item").asText()).isEqualTo("1");
        assertThat(first.get("comment").get("source").get("date").asText()).isEqualTo("2026-03-23");
        assertThat(first.get("comment").get("occurredAt").asText()).isEqualTo("2026-03-23T00:00:00Z");
        assertThat(first.get("responses").get(0).get("disposition").asText()).isEqualTo("ACCEPTED");
        assertThat(first.get("responses").get(0).get("occurredAt").asText()).isEqualTo("2026-05-27T00:00:00Z");
    }

    /** The outstanding view's comments, by what they are (reference and text), not their ids. */
    private List<String> outstanding(String id) {
        List<String> out = new ArrayList<>();
        get("/api/deliberations/" + id + "/outstanding").body().get("comments").forEach(c -> out.add(
                c.get("reference").asText() + "|" + c.get("text").asText().replaceAll("^\\[([^]]*)].*$", "$1")));
        return out;
    }

    /** Each comment as the ledger holds it, without what differs between two imports (ids, file, row). */
    private List<String> summary(String id) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : get("/api/deliberations/" + id + "/comments").body()) {
            JsonNode t = get("/api/comments/" + c.get("commentId").asText()).body();
            JsonNode s = t.get("comment").get("source");
            StringBuilder b = new StringBuilder(c.get("reference").asText() + "|" + c.get("author").get("name").asText()
                    + "|" + c.get("kind").asText() + "|" + c.get("occurredAt").asText() + "|" + c.get("text").asText()
                    + "|" + s.get("item").asText() + "|" + s.get("date").asText() + "|" + s.get("links") + "|" + s.get("extra"));
            t.get("responses").forEach(r -> b.append("|").append(r.get("disposition").asText()).append("|")
                    .append(r.get("occurredAt").asText()).append("|").append(r.get("text").asText()));
            out.add(b.toString());
        }
        return out;
    }
}
