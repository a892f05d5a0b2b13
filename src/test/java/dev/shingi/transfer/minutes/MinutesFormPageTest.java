package dev.shingi.transfer.minutes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.pages.PageReader;
import dev.shingi.testing.LedgerHttp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minutes page's form, as a browser without JavaScript posts it: what the secretary changes in the fields is what
 * the ledger records, and a refused field comes back beside itself with nothing stored.
 */
class MinutesFormPageTest extends LedgerHttp {

    PageReader.Page previewed(PageReader admin) {
        PageReader.Page page = admin.submit("/import/minutes", "/import/minutes/preview",
                Map.of("text", MinutesImportTest.meetingTen()));
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        return page;
    }

    static Map<String, String> fields(PageReader.Page page, String deliberationId) {
        Map<String, String> f = MinutesImportTest.formFields(page.html());
        f.remove("_csrf"); // PageReader.submit adds the session's own
        f.put("deliberationId", deliberationId);
        f.put("title", "議事要旨の取込み（フォーム）");
        f.put("draftVersion", "1");
        return f;
    }

    static int answering(Map<String, String> f, String ref) {
        for (int i = 0; f.containsKey("responses[" + i + "].commentRef"); i++) {
            if (ref.equals(f.get("responses[" + i + "].commentRef"))) {
                return i;
            }
        }
        throw new AssertionError("no response answers " + ref);
    }

    @Test
    void theEditedFieldsAreWhatIsRecorded() {
        PageReader admin = new PageReader(port).signedInAs("admin");
        String id = "minutes-form-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> f = fields(previewed(admin), id);
        String edited = "15ページについて、改正経済安全保障推進法で港湾運送が基幹インフラ事業に加わった点を脚注に記載してはどうか。";
        f.put("comments[0].text", edited);
        // the answer the parser joined to c17 answers c18 instead
        int moved = answering(f, "c17");
        f.put("responses[" + moved + "].commentRef", "c18");

        PageReader.Page done = admin.submit("/import/minutes", "/import/minutes", f);
        assertThat(done.status()).as(done.raw()).isEqualTo(302);
        assertThat(done.location()).isEqualTo("/deliberations/" + id);

        JsonNode comments = getAs("admin", "/api/deliberations/" + id + "/comments").body();
        assertThat(comments).hasSize(18);
        List<String> texts = new ArrayList<>();
        comments.forEach(c -> texts.add(c.get("text").asText()));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            sent.add(f.get("comments[" + i + "].text"));
        }
        assertThat(texts).isEqualTo(sent);
        assertThat(texts.get(0)).isEqualTo(edited);

        JsonNode c1 = getAs("admin", "/api/comments/" + id + "-meeting-10-c1").body();
        assertThat(c1.get("comment").get("text").asText()).isEqualTo(edited);
        assertThat(c1.get("comment").get("author").get("name").asText()).isEqualTo("蔦");
        assertThat(c1.get("comment").get("anchorText").asText()).isEqualTo("p.15");
        assertThat(c1.get("comment").get("kind").asText()).isEqualTo("CHANGE_REQUEST");

        JsonNode c18 = getAs("admin", "/api/comments/" + id + "-meeting-10-c18").body();
        assertThat(c18.get("responses")).hasSize(1);
        JsonNode answer = c18.get("responses").get(0);
        assertThat(answer.get("text").asText()).isEqualTo(f.get("responses[" + moved + "].text"));
        assertThat(answer.get("responder").get("name").asText()).isEqualTo(f.get("responses[" + moved + "].responder"));
        assertThat(answer.get("disposition").asText()).isEqualTo(f.get("responses[" + moved + "].disposition"));
        JsonNode c17 = getAs("admin", "/api/comments/" + id + "-meeting-10-c17").body();
        assertThat(c17.get("responses")).isEmpty();
        assertThat(c17.get("comment").get("status").asText()).isEqualTo("OPEN"); // a remark no one answered
    }

    @Test
    void anEmptiedCommentTextComesBackBesideItsFieldAndNothingIsStored() {
        PageReader admin = new PageReader(port).signedInAs("admin");
        String id = "minutes-form-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> f = fields(previewed(admin), id);
        f.put("comments[2].text", "");
        long events = storedEvents();
        long comments = jdbc.queryForObject("select count(*) from comment_v", Long.class);

        PageReader.Page refused = admin.submit("/import/minutes", "/import/minutes", f);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("textarea[name=\"comments[2].text\"]").first().parent()
                .select(".field-error").text()).isEqualTo("Required.");
        assertThat(refused.html().select(".field-error").eachText()).containsExactly("Required.");
        // the rest of the form is as the secretary left it
        assertThat(refused.html().select("textarea[name=\"comments[3].text\"]").first().text())
                .isEqualTo(f.get("comments[3].text"));
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from comment_v", Long.class)).isEqualTo(comments);
        assertThat(getAs("admin", "/api/deliberations/" + id).status()).isEqualTo(404);
    }

    @Test
    void whatTheParserWasUnsureOfStaysHighlightedWithItsReasonAndRoundTrips() throws java.io.IOException {
        String text;
        try (java.io.InputStream in = getClass().getResourceAsStream("/minutes/wg-ambiguous.txt")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        PageReader admin = new PageReader(port).signedInAs("admin");
        PageReader.Page page = admin.submit("/import/minutes", "/import/minutes/preview", Map.of("text", text));
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.html().select("tr.uncertain[data-kind]")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.select(".reason").text()).isNotBlank());
        assertThat(page.html().select("tr.uncertain[data-kind=comment] .reason").eachText())
                .contains("Who raised c1 is unclear (speaker “田中構成員”).", "No answer to c1 (Change request) was found.");
        // the empty author is refused beside its field; the highlight and reasons survive the round trip
        PageReader.Page refused = admin.submit("/import/minutes", "/import/minutes", fields(page, "minutes-unsure"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("tr.uncertain .reason").eachText())
                .isEqualTo(page.html().select("tr.uncertain .reason").eachText());
        assertThat(refused.html().select("select[name=\"comments[0].author\"]").first().parent().select(".field-error").text())
                .isEqualTo("Empty: say who raised c1, or remove it.");

        // the same flags on the Japanese page, from the bundle, the comment kind by its label
        admin.language = "ja";
        PageReader.Page ja = admin.submit("/import/minutes", "/import/minutes/preview", Map.of("text", text));
        assertThat(ja.html().select("tr.uncertain[data-kind=comment] .reason").eachText())
                .contains("c1の発言者が不明です（発言者「田中構成員」）。", "c1（修正意見）への回答が見つかりません。");
        PageReader.Page refusedJa = admin.submit("/import/minutes", "/import/minutes", fields(ja, "minutes-unsure-ja"));
        assertThat(refusedJa.status()).isEqualTo(400);
        assertThat(refusedJa.html().select("select[name=\"comments[0].author\"]").first().parent().select(".field-error")
                .text()).isEqualTo("空欄です。c1の発言者を選ぶか、この意見を削除してください。");
    }

    @Test
    void aSecretaryOpensANewDeliberationThroughThePageAndIsItsSecretariat() {
        PageReader sato = new PageReader(port).signedInAs("sato");
        sato.language = "ja";
        PageReader.Page page = previewed(sato);
        Map<String, String> f = fields(page, "minutes-form-sato-" + UUID.randomUUID().toString().substring(0, 8));
        int satoRow = -1;
        for (int i = 0; f.containsKey("participants[" + i + "].name"); i++) {
            satoRow = "佐藤".equals(f.get("participants[" + i + "].name")) ? i : satoRow;
        }
        // the one 佐藤 registered already is proposed, in Japanese, and may be changed to a new person
        assertThat(page.html().select("select[name=\"participants[" + satoRow + "].participantId\"] option[selected]").text())
                .isEqualTo("佐藤（sato、登録済み）");
        assertThat(f.get("participants[" + satoRow + "].participantId")).isEqualTo("sato");

        // left a new person, the secretary would lock herself out: refused, in Japanese, above the participants
        long before = storedEvents();
        Map<String, String> unmarked = new java.util.LinkedHashMap<>(f);
        unmarked.put("participants[" + satoRow + "].participantId", "");
        PageReader.Page refused = sato.submit("/import/minutes", "/import/minutes", unmarked);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#participants-error").text()).startsWith("新しい審議 " + f.get("deliberationId")
                + " を開始します。事務局のうちどなたがあなたか（「あなた（sato）」）を選んでください。");
        assertThat(storedEvents()).isEqualTo(before);

        PageReader.Page done = sato.submit("/import/minutes", "/import/minutes", f);
        assertThat(done.status()).as(done.raw()).isEqualTo(302);
        JsonNode d = getAs("sato", "/api/deliberations/" + f.get("deliberationId")).body();
        List<String> secretariat = new ArrayList<>();
        d.get("participants").forEach(x -> {
            if (x.get("role").asText().equals("SECRETARIAT")) {
                secretariat.add(x.get("participantId").asText());
            }
        });
        assertThat(secretariat).contains("sato").hasSize(8);
    }
}
