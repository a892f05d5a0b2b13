package dev.shingi.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.pages.PageReader.Page;
import dev.shingi.testing.TransferHttp;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an answer is reopened and answered again, what it promised stays open and is shown as belonging to that earlier
 * answer: in the API (answerStanding), on the thread, the dashboard and the respond form, and in the disposition table;
 * nothing is moved to the new answer or closed without the secretariat deciding it.
 */
class EarlierAnswerCommitmentsTest extends TransferHttp {
    static final String D = "earlier-answer";
    static final String C = "earlier-answer-c1";

    @Test
    void aReopenedAnswersCommitmentStaysOpenAndIsShownAsTheEarlierAnswers() throws Exception {
        openDeliberation(D, 10);
        raise(D, C, "m1", 1, "{\"pageFrom\":3}", "CHANGE_REQUEST", "表3の数値が古い。");
        ok(post("/api/comments/" + C + "/responses", """
                {"responseId":"r1","responderId":"sato","disposition":"ACCEPTED","text":"直します。",
                 "commitments":[{"kind":"REVISE_DRAFT","description":"表3を直す"}]}"""));
        assertThat(standings(get("/api/comments/" + C).body())).containsExactly("#1.1=CURRENT");
        Thread.sleep(5);
        String beforeReopening = URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
        Thread.sleep(5);

        ok(post("/api/comments/" + C + "/reopening", """
                {"participantId":"m1","reason":"表4も古い。"}"""));
        assertThat(standings(get("/api/comments/" + C).body())).containsExactly("#1.1=REOPENED");
        JsonNode outstanding = get("/api/deliberations/" + D + "/outstanding").body();
        assertThat(outstanding.get("commitments").get(0).get("reference").asText()).isEqualTo("#1.1");
        assertThat(outstanding.get("commitments").get(0).get("status").asText()).isEqualTo("OPEN");
        assertThat(outstanding.get("commitments").get(0).get("answerStanding").asText()).isEqualTo("REOPENED");

        PageReader sato = new PageReader(port).signedInAs("sato");
        sato.language = "ja";
        Page form = sato.get("/comments/" + C + "/respond");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.all("#earlier-commitments li", "data-commitment")).containsExactly("#1.1");
        assertThat(form.text("#earlier-commitments h2")).isEqualTo("以前の回答の未了の対応事項");
        assertThat(form.text("#earlier-commitments")).contains("新しい回答には引き継がれず");

        ok(post("/api/comments/" + C + "/responses", """
                {"responseId":"r2","responderId":"sato","disposition":"ACCEPTED","text":"表3と表4を直します。",
                 "commitments":[{"kind":"REVISE_DRAFT","description":"表3と表4を直す"}]}"""));
        JsonNode thread = get("/api/comments/" + C).body();
        assertThat(standings(thread)).containsExactly("#1.1=SUPERSEDED", "#1.2=CURRENT");
        assertThat(openReferences(get("/api/deliberations/" + D + "/outstanding").body()))
                .as("the earlier promise is not closed by the new answer").containsExactly("#1.1", "#1.2");
        // the recorded clock turned back: before the reopening the first answer was the comment's answer
        assertThat(standings(get("/api/comments/" + C + "?knownAt=" + beforeReopening).body()))
                .containsExactly("#1.1=CURRENT");

        Page page = sato.get("/comments/" + C);
        assertThat(page.text("tr[data-commitment='#1.1'] .badge.earlier")).isEqualTo("以前の回答の対応事項");
        assertThat(page.html().select("tr[data-commitment='#1.2'] .badge.earlier")).isEmpty();
        assertThat(sato.get("/deliberations/" + D).text("#commitments tr[data-commitment='#1.1'] .badge.earlier"))
                .isEqualTo("以前の回答の対応事項");
        sato.language = "en";
        sato.get("/comments/" + C + "?lang=en");
        assertThat(sato.get("/comments/" + C).text("tr[data-commitment='#1.1'] .badge.earlier"))
                .isEqualTo("of an earlier answer");

        List<List<String>> rows = csv(raw("sato", "/api/deliberations/" + D + "/disposition?version=1&format=csv&lang=ja").text());
        assertThat(rows.get(1).get(7)).isEqualTo("#1.1 案の修正: 表3を直す（担当: 佐藤、未了）［以前の回答の対応事項］\n"
                + "#1.2 案の修正: 表3と表4を直す（担当: 佐藤、未了）");

        // closing the earlier promise is the secretariat's decision, recorded as any other (a revision's is waived)
        ok(post("/api/commitments/" + C + ".1/waiver", """
                {"participantId":"sato","reason":"表3と表4を直す（#1.2）に含めた。"}"""));
        assertThat(openReferences(get("/api/deliberations/" + D + "/outstanding").body())).containsExactly("#1.2");
        assertThat(sato.get("/comments/" + C + "/respond").status()).isNotEqualTo(500);
    }

    private static List<String> standings(JsonNode thread) {
        return stream(thread.get("responses")).flatMap(r -> stream(r.get("commitments")))
                .map(k -> k.get("reference").asText() + "=" + k.get("answerStanding").asText()).toList();
    }

    private static List<String> openReferences(JsonNode outstanding) {
        return stream(outstanding.get("commitments")).map(k -> k.get("reference").asText()).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
