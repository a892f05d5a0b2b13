package dev.shingi.transfer.iso;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.testing.TransferHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deliberation's own table words over HTTP (PUT/GET …/table-vocabulary, SetTableVocabulary): bad words are a 400
 * naming the word, nothing stored; the importer reads an IETF-style and a ministry's table with them; a deliberation
 * without words of its own reads as before; the import page shows the words in the reader's language.
 */
class TableVocabularyTest extends TransferHttp {
    static final String D = "vocab-own";
    static final String PLAIN = "vocab-plain";
    static final String CSV = "Commenter,Type,Comments,Resolution,Disposition\r\n"
            + "Ann Lee,nit,Typo in 3.1,Fixed,対応済\r\n"
            + "Ann Lee,DISCUSS,Section 4 is unsafe,Rewritten,Addressed\r\n"
            + "Ann Lee,質問,第2章の趣旨は,ご指摘のとおりです,対応済み\r\n"
            + "Ann Lee,ge,General remark,,\r\n";

    void open(String id) {
        ok(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"Words","occurredAt":"2020-01-01T00:00:00Z"}""".formatted(id)));
        ok(admin("/api/deliberations/" + id + "/participants", """
                {"participantId":"sato","name":"佐藤","role":"SECRETARIAT","occurredAt":"2020-01-01T00:00:00Z"}"""));
        ok(post("/api/deliberations/" + id + "/drafts", """
                {"version":1,"title":"Draft","occurredAt":"2020-01-01T00:00:00Z"}"""));
    }

    Reply put(String user, String id, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/deliberations/" + id
                        + "/table-vocabulary")).header("Content-Type", "application/json")
                .header("Authorization", basic(user)).PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    Raw importCsv(String id) {
        return rawPost("sato", "/api/deliberations/" + id + "/iso-comments?version=1&zone=UTC",
                CSV.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
    }

    @Test
    void badWordsAreRefusedNamingTheWordAndNothingIsStored() {
        open("vocab-bad");
        long before = storedEvents();
        String[][] cases = {
                {"{\"types\":{\"nit\":\"TYPO\"}}", "types.nit", "'TYPO' is not one of CHANGE_REQUEST, QUESTION, EDITORIAL, REMARK, ENDORSEMENT"},
                {"{\"dispositions\":{\"対応済\":\"DONE\"}}", "dispositions.対応済", "'DONE' is not one of ACCEPTED, CONSIDERING, ANSWERED, NOTED, DECLINED"},
                {"{\"types\":{\"Nit\":\"EDITORIAL\",\"ｎｉｔ\":\"EDITORIAL\"}}", "types.ｎｉｔ", "'ｎｉｔ' is the same word as 'Nit' (compared without case, width and spacing)"},
                {"{\"types\":{\" \":\"EDITORIAL\"}}", "types", "a word must not be blank"},
                {"{\"dispositions\":{\"done\":null}}", "dispositions.done", "'null' is not one of ACCEPTED, CONSIDERING, ANSWERED, NOTED, DECLINED"},
        };
        for (String[] c : cases) {
            Reply r = put("sato", "vocab-bad", c[0]);
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.body().get("errors").get(0).get("field").asText()).as(r.raw()).isEqualTo(c[1]);
            assertThat(r.body().get("errors").get(0).get("message").asText()).as(r.raw()).isEqualTo(c[2]);
        }
        assertThat(put("tsuta", "vocab-bad", "{\"types\":{\"nit\":\"EDITORIAL\"}}").status()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(get("/api/deliberations/vocab-bad/table-vocabulary").body().toString())
                .isEqualTo("{\"deliberationId\":\"vocab-bad\",\"types\":{},\"dispositions\":{},\"occurredAt\":null,\"recordedAt\":null}");
    }

    @Test
    void aDeliberationsOwnWordsAreHowItsTablesAreReadAndAnotherDeliberationReadsAsBefore() {
        open(D);
        open(PLAIN);
        // without words of its own, nit is no type: the table is refused as before
        Raw plain = importCsv(PLAIN);
        assertThat(plain.status()).as(plain.text()).isEqualTo(400);
        List<String> errors = new ArrayList<>();
        plain.json().get("errors").forEach(e -> errors.add(e.get("row").asInt() + "|" + e.get("column").asText() + "|"
                + e.get("reason").asText()));
        assertThat(errors).containsExactly(
                "2|Type of comment|'nit' is not ge (general), te (technical) or ed (editorial)",
                "3|Type of comment|'DISCUSS' is not ge (general), te (technical) or ed (editorial)",
                "4|Type of comment|'質問' is not ge (general), te (technical) or ed (editorial)");

        long before = storedEvents();
        Reply set = put("sato", D, """
                {"types":{"nit":"EDITORIAL","discuss":"CHANGE_REQUEST","質問":"QUESTION","要望":"REMARK"},
                 "dispositions":{"対応済み":"ACCEPTED","対応済":"ACCEPTED","Addressed":"answered"},
                 "occurredAt":"2021-01-01T00:00:00Z"}""");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().get("types").toString())
                .isEqualTo("{\"nit\":\"EDITORIAL\",\"discuss\":\"CHANGE_REQUEST\",\"質問\":\"QUESTION\",\"要望\":\"REMARK\"}");
        assertThat(set.body().get("dispositions").toString())
                .isEqualTo("{\"対応済み\":\"ACCEPTED\",\"対応済\":\"ACCEPTED\",\"Addressed\":\"ANSWERED\"}");
        assertThat(set.body().get("occurredAt").asText()).isEqualTo("2021-01-01T00:00:00Z");
        assertThat(storedEvents()).isEqualTo(before + 1);
        // the same words again record nothing
        assertThat(put("sato", D, """
                {"types":{"nit":"EDITORIAL","discuss":"CHANGE_REQUEST","質問":"QUESTION","要望":"REMARK"},
                 "dispositions":{"対応済み":"ACCEPTED","対応済":"ACCEPTED","Addressed":"ANSWERED"}}""").status()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before + 1);
        assertThat(get("/api/deliberations/" + D + "/table-vocabulary").body().get("types").toString())
                .isEqualTo(set.body().get("types").toString());
        // as of before it was set, the deliberation had no words of its own
        assertThat(get("/api/deliberations/" + D + "/table-vocabulary?at=2020-06-01T00:00:00Z").body().get("types").toString())
                .isEqualTo("{}");

        Raw r = importCsv(D);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("responses").asInt()).isEqualTo(3);
        // the one flag is the new commenter: no disposition was left unread
        assertThat(r.json().get("flags")).hasSize(1);
        assertThat(r.json().get("flags").get(0).get("reason").asText())
                .isEqualTo("'Ann Lee' is no participant: registered as a new public commenter (ann-lee)");
        List<String> got = new ArrayList<>();
        for (JsonNode c : get("/api/deliberations/" + D + "/comments").body()) {
            JsonNode t = get("/api/comments/" + c.get("commentId").asText()).body();
            got.add(c.get("kind").asText() + "|" + (t.get("responses").isEmpty() ? "-"
                    : t.get("responses").get(0).get("disposition").asText() + "|" + t.get("responses").get(0).get("text").asText()));
        }
        assertThat(got).containsExactly("EDITORIAL|ACCEPTED|Fixed", "CHANGE_REQUEST|ANSWERED|Rewritten",
                "QUESTION|ACCEPTED|ご指摘のとおりです", "QUESTION|-");

        // the import page shows the words, in Japanese
        dev.shingi.pages.PageReader sato = new dev.shingi.pages.PageReader(port).signedInAs("sato");
        sato.language = "ja";
        var page = sato.get("/deliberations/" + D + "/import/table");
        List<String> words = new ArrayList<>();
        page.html().select("#vocabulary tbody tr").forEach(tr -> words.add(tr.select("[data-field=word]").text() + "="
                + tr.select("[data-field=means]").text()));
        assertThat(words).containsExactly("nit=種類：形式的修正", "discuss=種類：修正意見", "質問=種類：質問", "要望=種類：所感",
                "対応済み=対応区分：反映", "対応済=対応区分：反映", "Addressed=対応区分：回答（修正不要）");
        assertThat(sato.get("/deliberations/" + PLAIN + "/import/table").text("[data-vocabulary=none]"))
                .startsWith("この審議独自の語は登録されていません。");
    }
}
