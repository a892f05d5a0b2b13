package dev.shingi.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.pages.PageReader.Page;
import dev.shingi.testing.LedgerHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comment pages beyond raising and answering, over HTTP against the running app: the secretariat corrects a
 * comment's or a response's record, the commenter (or the secretariat on their behalf) reopens an answered comment,
 * and a comment raised with lines, an element and a proposed change shows them on its thread. Refusals come back
 * beside the form in Japanese, with nothing stored.
 */
class CommentCorrectionPagesTest extends LedgerHttp {
    private String deliberation;

    /** A deliberation of each test's own: sato (secretariat), tsuta and goto (members), a draft of 10 pages. */
    @BeforeEach
    void ownDeliberation() {
        deliberation = "correct-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"訂正の試験","body":"試験","occurredAt":"2024-06-01T09:00:00+09:00"}""".formatted(deliberation)).status()).isEqualTo(201);
        for (String[] p : new String[][]{{"sato", "佐藤", "SECRETARIAT"}, {"tsuta", "蔦", "MEMBER"}, {"goto", "後藤", "MEMBER"}}) {
            assertThat(admin("/api/deliberations/" + deliberation + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s","occurredAt":"2024-06-01T10:00:00+09:00"}"""
                    .formatted(p[0], p[1], p[2])).status()).isEqualTo(201);
        }
        assertThat(post("/api/deliberations/" + deliberation + "/drafts", """
                {"version":1,"title":"素案","pageCount":10,"occurredAt":"2024-06-10T10:00:00+09:00"}""").status())
                .isEqualTo(201);
    }

    private PageReader as(String user) {
        PageReader r = new PageReader(port).signedInAs(user);
        r.language = "ja";
        return r;
    }

    /** A question of tsuta's on p.3, raised through the API at 14:00 on 24 June 2024; returns the thread's path. */
    private String question() {
        String id = deliberation + "-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(post("/api/deliberations/" + deliberation + "/comments", """
                {"commentId":"%s","authorId":"tsuta","draftVersion":1,"anchor":{"pageFrom":3},"kind":"QUESTION",
                 "text":"出典は何か。","occurredAt":"2024-06-24T14:00:00+09:00"}""".formatted(id)).status()).isEqualTo(201);
        return "/comments/" + id;
    }

    private void answer(String thread, String responseId) {
        answer(thread, responseId, "2024-06-24T15:00:00+09:00");
    }

    private void answer(String thread, String responseId, String at) {
        assertThat(post("/api" + thread + "/responses", """
                {"responseId":"%s","responderId":"sato","disposition":"ACCEPTED","text":"追記します。",
                 "occurredAt":"%s"}""".formatted(responseId, at)).status()).isEqualTo(201);
    }

    private JsonNode api(String thread) {
        return get("/api" + thread).body();
    }

    private static Map<String, String> fields(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    @Test
    void theSecretariatCorrectsACommentsAnchorKindAndTimeAndTheThreadShowsOldAndNewInJapanese() {
        String thread = question();
        PageReader sato = as("sato");
        Page form = sato.get(thread + "/correct");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text("h1")).isEqualTo("意見 #1 の記録の訂正");
        assertThat(form.text("tr[data-field=kind] td.current")).isEqualTo("質問");
        assertThat(form.text("tr[data-field='anchor.pageFrom'] td.current")).isEqualTo("3");
        assertThat(form.text("tr[data-field='anchor.lineFrom'] td.current")).isEqualTo("—");
        assertThat(form.text("tr[data-field=recordOccurredAt] td.current")).isEqualTo("2024年6月24日 14:00");
        assertThat(form.html().select("#correctedBy option[selected]").val()).isEqualTo("sato");
        assertThat(form.all("#correctedBy option[value]:not([value=''])", "value")).containsExactly("sato");
        assertThat(form.all("#authorId option[value]:not([value=''])", "value")).containsExactly("sato", "tsuta", "goto");

        Page done = sato.submit(thread + "/correct", thread + "/correct", fields("responseId", "",
                "anchor.pageFrom", "5", "anchor.lineFrom", "10", "anchor.lineTo", "12", "kind", "CHANGE_REQUEST",
                "recordOccurredAt", "2024-06-24T13:30", "text", "", "authorId", "",
                "reason", "議事録では5頁・修正意見", "correctedBy", "sato", "occurredAt", "2024-07-01T10:00"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).isEqualTo(thread);
        Page shown = sato.get(thread);
        assertThat(shown.text(".notice")).isEqualTo("記録を訂正しました。");
        assertThat(shown.text("[data-anchor]")).isEqualTo("p.5 ll.10–12");
        assertThat(shown.text(".facts div:has(dt:contains(種別)) dd")).isEqualTo("修正意見");
        assertThat(shown.all("#corrections tbody tr", "data-field")).containsExactly("anchor", "kind", "occurredAt");
        assertThat(shown.text("#corrections tr[data-field=anchor] th")).isEqualTo("該当箇所");
        assertThat(shown.text("#corrections tr[data-field=anchor] td.old")).isEqualTo("p.3");
        assertThat(shown.text("#corrections tr[data-field=anchor] td.new")).isEqualTo("p.5 ll.10–12");
        assertThat(shown.text("#corrections tr[data-field=kind] th")).isEqualTo("種別");
        assertThat(shown.text("#corrections tr[data-field=kind] td.old")).isEqualTo("質問");
        assertThat(shown.text("#corrections tr[data-field=kind] td.new")).isEqualTo("修正意見");
        assertThat(shown.text("#corrections tr[data-field=occurredAt] th")).isEqualTo("日時");
        assertThat(shown.text("#corrections tr[data-field=occurredAt] td.old")).isEqualTo("2024年6月24日 14:00");
        assertThat(shown.text("#corrections tr[data-field=occurredAt] td.new")).isEqualTo("2024年6月24日 13:30");
        assertThat(shown.text("#corrections tr[data-field=kind]")).contains("議事録では5頁・修正意見", "佐藤");
        // the page sent what the API would: the whole anchor, corrected where a box was filled
        JsonNode anchor = api(thread).get("comment").get("anchor");
        assertThat(anchor.get("pageFrom").asInt()).isEqualTo(5);
        assertThat(anchor.get("pageTo").asInt()).isEqualTo(5);
        assertThat(anchor.get("lineTo").asInt()).isEqualTo(12);
        assertThat(api(thread).get("comment").get("kind").asText()).isEqualTo("CHANGE_REQUEST");
    }

    @Test
    void aResponsesResponderAndDispositionAreCorrectedAsTheResponsesFieldsWithNamesAndLabels() {
        String thread = question();
        answer(thread, "r1");
        PageReader sato = as("sato");
        Page form = sato.get(thread + "/correct?responseId=r1");
        assertThat(form.html().select("table.correct").attr("data-record")).isEqualTo("r1");
        assertThat(form.all("table.correct tbody tr", "data-field"))
                .containsExactly("authorId", "disposition", "text", "recordOccurredAt");
        assertThat(form.all("#authorId option[value]:not([value=''])", "value")).containsExactly("sato");
        assertThat(form.text("tr[data-field=disposition] td.current")).isEqualTo("反映");
        Page done = sato.submit(thread + "/correct?responseId=r1", thread + "/correct", fields("responseId", "r1",
                "disposition", "CONSIDERING", "text", "検討します。", "reason", "議事録の聞き違い", "correctedBy", "sato"));
        assertThat(done.status()).isEqualTo(302);
        Page shown = sato.get(thread);
        assertThat(shown.text("#corrections tr[data-field=disposition] td:eq(0)")).isEqualTo("回答");
        assertThat(shown.text("#corrections tr[data-field=disposition] th")).isEqualTo("対応方針");
        assertThat(shown.text("#corrections tr[data-field=disposition] td.old")).isEqualTo("反映");
        assertThat(shown.text("#corrections tr[data-field=disposition] td.new")).isEqualTo("検討");
        assertThat(shown.text("#corrections tr[data-field=text] th")).isEqualTo("本文");
        assertThat(shown.text("#corrections tr[data-field=text] td.new")).isEqualTo("検討します。");
        assertThat(shown.text(".response .text")).isEqualTo("検討します。");
    }

    @Test
    void aCorrectionThatChangesNothingComesBackWithTheReasonAndStoresNothing() {
        String thread = question();
        PageReader sato = as("sato");
        long stored = storedEvents();
        Page empty = sato.submit(thread + "/correct", thread + "/correct", fields("responseId", "",
                "reason", "念のため", "correctedBy", "sato"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("[data-global-error]"))
                .isEqualTo("訂正する内容がありません。少なくとも一つの項目に新しい値を入力してください。");
        assertThat(empty.html().select("#reason").text()).isEqualTo("念のため");
        // the value the record already has is no change either
        Page same = sato.submit(thread + "/correct", thread + "/correct", fields("kind", "QUESTION",
                "anchor.pageFrom", "3", "reason", "念のため", "correctedBy", "sato"));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.text("[data-global-error]"))
                .isEqualTo("訂正する内容がありません。少なくとも一つの項目に新しい値を入力してください。");
        Page noReason = sato.submit(thread + "/correct", thread + "/correct", fields("kind", "REMARK",
                "reason", " ", "correctedBy", "sato"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("[data-error-for=reason]")).isEqualTo("入力してください。");
        Page backwards = sato.submit(thread + "/correct", thread + "/correct", fields("anchor.lineFrom", "9",
                "anchor.lineTo", "4", "reason", "行", "correctedBy", "sato"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text("[data-error-for='anchor.lineTo']")).isEqualTo("終わりの行が始めの行より前です。");
        // a response's fields on the comment: the rule names the record
        Page wrongRecord = sato.submit(thread + "/correct", thread + "/correct", fields("disposition", "NOTED",
                "reason", "x", "correctedBy", "sato"));
        assertThat(wrongRecord.status()).isEqualTo(400);
        assertThat(wrongRecord.text("[data-error-for=responseId]"))
                .isEqualTo("この記録にはその項目がありません。意見には対応方針がなく、回答には該当箇所と種別がありません。");
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(api(thread).get("corrections")).isEmpty();
    }

    @Test
    void onlyTheSecretariatIsOfferedAndMayOpenTheCorrectionPage() {
        String thread = question();
        PageReader tsuta = as("tsuta");
        assertThat(tsuta.get(thread + "/correct").status()).isEqualTo(403);
        assertThat(tsuta.get(thread).html().select("a[href=" + thread + "/correct]")).isEmpty();
        assertThat(as("sato").get(thread).html().select("a[href=" + thread + "/correct]").text()).isEqualTo("記録を訂正");
        assertThat(new PageReader(port).get(thread + "/correct").location()).endsWith("/login");
    }

    @Test
    void theCommenterReopensAnAnsweredCommentAndTheSecretariatDoesSoOnTheirBehalf() {
        String thread = question();
        PageReader tsuta = as("tsuta");
        assertThat(tsuta.get(thread).html().select("a[href=" + thread + "/reopen]")).isEmpty(); // nothing to reopen yet
        answer(thread, "r1");
        assertThat(tsuta.get(thread).html().select("a[href=" + thread + "/reopen]").text()).isEqualTo("再開");
        assertThat(as("goto").get(thread).html().select("a[href=" + thread + "/reopen]")).isEmpty();
        assertThat(as("goto").get(thread + "/reopen").status()).isEqualTo(403);
        Page form = tsuta.get(thread + "/reopen");
        assertThat(form.text("h1")).isEqualTo("意見 #1 の再開");
        assertThat(form.all("#participantId option[value]:not([value=''])", "value")).containsExactly("tsuta");
        Page reopened = tsuta.submit(thread + "/reopen", thread + "/reopen", fields("participantId", "tsuta",
                "text", "表4も古い。", "occurredAt", "2024-06-25T10:00"));
        assertThat(reopened.status()).isEqualTo(302);
        assertThat(reopened.location()).isEqualTo(thread);
        Page shown = tsuta.get(thread);
        assertThat(shown.text(".notice")).isEqualTo("意見を再開しました。改めて回答が必要です。");
        assertThat(shown.html().select("a[href=" + thread + "/reopen]")).isEmpty();
        assertThat(api(thread).get("comment").get("status").asText()).isEqualTo("OPEN");
        assertThat(api(thread).get("history").get(2).get("type").asText()).isEqualTo("CommentReopened");
        assertThat(shown.text("#history li:last-child")).contains("蔦", "表4も古い。");

        answer(thread, "r2", "2024-06-25T15:00:00+09:00");
        PageReader sato = as("sato");
        Page onBehalf = sato.get(thread + "/reopen");
        assertThat(onBehalf.all("#participantId option[value]:not([value=''])", "value")).containsExactly("sato", "tsuta");
        Page again = sato.submit(thread + "/reopen", thread + "/reopen", fields("participantId", "tsuta",
                "text", "蔦構成員から電話で", "occurredAt", "2024-06-26T10:00"));
        assertThat(again.status()).isEqualTo(302);
        assertThat(api(thread).get("comment").get("status").asText()).isEqualTo("OPEN");
        assertThat(sato.get(thread).text("#history li:last-child")).contains("蔦構成員から電話で");
    }

    @Test
    void reopeningAnUnansweredCommentComesBackWithTheReasonAndStoresNothing() {
        String thread = question();
        PageReader sato = as("sato");
        long stored = storedEvents();
        Page refused = sato.submit(thread + "/reopen", thread + "/reopen", fields("participantId", "sato", "text", "x"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("[data-global-error]")).isEqualTo("再開する回答がありません。");
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(api(thread).get("comment").get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aCommentRaisedWithLinesAnElementAndAProposedChangeShowsThemOnItsThread() {
        PageReader tsuta = as("tsuta");
        String raise = "/deliberations/" + deliberation + "/comments/new";
        Page form = tsuta.get(raise);
        assertThat(form.text("label[for=anchor-lineFrom]")).isEqualTo("行（から）");
        assertThat(form.text("label[for=anchor-element]")).isEqualTo("段落・図・表");
        long stored = storedEvents();
        Page backwards = tsuta.submit(raise, raise, fields("authorId", "tsuta", "draftVersion", "1", "kind", "EDITORIAL",
                "anchor.lineFrom", "125", "anchor.lineTo", "120", "text", "表3の単位"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text("[data-error-for='anchor.lineTo']")).isEqualTo("終わりの行が始めの行より前です。");
        assertThat(backwards.html().select("#anchor-lineFrom").val()).isEqualTo("125");
        Page zero = tsuta.submit(raise, raise, fields("authorId", "tsuta", "draftVersion", "1", "kind", "EDITORIAL",
                "anchor.lineFrom", "0", "text", "表3の単位"));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.text("[data-error-for='anchor.lineFrom']")).isEqualTo("1以上の数を入力してください。");
        assertThat(storedEvents()).isEqualTo(stored);

        Page raised = tsuta.submit(raise, raise, fields("authorId", "tsuta", "draftVersion", "1", "kind", "EDITORIAL",
                "anchor.pageFrom", "2", "anchor.lineFrom", "120", "anchor.lineTo", "125", "anchor.element", "Table 3",
                "anchor.section", "5.2", "text", "表3の単位が誤り。", "proposedChange", "「%」を「ポイント」に改める。"));
        assertThat(raised.status()).isEqualTo(302);
        Page shown = tsuta.get(raised.location());
        assertThat(shown.text("[data-anchor]")).isEqualTo("p.2 §5.2 Table 3 ll.120–125");
        assertThat(shown.text("[data-proposed-change]")).isEqualTo("「%」を「ポイント」に改める。");
        assertThat(shown.text(".proposed-change h3")).isEqualTo("修正案");
        JsonNode comment = api(raised.location()).get("comment");
        assertThat(comment.get("anchor").get("lineTo").asInt()).isEqualTo(125);
        assertThat(comment.get("proposedChange").asText()).isEqualTo("「%」を「ポイント」に改める。");
    }
}
