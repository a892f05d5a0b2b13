package dev.shingi.pages;

import dev.shingi.testing.Http;
import dev.shingi.testing.TestDatabase;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat's whole journey through the pages alone, in Japanese, on an empty ledger (no demo): the admin opens
 * a deliberation and registers its people, the secretary records a meeting, publishes the draft and makes it members
 * only, a member comments, the secretary answers with a promise and keeps it in a revision, downloads the disposition
 * table with the browser's session (a stranger gets nothing), imports the next meeting's minutes, and the admin
 * downloads a backup. Every page on the way says no English sentence and fits a phone; the main steps work from the
 * keyboard alone.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretariatJourneyBrowserTest extends BrowserTest {
    static final Map<String, String> STORE = TestDatabase.fresh("journey");
    static final String ID = "bousai-2024";
    static final String BASE = "/deliberations/" + ID;
    static final String FIRST = "避難所の記載について、福祉避難所も明記すべき。";
    static final String SECOND = "備蓄品の数量の根拠を示していただきたい。";
    static final String IMPORTED = "要配慮者の名簿の更新時期を明記すべき。";
    /** Every page the journey showed (its path) and the English sentences found on them. */
    static final Set<String> VISITED = new LinkedHashSet<>();
    static final List<String> ENGLISH = new ArrayList<>();
    static String firstComment;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shingi.demo.enabled", () -> "false");
    }

    @Test
    @Order(1)
    void theSecretariatWalksTheWholeJourneyInJapanese() throws Exception {
        Browser b = browser();
        signIn("admin");
        assertThat(b.all("tr[data-deliberation]")).as("an empty ledger").isEmpty();
        openDeliberation(b);
        register(b, "sato", "佐藤", "企画官", "SECRETARIAT");
        register(b, "tsuta", "蔦", "", "MEMBER");
        assertThat(b.all("tbody tr").size()).isEqualTo(2);

        signIn("sato");
        recordMeeting(b);
        publishDraft(b);
        b.open(BASE + "/settings");
        seen();
        b.find("input[name=publiclyReadable][value=false]").click();
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.text(".notice")).isEqualTo("この審議は出席者だけが閲覧できるようになりました。");

        signIn("tsuta");
        firstComment = raise(b, "CHANGE_REQUEST", "12", FIRST);
        String second = raise(b, "QUESTION", "20", SECOND);
        assertThat(b.text("[data-anchor]")).isEqualTo("p.20");

        signIn("sato");
        respond(b, firstComment);
        revise(b);
        b.open(BASE);
        seen();
        assertThat(counts(b)).isEqualTo("comments=2 unanswered=1 responses=1 made=1 open=0 versions=2");
        assertThat(b.text("[data-count=unanswered-comments]")).isEqualTo("1");
        b.driver.get(second);
        assertThat(b.text("h1 .badge")).isEqualTo("未回答");

        downloadDisposition(b);
        importMinutes(b);

        signIn("admin");
        b.open("/admin");
        seen();
        Download backup = fetch(b, b.find("a#export").getAttribute("href"));
        assertThat(backup.status()).isEqualTo(200);
        assertThat(backup.body()).contains("\"" + ID + "\"", FIRST, IMPORTED);

        assertThat(ENGLISH).as("English sentences on the journey's Japanese pages").isEmpty();
        assertThat(VISITED).hasSizeGreaterThan(12);
    }

    @Test
    @Order(2)
    void noPageOfTheJourneyScrollsSidewaysOnAPhone() {
        assertThat(VISITED).isNotEmpty();
        signIn("admin");
        List<String> pages = VISITED.stream().filter(p -> !p.endsWith("/preview")).toList();
        assertThat(pages).hasSize(VISITED.size() - 1);
        assertThat(sideways(375, 812, pages)).as("pages that scroll sideways at 375px").isEmpty();
    }

    @Test
    @Order(3)
    void aMemberCommentsAndTheSecretaryAnswersFromTheKeyboardAlone() {
        Browser b = browser();
        signIn("tsuta");
        b.open(BASE + "/comments/new");
        assertThat(b.firstTabStop()).isEqualTo("skip");
        tabTo(b, "kind");
        b.active().sendKeys("質問"); // a select picks the option its typed label starts with
        assertThat(b.find("#kind").getAttribute("value")).isEqualTo("QUESTION");
        tabTo(b, "text");
        b.active().sendKeys("訓練の実施回数は年何回を想定していますか。");
        tabTo(b, null, "button");
        submitByKey(b, Keys.ENTER);
        assertThat(b.text("p.notice")).isEqualTo("意見を記録しました。");
        String thread = b.url();

        signIn("sato");
        b.driver.get(thread);
        tabTo(b, null, "a[href$='/respond']");
        submitByKey(b, Keys.ENTER);
        tabTo(b, "disposition");
        // the radio group: arrows move between its choices, Space checks the one reached
        while (!"ANSWERED".equals(b.active().getAttribute("value"))) {
            b.active().sendKeys(Keys.ARROW_DOWN);
        }
        b.active().sendKeys(Keys.SPACE);
        tabTo(b, "text");
        b.active().sendKeys("年２回を想定しています。");
        tabTo(b, null, "button:not([name]):not(.visually-hidden)");
        b.active().sendKeys(Keys.SHIFT, Keys.TAB); // back and forth: Shift+Tab is a way through the form too
        b.active().sendKeys(Keys.TAB);
        submitByKey(b, Keys.SPACE);
        assertThat(b.url()).isEqualTo(thread);
        assertThat(b.text("p.notice")).isEqualTo("回答を記録しました。");
        assertThat(b.text(".response .text")).isEqualTo("年２回を想定しています。");
        assertThat(b.text("h1 .badge")).isEqualTo("回答済み");
    }

    private void openDeliberation(Browser b) {
        b.open("/deliberations/new");
        seen();
        b.type("#deliberationId", ID);
        b.type("#title", "地域防災計画（素案）");
        b.type("#body", "市防災会議");
        b.setValue("#occurredAt", "2024-06-01T10:00");
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.url()).endsWith(BASE);
        assertThat(b.text(".notice")).isEqualTo("審議を開始しました。続いて出席者を登録してください。");
    }

    private void register(Browser b, String id, String name, String title, String role) {
        b.open(BASE + "/participants");
        seen();
        b.type("#participantId", id);
        b.type("#name", name);
        b.type("#title", title);
        b.select("#role", role);
        b.setValue("#occurredAt", "2024-06-01T10:00");
        b.clickAndWait("#register-form button[type=submit]");
        assertThat(b.text(".notice")).isEqualTo("出席者を登録しました。");
        assertThat(b.find("tbody").getText()).contains(name);
    }

    private void recordMeeting(Browser b) {
        b.open(BASE + "/meetings/new");
        seen();
        b.type("#meetingId", "meeting-1");
        b.type("#number", "1");
        b.type("#title", "第1回検討会");
        b.setValue("#startsAt", "2024-06-24T14:00");
        b.setValue("#endsAt", "2024-06-24T16:00");
        b.type("#venue", "WEB開催");
        for (WebElement box : b.all("input[name=attendeeIds]")) {
            box.click();
        }
        b.clickAndWait("form.record button[type=submit]:not([name])");
        assertThat(b.text(".notice")).isEqualTo("会合を記録しました。");
        assertThat(b.find("li[data-meeting=meeting-1]").getText()).contains("第1回検討会", "WEB開催");
    }

    private void publishDraft(Browser b) {
        b.open(BASE + "/drafts/new");
        seen();
        assertThat(b.find("#version").getAttribute("value")).isEqualTo("1");
        b.type("#title", "地域防災計画（素案）");
        b.type("#materialNumber", "資料1-1");
        b.type("#pageCount", "40");
        b.setValue("#occurredAt", "2024-06-20T10:00");
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.text(".notice")).isEqualTo("案を配布として記録しました。");
    }

    /** Raises a comment on v1, page {@code page}, as the one signed in; returns its thread's address. */
    private String raise(Browser b, String kind, String page, String text) {
        b.open(BASE + "/comments/new");
        seen();
        b.select("#kind", kind);
        // by the name's end: the anchor's fields are being renamed to anchor.pageFrom
        b.type("[name$='pageFrom']", page);
        b.type("#text", text);
        b.clickAndWait("form.record button[type=submit]");
        seen();
        assertThat(b.text("p.notice")).isEqualTo("意見を記録しました。");
        assertThat(b.text("[data-comment-text]")).isEqualTo(text);
        return b.url();
    }

    private void respond(Browser b, String thread) {
        b.driver.get(thread);
        b.clickAndWait("a[href$='/respond']");
        seen();
        b.find("input[name=disposition][value=ACCEPTED]").click();
        b.type("#text", "ご指摘を踏まえ、福祉避難所を追記します。");
        b.select("select[name='commitments[0].kind']", "REVISE_DRAFT");
        b.type("input[name='commitments[0].description']", "福祉避難所を12ページに追記する");
        b.clickAndWait("form.record button[type=submit]:not([name]):not(.visually-hidden)");
        seen();
        assertThat(b.url()).isEqualTo(thread);
        assertThat(b.text("p.notice")).isEqualTo("回答を記録しました。");
        assertThat(b.find(".response tr[data-commitment='#1.1']").getText()).contains("福祉避難所を12ページに追記する", "未了");
        assertThat(b.text("h1 .badge")).isEqualTo("対応待ち");
    }

    private void revise(Browser b) {
        b.open(BASE + "/revisions/new");
        seen();
        assertThat(b.find("#version").getAttribute("value")).isEqualTo("2");
        b.type("#title", "地域防災計画（案）");
        b.type("#changes", "12ページに福祉避難所を追記");
        WebElement row = b.find("tr[data-fulfil='#1.1']");
        row.findElement(By.cssSelector("input[type=checkbox]")).click();
        row.findElement(By.cssSelector("input[type=number]")).sendKeys("12");
        // the second comment is still unanswered: the readiness gate asks why the revision goes ahead
        b.type("#overrideReason", "#2 は次回会合で回答する。");
        b.clickAndWait("form.record button[type=submit]");
        seen();
        assertThat(b.url()).endsWith(BASE + "/versions");
        assertThat(b.text("p.notice")).isEqualTo("改訂を登録しました。");
        assertThat(b.find("#v2").getText()).contains("#1.1", "福祉避難所を12ページに追記する", "p.12");
        b.driver.get(firstComment);
        assertThat(b.text("h1 .badge")).isEqualTo("対応完了");
    }

    private void downloadDisposition(Browser b) throws Exception {
        b.open(BASE + "/versions/1/disposition");
        seen();
        for (String format : List.of("csv", "html")) {
            String href = b.find("a[data-report=" + format + "]").getAttribute("href");
            Download mine = fetch(b, href);
            assertThat(mine.status()).as(format).isEqualTo(200);
            assertThat(mine.body()).as(format).contains(FIRST, SECOND, "ご指摘を踏まえ、福祉避難所を追記します。");
            if (format.equals("html")) {
                assertThat(mine.body()).contains("第2版は未解決の項目を残して確定されました。理由：#2 は次回会合で回答する。");
            }
            HttpResponse<String> stranger = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stranger.statusCode()).as("anonymous " + format).isEqualTo(401);
            assertThat(stranger.body()).as("anonymous " + format).doesNotContain(FIRST);
        }
    }

    private void importMinutes(Browser b) {
        b.open("/import/minutes");
        seen();
        b.type("#text", MINUTES);
        b.clickAndWait("form.record button[type=submit]");
        seen();
        assertThat(b.find("textarea[name='comments[0].text']").getAttribute("value")).contains("要配慮者の名簿");
        assertThat(b.all("textarea[name$='.text'][name^='comments']")).hasSize(1);
        b.screenshot("minutes-preview-ja");
        // the preview is a POST's answer, which the phone check cannot open again: it is looked at here
        b.resize(375, 812);
        assertThat(b.sidewaysOverflow()).as("the preview at 375px: " + b.pastTheRightEdge()).isLessThanOrEqualTo(0);
        b.resize(1280, 900);
        b.type("#deliberationId", ID);
        b.type("#draftVersion", "1");
        b.clickAndWait("form.record button[type=submit]");
        seen();
        assertThat(b.url()).endsWith(BASE);
        assertThat(counts(b)).isEqualTo("comments=3 unanswered=1 responses=2 made=2 open=1 versions=2");
        assertThat(b.find("#commitments").getText()).contains("#3.1");
        assertThat(b.find("#members").getText()).contains("蔦");
        b.open(BASE + "/comments");
        seen();
        assertThat(b.find("main").getText()).contains(FIRST, SECOND, IMPORTED);
    }

    /** A minute-taker's summary of the second meeting, the way the ministries write them (meeting-10.md). */
    static final String MINUTES = """
            地域防災計画検討会（第２回）
            議事要旨

            １．日時
            令和６年７月８日（月）１０：００～１２：００
            ２．場所
            WEB開催
            ３．出席者
            【構成員】
            蔦構成員
            【事務局】
            佐藤企画官
            ４．配布資料
            資料２－１ 地域防災計画（素案）
            ５．議事概要
            (1) 開会
            (2) 議事
            事務局から資料２－１について説明が行われた。

            蔦構成員）
            　８ページについて、要配慮者の名簿の更新時期を明記すべき。

            佐藤企画官）
            　ご指摘を踏まえ、更新時期を追記したい。

            (3) 閉会
            以上
            """;

    private static String counts(Browser b) {
        List<String> out = new ArrayList<>();
        for (String name : List.of("comments", "unanswered", "responses", "made", "open", "versions")) {
            out.add(name + "=" + b.text("dd[data-count=" + name + "]"));
        }
        return String.join(" ", out);
    }

    record Download(int status, String body) {
    }

    /** GETs a URL from the page's own script, so with the browser's session cookie, as a click on the link would. */
    @SuppressWarnings("unchecked")
    private static Download fetch(Browser b, String url) {
        Map<String, Object> r = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.text().then(t => done({status: r.status, body: t})))
                  .catch(e => done({status: -1, body: String(e)}));""", url);
        return new Download(((Number) r.get("status")).intValue(), (String) r.get("body"));
    }

    /** Signs in afresh as a demo account and chooses Japanese (the choice is a cookie, which signing out cleared). */
    private void signIn(String user) {
        Browser b = browser();
        b.logOut();
        b.logIn(user, Http.PASSWORD);
        b.open("/?lang=ja");
        assertThat(b.find("html").getAttribute("lang")).isEqualTo("ja");
        seen();
    }

    /** Notes the page shown: its path, for the phone check, and any English sentence on it. */
    private void seen() {
        Browser b = browser();
        String path = URI.create(b.url()).getRawPath();
        String query = URI.create(b.url()).getRawQuery();
        String page = query == null || query.contains("lang=") ? path : path + "?" + query;
        if (VISITED.add(page)) {
            for (String sentence : JapanesePagesScanTest.english(Jsoup.parse(b.driver.getPageSource()).body())) {
                ENGLISH.add(page + ": " + sentence);
            }
        }
    }

    /** Tabs forward until the focus is on the control of that name (or matching that selector). */
    private static void tabTo(Browser b, String name, String... css) {
        List<String> trail = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            WebElement e = b.active();
            trail.add(e.getTagName() + "#" + e.getAttribute("id") + "[" + e.getAttribute("name") + "]");
            if (name != null ? name.equals(e.getAttribute("name"))
                    : !b.all(css[0]).isEmpty() && b.all(css[0]).contains(e)) {
                return;
            }
            e.sendKeys(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reached " + (name != null ? name : css[0]) + ": " + trail);
    }

    private static void submitByKey(Browser b, CharSequence key) {
        b.markPage();
        b.active().sendKeys(key);
        b.waitForNewPage();
    }
}
