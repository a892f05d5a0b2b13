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
        String table = IsoCommentsTest.HEADER + "JP,1,,,te,Fine row.,,\r\n" + "XX,abc,,,te,Unknown author.,,\r\n";
        PageReader.Page page = upload(sato, "iso-page-bad", "1", "bad.csv", "text/csv",
                table.getBytes(StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(400);
        List<String> problems = page.html().select("tr.problem").stream().map(r -> r.select("[data-field=row]").text()
                + "|" + r.select("[data-field=column]").text() + "|" + r.select("[data-field=reason]").text()).toList();
        assertThat(problems).containsExactly(
                "3|MB/NC（提出者）|「XX」はこの審議の出席者（ID、氏名または所属）に該当しません。",
                "3|行番号（Line number）|「abc」は行番号または 120-125 のような範囲ではありません。");
        assertThat(page.text("#problems-title")).isEqualTo("何も記録していません（意見表に 2 件の問題があります）");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(get("/api/deliberations/iso-page-bad/comments").body()).isEmpty();
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
