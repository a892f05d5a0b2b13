package dev.shingi.transfer.iso;

import dev.shingi.pages.PageReader;
import dev.shingi.testing.TransferHttp;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comment-table import page over plain HTTP, signed in as the secretariat, on deliberations of its own. */
class IsoTablePageTest extends TransferHttp {
    static final String BOUNDARY = "----shingi-page-boundary";

    @Test
    void aCsvAsExcelSavesItIsRecordedAndTheReportCountsItsComments() throws Exception {
        openDeliberation("iso-page-ok", 40);
        byte[] csv;
        try (InputStream in = getClass().getResourceAsStream("/iso/comments-excel-utf8.csv")) {
            csv = in.readAllBytes();
        }
        PageReader sato = new PageReader(port).signedInAs("sato");
        sato.language = "ja";
        PageReader.Page form = sato.get("/deliberations/iso-page-ok/import/table");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text("#file-hint")).contains("CSV", "XLSX", "Markdown");

        PageReader.Page report = upload(sato, "iso-page-ok", "1", "comments.csv", "text/csv", csv);
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(get("/api/deliberations/iso-page-ok/comments").body()).hasSize(3);
        assertThat(report.text("[data-count=rows]")).isEqualTo("3");
        assertThat(report.text("[data-count=recorded]")).isEqualTo("3");
        assertThat(report.text("[data-list=commenters]")).isEqualTo("新井、Müller");
        assertThat(report.text("#report-title")).isEqualTo("意見表を取り込みました");
    }

    @Test
    void aBadRowIsShownByRowAndColumnAndNothingIsStored() throws Exception {
        openDeliberation("iso-page-bad", 40);
        long before = storedEvents();
        PageReader sato = new PageReader(port).signedInAs("sato");
        sato.language = "ja";
        String table = IsoCommentsTest.HEADER + "JP,1,,,te,Fine row.,,\r\n" + "XX,abc,,,xx,New author.,,\r\n";
        PageReader.Page page = upload(sato, "iso-page-bad", "1", "bad.csv", "text/csv",
                table.getBytes(StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(400);
        List<String> problems = page.html().select("tr.problem").stream().map(r -> r.select("[data-field=row]").text()
                + "|" + r.select("[data-field=column]").text() + "|" + r.select("[data-field=reason]").text()).toList();
        assertThat(problems).containsExactly(
                "3|行番号（Line number）|「abc」は行番号または 120-125 のような範囲ではありません。",
                "3|コメントの種類（Type of comment）|「xx」は ge（一般）、te（技術）、ed（編集）のいずれでもありません。");
        assertThat(page.text("#problems-title")).isEqualTo("何も記録していません（意見表に 2 件の問題があります）");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(get("/api/deliberations/iso-page-bad/comments").body()).isEmpty();
    }

    @Test
    void aMarkdownLogIsRecordedAndItsFlagsAreShownInTheReadersLanguage() throws Exception {
        openDeliberation("iso-page-md", 40);
        String log = """
                | Item # | Date | Commenter | Description | Date acknowledged | Resolution | Disposition |
                |---|---|---|---|---|---|---|
                | [1](https://example.org/m/1) | 2026-01-05 | 新井 | [Typo in 2.1](https://example.org/i/1) | 2026-01-06 | Fixed | Completed |
                | 2 | 2026-01-05 | Eliot Lear | Section 7 \\| scope | | Parked | Later |
                """;
        PageReader sato = new PageReader(port).signedInAs("sato");
        sato.language = "en";
        // the deliberation opened now, so rows dated before it are refused whole, nothing stored
        long before = storedEvents();
        PageReader.Page early = upload(sato, "iso-page-md", "1", "log.md", "text/markdown", log.getBytes(StandardCharsets.UTF_8));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.html().select("tr.problem [data-field=column]").eachText()).containsExactly(
                "Date", "Date acknowledged", "Date");
        assertThat(storedEvents()).isEqualTo(before);

        String undated = log.replace("2026-01-05", "").replace("2026-01-06", "");
        PageReader.Page en = upload(sato, "iso-page-md", "1", "log.md", "text/markdown", undated.getBytes(StandardCharsets.UTF_8));
        assertThat(en.status()).as(en.raw()).isEqualTo(200);
        assertThat(en.text("[data-count=recorded]")).isEqualTo("2");
        assertThat(en.text("[data-count=responses]")).isEqualTo("1");
        assertThat(en.text("[data-count=new-commenters]")).isEqualTo("1");
        assertThat(en.html().select("tr.flag").stream().map(r -> r.select("[data-field=row]").text() + "|"
                + r.select("[data-field=column]").text() + "|" + r.select("[data-field=reason]").text()).toList())
                .containsExactly("4|MB/NC|“Eliot Lear” is no participant: registered as a new public commenter (eliot-lear).",
                        "4|Disposition|“Later” is not a disposition Shingi knows: the answer is kept with the source of "
                                + "the comment, not recorded. Respond to the comment.");
        sato.language = "ja";
        PageReader.Page ja = upload(sato, "iso-page-md", "1", "again.md", "text/markdown",
                (undated + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ja.status()).isEqualTo(200);
        assertThat(ja.text("[data-report=nothing-new]")).isEqualTo("新たに記録するものはありません。この意見表の行はすべて記録済みです。");
        PageReader.Page same = upload(sato, "iso-page-md", "1", "log.md", "text/markdown", undated.getBytes(StandardCharsets.UTF_8));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.text("#same-file")).startsWith("このファイルは取込み済みです（取込み ");
        assertThat(get("/api/deliberations/iso-page-md/comments").body()).hasSize(2);
    }

    @Test
    void onlyTheSecretariatMayImportAndTheDashboardLinksItForThemAlone() {
        openDeliberation("iso-page-who", 40);
        ok(admin("/api/deliberations/iso-page-who/participants", """
                {"participantId":"tsuta","name":"蔦","role":"MEMBER"}"""));
        PageReader member = new PageReader(port).signedInAs("tsuta");
        assertThat(member.get("/deliberations/iso-page-who/import/table").status()).isEqualTo(403);
        assertThat(member.get("/deliberations/iso-page-who").html().select("a[href$=/import/table]")).isEmpty();
        PageReader sato = new PageReader(port).signedInAs("sato");
        assertThat(sato.get("/deliberations/iso-page-who").html().select("a[href$=/import/table]")).hasSize(1);
        assertThat(new PageReader(port).get("/deliberations/iso-page-who/import/table").status()).isEqualTo(302);
    }

    /** Posts the form as a browser does: multipart, with the form page's CSRF token. */
    static PageReader.Page upload(PageReader reader, String id, String version, String filename, String type,
                                  byte[] content) throws IOException, InterruptedException {
        String path = "/deliberations/" + id + "/import/table";
        String csrf = reader.get(path).html().select("form.record input[name=_csrf]").val();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] field : new String[][]{{"_csrf", csrf}, {"version", version}}) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = reader.client.send(HttpRequest.newBuilder(reader.uri(path))
                .header("Accept-Language", reader.language)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new PageReader.Page(r.statusCode(), r.headers().firstValue("Location").orElse(null),
                Jsoup.parse(r.body()), r.body());
    }
}
