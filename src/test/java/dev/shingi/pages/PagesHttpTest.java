package dev.shingi.pages;

import dev.shingi.testing.LedgerHttp;

import org.junit.jupiter.api.Test;

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
import java.util.UUID;
import java.util.stream.Collectors;

import dev.shingi.pages.PageReader.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over plain HTTP, without a browser (PagesBrowserTest drives Chromium): what they show of the demo at
 * each moment, the time slider's shareable URLs, both languages, escaping, error pages, sign-in, CSRF and the access
 * policy on the forms. Writes go to a deliberation of their own, so the demo's numbers stay as other tests expect.
 */
class PagesHttpTest extends LedgerHttp {
    static final String D = "/deliberations/ict-cyber-2024";

    /** A reader of this server's pages with a cookie jar of his own. */
    PageReader reader() {
        return new PageReader(port);
    }

    private static List<String> openCommitments(Page page) {
        return page.all("#commitments tr.commitment", "data-commitment");
    }

    @Test
    void theHomePageListsThePublicDemoWithWhatItStillNeeds() {
        Page home = reader().get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text("tr[data-deliberation=ict-cyber-2024] td[data-count=unanswered]")).isEqualTo("0");
        assertThat(home.text("tr[data-deliberation=ict-cyber-2024] td[data-count=open]")).isEqualTo("8");
        assertThat(home.text("tr[data-deliberation=ict-cyber-2024] td[data-count=overdue]")).isEqualTo("0");
        assertThat(home.text("tr[data-deliberation=ict-cyber-2024] th a")).isEqualTo("ICT サイバーセキュリティ政策の中期重点方針（案）");
        assertThat(home.html().select("link[rel=icon]").attr("href")).isEqualTo("/favicon.ico");
        assertThat(reader().get("/favicon.ico").status()).isEqualTo(200);
    }

    @Test
    void theDashboardShowsWhatIsOutstandingWhoRaisedAndAnsweredWhatAndWhereTheDraftDrewComments() {
        Page p = reader().get(D);
        assertThat(openCommitments(p)).containsExactly("#5.1", "#6.1", "#8.1", "#9.1", "#12.1", "#15.1", "#16.1", "#17.1");
        assertThat(p.text("tr[data-commitment='#12.1']")).contains("Revise the draft", "ISMAP-LIUの方向性を記載",
                "佐藤 企画官");
        assertThat(p.text("#unanswered .empty")).isEqualTo("Every comment that needs an answer has one.");
        assertThat(p.text("#members tbody tr:contains(蔦 構成員) td:eq(1)")).isEqualTo("4");
        assertThat(p.text("#responders tbody tr th")).isEqualTo("佐藤 企画官");
        assertThat(p.text("#responders tbody tr td:eq(1)")).isEqualTo("17");
        assertThat(p.text("#pages tr[data-page=19] .bar-value")).isEqualTo("2"); // #5 (pp.18–19) and #6 (p.19)
        assertThat(p.text("#versions")).contains("v2", "example");
    }

    @Test
    void theMomentInTheUrlTurnsTheDashboardBackOnBothClocks() {
        PageReader r = reader();
        assertThat(openCommitments(r.get(D + "?at=2024-06-24T13:00%2B09:00"))).isEmpty();
        assertThat(openCommitments(r.get(D + "?at=2024-06-24T17:00%2B09:00"))).hasSize(14);
        Page midMeeting = r.get(D + "?at=2024-06-24T14:20%2B09:00");
        assertThat(midMeeting.all("#unanswered tr.unanswered", "data-comment")).containsExactly("#1", "#2", "#3", "#4", "#5");
        Page before = r.get(D + "?knownAt=2020-01-01T00:00Z");
        assertThat(before.text("#not-yet")).isEqualTo("At this moment the ledger had no record of this deliberation.");
        // links on a page keep its moment
        assertThat(midMeeting.html().select("a[href^=/comments/ict-cyber-2024-c1?]").attr("href"))
                .isEqualTo("/comments/ict-cyber-2024-c1?at=2024-06-24T14:20%2B09:00");
        Page thread = r.get("/comments/ict-cyber-2024-c1?at=2024-06-24T14:00%2B09:00");
        assertThat(thread.text("#not-yet")).isEqualTo("At this moment the ledger had no record of comment #1.");
    }

    @Test
    void theSliderFormLeadsToAShareableUrlWithTheApisParameters() {
        PageReader r = reader();
        Page moved = r.get(D + "/comments?author=tsuta&atLocal=2024-06-24T13%3A00&knownAtLocal=&p=3");
        assertThat(moved.status()).isEqualTo(302);
        assertThat(moved.location()).isEqualTo(D + "/comments?at=2024-06-24T13:00%2B09:00&author=tsuta");
        Page recorded = r.get(D + "?atLocal=2024-06-24T17%3A00&recorded=on&knownAtLocal=2020-01-01T09%3A00%3A00");
        assertThat(recorded.location()).isEqualTo(D + "?at=2024-06-24T17:00%2B09:00&knownAt=2020-01-01T09:00%2B09:00");
        Page switchedOff = r.get(D + "?atLocal=2024-06-24T17%3A00&knownAtLocal=2020-01-01T09%3A00%3A00&afterEvent=5");
        assertThat(switchedOff.location()).isEqualTo(D + "?at=2024-06-24T17:00%2B09:00");
        assertThat(r.get(D + "?at=2024-06-24T17:00%2B09:00&now=1").location()).isEqualTo(D);
        // what a reader types into the address bar: an unencoded '+' arrives as a space, and still means the offset
        assertThat(openCommitments(r.get(D + "?at=2024-06-24T17:00+09:00"))).hasSize(14);
    }

    @Test
    void pagesSpeakJapaneseOrEnglishAsTheReaderAsksAndKeepTheChoice() {
        PageReader r = reader();
        r.language = "ja,en;q=0.8";
        Page ja = r.get(D);
        assertThat(ja.html().select("html").attr("lang")).isEqualTo("ja");
        assertThat(ja.text("#commitments-title")).startsWith("未了の対応事項");
        assertThat(ja.text("tr[data-commitment='#5.1'] .kind")).isEqualTo("案外の対応");
        r.language = "fr";
        assertThat(r.get(D).html().select("html").attr("lang")).isEqualTo("en");
        r.get(D + "?lang=ja"); // the switch
        Page kept = r.get(D + "/versions");
        assertThat(kept.html().select("html").attr("lang")).isEqualTo("ja");
        assertThat(kept.text("h1")).isEqualTo("案の変遷");
        assertThat(kept.html().select(".lang a[hreflang=en]").attr("href")).isEqualTo(D + "/versions?lang=en");
        // the history's sentences too, from the bundles; the comment's own words stay as recorded
        Page thread = r.get("/comments/ict-cyber-2024-c1");
        assertThat(thread.html().select("#history li .event-type").eachText()).startsWith("意見", "回答", "対応事項");
        assertThat(thread.text("#history li:eq(0)")).contains("蔦が#1（修正意見）を第1版 p.15 について提出：本年、経済安全保障推進法");
        assertThat(thread.text("#history li:eq(1)")).contains("佐藤が#1に回答（反映）：法改正について脚注で追記する。");
        assertThat(thread.text("#history li:eq(2)")).contains("対応事項 #1.1（案の修正、担当 佐藤）：経済安全保障推進法の改正");
        r.get(D + "?lang=en");
        assertThat(r.get("/comments/ict-cyber-2024-c1").text("#history li:eq(0)"))
                .contains("蔦 raised #1 (Change request) on v1 p.15: 本年、経済安全保障推進法");
    }

    @Test
    void anAdministratorOpensADeliberationFromThePagesAndMistakesComeBackBesideTheirFields() throws Exception {
        assertThat(reader().get("/deliberations/new").location()).endsWith("/login");
        assertThat(reader().signedInAs("tsuta").get("/deliberations/new").status()).isEqualTo(403);
        assertThat(reader().signedInAs("sato").get("/").html().select("a[href=/deliberations/new]")).isEmpty();

        PageReader admin = reader().signedInAs("admin");
        admin.language = "ja";
        assertThat(admin.get("/").html().select("a[href=/deliberations/new]").text()).isEqualTo("審議を開始する");
        Page form = admin.get("/deliberations/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text("h1")).isEqualTo("審議の開始");
        long stored = storedEvents();
        Page bad = admin.submit("/deliberations/new", "/deliberations/new",
                Map.of("deliberationId", "has space", "title", " ", "occurredAt", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("[data-error-for=deliberationId]")).isEqualTo("半角英数字と「_」「-」だけを使ってください（100文字以内）。");
        assertThat(bad.text("[data-error-for=title]")).isEqualTo("入力してください。");
        assertThat(bad.html().select("#deliberationId").val()).isEqualTo("has space");
        Page taken = admin.submit("/deliberations/new", "/deliberations/new",
                Map.of("deliberationId", "ict-cyber-2024", "title", "同じID", "occurredAt", ""));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.text("[data-error-for=deliberationId]")).isEqualTo("このIDの記録はすでにあります。");
        assertThat(storedEvents()).isEqualTo(stored);

        String id = "opened-" + UUID.randomUUID().toString().substring(0, 8);
        Page opened = admin.submit("/deliberations/new", "/deliberations/new", Map.of("deliberationId", id,
                "title", "地域防災計画（素案）", "body", "市防災会議", "occurredAt", "2024-06-01T10:00"));
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).isEqualTo("/deliberations/" + id);
        Page dashboard = admin.get(opened.location());
        assertThat(dashboard.text(".notice")).isEqualTo("審議を開始しました。続いて出席者を登録してください。");
        assertThat(dashboard.text("h1")).contains("地域防災計画（素案）");
        // members-only until the secretariat says otherwise: read with the administrator's own session
        var detail = new com.fasterxml.jackson.databind.ObjectMapper().readTree(admin.get("/api/deliberations/" + id).raw())
                .get("summary");
        assertThat(detail.get("openedAt").asText()).isEqualTo("2024-06-01T01:00:00Z");
        assertThat(detail.get("body").asText()).isEqualTo("市防災会議");

        // then its people, on the page the notice points to
        String people = "/deliberations/" + id + "/participants";
        assertThat(dashboard.html().select("a[href=" + people + "]").text()).isEqualTo("出席者");
        assertThat(admin.get(people).text(".empty")).isEqualTo("まだ誰も登録されていません。");
        Page early = admin.submit(people, people, Map.of("participantId", "yamada", "name", "山田", "role", "CHAIR",
                "occurredAt", "2024-05-01T10:00"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text("[data-error-for=occurredAt]")).isEqualTo("審議の開始より前の日時です。審議の記録は開始以降の日時でなければなりません。");
        Page registered = admin.submit(people, people, Map.of("participantId", "yamada", "name", "山田", "role", "CHAIR",
                "title", "座長", "affiliation", "市立大学", "occurredAt", "2024-06-01T10:00"));
        assertThat(registered.status()).isEqualTo(302);
        Page list = admin.get(people);
        assertThat(list.text(".notice")).isEqualTo("出席者を登録しました。");
        assertThat(list.text("tr[data-participant=yamada]")).isEqualTo("山田 主査 座長 市立大学 yamada");
        Page twice = admin.submit(people, people, Map.of("participantId", "yamada2", "name", "山田", "role", "MEMBER",
                "occurredAt", ""));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text("[data-error-for=name]")).isEqualTo("同じ氏名の出席者がすでに登録されています。");
        Page badId = admin.submit(people, people, Map.of("participantId", "山田", "name", "別の山田", "role", "MEMBER",
                "occurredAt", ""));
        assertThat(badId.text("[data-error-for=participantId]")).isEqualTo("半角英数字と「_」「-」だけを使ってください（100文字以内）。");
        // its secretariat publishes the draft as circulated
        assertThat(admin.submit(people, people, Map.of("participantId", "sato", "name", "佐藤", "role", "SECRETARIAT",
                "occurredAt", "2024-06-01T10:00")).status()).isEqualTo(302);
        PageReader secretary = reader().signedInAs("sato");
        secretary.language = "ja";
        String drafts = "/deliberations/" + id + "/drafts/new";
        assertThat(secretary.get("/deliberations/" + id + "/versions").html().select("a[href=" + drafts + "]").text())
                .isEqualTo("案を配布する");
        assertThat(secretary.get(drafts).html().select("#version").val()).isEqualTo("1");
        Page published = secretary.submit(drafts, drafts, Map.of("version", "1", "title", "素案", "materialNumber",
                "資料1", "pageCount", "40", "occurredAt", "2024-06-10T10:00"));
        assertThat(published.status()).isEqualTo(302);
        assertThat(published.location()).isEqualTo("/deliberations/" + id + "/versions");
        Page versions = secretary.get(published.location());
        assertThat(versions.text(".notice")).isEqualTo("案を配布として記録しました。");
        assertThat(versions.all("li.version", "data-version")).containsExactly("1");
        Page again = secretary.submit(drafts, drafts, Map.of("version", "1", "title", "再び", "occurredAt", ""));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("[data-error-for=version]")).isEqualTo("この版の番号はすでに使われています。");
        assertThat(reader().signedInAs("tsuta").get(drafts).status()).isEqualTo(403);

        // the secretariat reads the list and may give a participant an alias, but is offered no form to register
        // anyone: registering people is the administrator's
        PageReader sato = reader().signedInAs("sato");
        assertThat(sato.get("/deliberations/ict-cyber-2024/participants").html().select("#register-form")).isEmpty();
        assertThat(sato.get("/deliberations/ict-cyber-2024/participants").html().select("form#alias-form")).hasSize(1);
        assertThat(sato.get("/deliberations/ict-cyber-2024/participants").html().select("tr[data-participant=sato]")).hasSize(1);
    }

    @Test
    void theIllustrativeRevisionIsLabelledAsAnExampleWhereverItAppears() {
        PageReader r = reader();
        Page versions = r.get(D + "/versions");
        assertThat(versions.text("#v2 .example-banner")).startsWith("Illustrative example — not part of the record.");
        assertThat(versions.text("#v2 h2 .badge.example")).isEqualTo("example");
        assertThat(versions.html().select("#v1 .example-banner")).isEmpty();
        assertThat(r.get("/comments/ict-cyber-2024-c1").text("tr[data-commitment='#1.1'] .kept-by")).isEqualTo("v2example");
        assertThat(r.get(D + "/versions/1/disposition").text(".example-banner")).startsWith("v2 is an illustrative example");
        assertThat(r.get(D).text("#versions .badge.example")).isEqualTo("example");
    }

    @Test
    void badMomentsAndUnknownRecordsArePagesInTheReadersLanguage() {
        PageReader r = reader();
        Page bad = r.get(D + "?at=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).startsWith("<!DOCTYPE html>");
        assertThat(bad.text(".detail")).isEqualTo("at: not a date and time; write it as 2024-06-24T14:00+09:00.");
        r.language = "ja";
        Page unknown = r.get("/comments/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("h1")).isEqualTo("見つかりません");
        // the details too are the bundles', never the exception's English
        assertThat(unknown.text(".detail")).isEqualTo("指定された意見はありません。");
        assertThat(r.get(D + "?at=yesterday").text(".detail"))
                .isEqualTo("at：日時として読み取れません。2024-06-24T14:00+09:00 の形で指定してください。");
        assertThat(r.get(D + "?knownAt=2024-06-24T14:00%2B09:00&afterEvent=3").text(".detail"))
                .isEqualTo("afterEvent：「記録時点」とログ位置は、どちらか一方だけを指定してください。");
        assertThat(r.get("/deliberations/nope").status()).isEqualTo(404);
        Page wrongType = r.get(D + "/comments?status=LOST&p=x");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text(".detail")).isEqualTo("status：「LOST」を読み取れません。");
    }

    @Test
    void formsAskAnonymousReadersToSignInAndRefuseAPostWithoutItsCsrfToken() {
        PageReader anonymous = reader();
        Page form = anonymous.get("/comments/ict-cyber-2024-c8/respond");
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.location()).endsWith("/login");
        Page post = anonymous.post("/comments/ict-cyber-2024-c8/respond", Map.of("text", "x"));
        assertThat(post.status()).isIn(302, 403);

        long stored = storedEvents();
        PageReader sato = reader().signedInAs("sato");
        Page noToken = sato.post("/comments/ict-cyber-2024-c18/respond",
                Map.of("responderId", "sato", "disposition", "NOTED", "text", "Thank you."));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /**
     * A signed-out reader is shown the forms (sending one asks them to sign in); each form's CSRF token needs a session,
     * and a page streamed out was already committed before its first form asked for one: it came cut off mid-way.
     */
    @Test
    void aLongPageWithFormsReachesASignedOutReaderWhole() {
        Page page = reader().get("/deliberations/ict-cyber-2024/participants");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().strip()).endsWith("</html>");
        assertThat(page.html().select("form#alias-form input[name=_csrf]")).hasSize(1);
    }

    @Test
    void formsRecordTheSameCommandsAsTheApiEscapeWhatIsTypedAndShowRefusalsNextToTheField() {
        String id = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"草案「テスト」","body":"ページの試験"}""".formatted(id)).status()).isEqualTo(201);
        for (String[] p : new String[][]{{"sato", "佐藤", "SECRETARIAT"}, {"tsuta", "蔦", "MEMBER"}}) {
            assertThat(admin("/api/deliberations/" + id + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s"}""".formatted(p[0], p[1], p[2])).status()).isEqualTo(201);
        }
        assertThat(post("/api/deliberations/" + id + "/drafts", """
                {"version":1,"title":"草案","pageCount":10}""").status()).isEqualTo(201);
        String base = "/deliberations/" + id;

        // members-only: an anonymous reader is sent to sign in, an outsider is refused, and neither sees it listed
        assertThat(reader().get(base).location()).endsWith("/login");
        assertThat(reader().get("/").html().select("tr[data-deliberation=" + id + "]")).isEmpty();
        PageReader outsider = reader().signedInAs(OUTSIDER);
        assertThat(outsider.get(base).status()).isEqualTo(403);

        // a member raises a comment; what was typed comes back as text
        PageReader tsuta = reader().signedInAs("tsuta");
        Page authors = tsuta.get(base + "/comments/new");
        assertThat(authors.all("#authorId option[value]:not([value=''])", "value")).containsExactly("tsuta");
        Page pastTheEnd = tsuta.submit(base + "/comments/new", base + "/comments/new", Map.of("authorId", "tsuta",
                "draftVersion", "1", "kind", "QUESTION", "anchor.pageFrom", "12", "text", "Where is p.12?"));
        assertThat(pastTheEnd.status()).isEqualTo(400);
        assertThat(pastTheEnd.text("[data-error-for='anchor.pageTo']")).isEqualTo("This page is past the end of the draft version.");
        String typed = "<script>alert('x')</script> 脚注の出典は？";
        Page raised = tsuta.submit(base + "/comments/new", base + "/comments/new", Map.of("authorId", "tsuta",
                "draftVersion", "1", "kind", "QUESTION", "anchor.pageFrom", "3", "anchor.footnote", "2", "text", typed));
        assertThat(raised.status()).isEqualTo(302);
        String thread = raised.location();
        Page shown = tsuta.get(thread);
        assertThat(shown.text("[data-comment-text]")).isEqualTo(typed);
        assertThat(shown.raw()).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
        assertThat(shown.text("[data-anchor]")).isEqualTo("p.3 fn.2");
        // the page's report links work with the page's own session; the API's writes never do (they take no CSRF token)
        String report = "/api" + base + "/disposition?version=1&format=csv";
        assertThat(tsuta.get(report).status()).isEqualTo(200);
        assertThat(tsuta.get(report).raw()).contains("脚注の出典は？");
        assertThat(reader().get(report).status()).isEqualTo(401);
        assertThat(outsider.get(report).status()).isEqualTo(403);
        assertThat(tsuta.post("/api" + base + "/visibility", Map.of("publiclyReadable", "true")).status()).isEqualTo(401);
        assertThat(shown.text("[data-comment-text]")).isEqualTo(get("/api/comments/" + thread.substring(thread.lastIndexOf('/') + 1))
                .body().get("comment").get("text").asText());

        // a correction shows the old and the new record side by side
        String commentId = thread.substring(thread.lastIndexOf('/') + 1);
        assertThat(post("/api/comments/" + commentId + "/corrections", """
                {"anchor":{"pageFrom":4,"footnote":"2"},"reason":"The minutes say p.4","correctedBy":"sato"}""").status())
                .isEqualTo(201);
        Page corrected = tsuta.get(thread);
        assertThat(corrected.text("[data-anchor]")).isEqualTo("p.4 fn.2");
        assertThat(corrected.text("#corrections td.old")).isEqualTo("p.3 fn.2");
        assertThat(corrected.text("#corrections td.new")).isEqualTo("p.4 fn.2");
        assertThat(corrected.text("#corrections tbody tr")).contains("The minutes say p.4", "佐藤");

        // a member may not answer; the secretariat may, and its mistakes come back next to the field
        assertThat(tsuta.get(thread + "/respond").status()).isEqualTo(403);
        PageReader sato = reader().signedInAs("sato");
        sato.language = "ja";
        Page empty = sato.submit(thread + "/respond", thread + "/respond", Map.of("responderId", "sato"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("[data-error-for=text]")).isEqualTo("入力してください。");
        assertThat(empty.text("[data-error-for=disposition]")).isEqualTo("選択してください。");
        Page badKind = sato.submit(thread + "/respond", thread + "/respond", Map.of("responderId", "sato",
                "disposition", "MAYBE", "text", "x"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.text("[data-error-for=disposition]"))
                .isEqualTo("回答の区分を「反映」「検討」「回答（修正不要）」「承知」「反映せず」から選んでください。");
        Page answered = sato.submit(thread + "/respond", thread + "/respond", Map.of("responderId", "sato",
                "disposition", "ACCEPTED", "text", "出典を追記します。",
                "commitments[0].kind", "REVISE_DRAFT", "commitments[0].description", "脚注2に出典を追記",
                "commitments[0].dueDate", "2020-01-31"));
        assertThat(answered.status()).isEqualTo(302);
        assertThat(answered.location()).isEqualTo(thread);
        Page after = sato.get(thread);
        assertThat(after.text(".notice")).isEqualTo("回答を記録しました。");
        assertThat(after.text(".response .text")).isEqualTo("出典を追記します。");
        assertThat(after.text(".response tr[data-commitment='#1.1']")).contains("脚注2に出典を追記", "2020年1月31日", "期限超過");
        Page dashboard = sato.get(base);
        assertThat(openCommitments(dashboard)).containsExactly("#1.1");
        assertThat(dashboard.html().select("tr.commitment.overdue")).hasSize(1);
        assertThat(dashboard.text("#commitments .alarm-text")).isEqualTo("期限超過 1 件");
    }
}
