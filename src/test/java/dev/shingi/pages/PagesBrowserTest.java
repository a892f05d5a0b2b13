package dev.shingi.pages;

import dev.shingi.testing.Http;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import dev.shingi.testing.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real browser (headless Chromium) against the running application on a fresh H2 file with the
 * reference deliberation: the numbers the demo promises, the time slider on both clocks, the forms (signed in through
 * /login as the demo's secretary), escaping, both languages, replay, keyboard and phone-width use. The methods run in
 * order: the first ones read the demo as loaded (and take the README's pictures), the later ones write and then undo what
 * changes its numbers.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest extends BrowserTest {
    static final String DASHBOARD = "/deliberations/ict-cyber-2024";
    /** A fresh store of its own (an H2 file, or a schema with -Ppostgres): these tests write to the demo. */
    static final Map<String, String> STORE = TestDatabase.fresh("pages");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
    }

    private List<String> openCommitments() {
        return browser().all("#commitments tr.commitment").stream()
                .map(r -> r.getAttribute("data-commitment")).toList();
    }

    private void showAt(String localDateTime) {
        Browser b = browser();
        b.setValue("#atLocal", localDateTime);
        b.clickAndWait("#slider-show");
    }

    @Test
    @Order(1)
    void theDemoDashboardShowsItsEightOpenCommitments() {
        Browser b = browser();
        b.open("/");
        assertThat(b.find("tr[data-deliberation=ict-cyber-2024] td[data-count=open]").getText()).isEqualTo("8");
        b.screenshot("home");
        b.clickAndWait("tr[data-deliberation=ict-cyber-2024] a");
        assertThat(b.url()).endsWith(DASHBOARD);
        assertThat(b.text("h1")).isEqualTo("ICT サイバーセキュリティ政策の中期重点方針（案）");
        assertThat(openCommitments()).containsExactly("#5.1", "#6.1", "#8.1", "#9.1", "#12.1", "#15.1", "#16.1", "#17.1");
        assertThat(b.text("[data-count=open-commitments]")).isEqualTo("8");
        assertThat(b.text("[data-count=unanswered-comments]")).isEqualTo("0");
        assertThat(b.find("tr[data-commitment='#5.1']").getText()).contains("佐藤 企画官");
        b.screenshot("dashboard");
        b.open("/comments/ict-cyber-2024-c3");
        b.screenshot("thread");
        b.open(DASHBOARD + "/versions/1/disposition");
        b.screenshot("disposition");
    }

    @Test
    @Order(2)
    void theTimeSliderShowsNothingBeforeTheMeetingAndFourteenAtItsEnd() {
        Browser b = browser();
        b.open(DASHBOARD);
        showAt("2024-06-24T13:00");
        assertThat(b.url()).endsWith(DASHBOARD + "?at=2024-06-24T13:00%2B09:00");
        assertThat(openCommitments()).isEmpty();
        assertThat(b.text("[data-count=comments]")).isEqualTo("0");
        assertThat(b.find("#commitments .empty").isDisplayed()).isTrue();

        showAt("2024-06-24T17:00");
        assertThat(b.url()).endsWith(DASHBOARD + "?at=2024-06-24T17:00%2B09:00");
        assertThat(openCommitments()).hasSize(14);
        assertThat(b.text(".moment")).contains("2024-06-24 17:00");

        // the URL is the moment: opened afresh (as someone it was shared with would), it shows the same
        String shared = b.url();
        b.open("/");
        b.driver.get(shared);
        assertThat(openCommitments()).hasSize(14);
        b.screenshot("dashboard-at-meeting-end");
    }

    @Test
    @Order(3)
    void theSliderMovesByKeyboardThroughWhatHappened() {
        Browser b = browser();
        b.open(DASHBOARD + "?at=2024-06-24T17:00%2B09:00");
        WebElement range = b.find("#at-range");
        assertThat(range.isDisplayed()).isTrue();
        range.sendKeys(Keys.HOME);
        assertThat(b.find("#atLocal").getAttribute("value")).isEqualTo("2024-06-16T10:00"); // a day before it opened
        b.markPage();
        range.sendKeys(Keys.ENTER);
        b.waitForNewPage();
        assertThat(b.find("#not-yet").isDisplayed()).isTrue();

        range = b.find("#at-range");
        range.sendKeys(Keys.END);
        assertThat(b.find("#atLocal").getAttribute("value")).isEmpty(); // the last notch is "now"
        b.markPage();
        range.sendKeys(Keys.ENTER);
        b.waitForNewPage();
        assertThat(b.url()).endsWith(DASHBOARD);
        assertThat(openCommitments()).hasSize(8);
    }

    @Test
    @Order(4)
    void asRecordedOnBeforeTheDemoWasLoadedTheLedgerKnewNothing() {
        Browser b = browser();
        b.open(DASHBOARD);
        assertThat(b.find("#knownAtLocal").isDisplayed()).isFalse(); // behind the switch
        b.find("#recorded").click();
        assertThat(b.find("#knownAtLocal").isDisplayed()).isTrue();
        b.setValue("#knownAtLocal", "2020-01-01T09:00:00");
        b.clickAndWait("#slider-show");
        assertThat(b.url()).contains("knownAt=2020-01-01T09:00%2B09:00");
        assertThat(b.find("#not-yet").isDisplayed()).isTrue();
        b.clickAndWait("#slider-now");
        assertThat(b.url()).endsWith(DASHBOARD);
        assertThat(openCommitments()).hasSize(8);
    }

    @Test
    @Order(5)
    void theLanguageSwitchesAndStays() {
        Browser b = browser();
        b.open(DASHBOARD);
        assertThat(b.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(b.text("#commitments-title")).startsWith("Open commitments");
        b.clickAndWait(".lang a[hreflang=ja]");
        assertThat(b.find("html").getAttribute("lang")).isEqualTo("ja");
        assertThat(b.text("#commitments-title")).startsWith("未了の対応事項");
        b.screenshot("dashboard-ja");
        b.open(DASHBOARD + "/versions"); // the choice is kept (a cookie), not only in the link
        assertThat(b.text("h1")).isEqualTo("案の変遷");
        assertThat(b.find("#v2 .example-banner").getText()).contains("例示");
        b.clickAndWait(".lang a[hreflang=en]");
        assertThat(b.text("h1")).isEqualTo("Draft evolution");
        assertThat(b.find("#v2 .example-banner").getText()).contains("Illustrative example");
        b.screenshot("versions");
    }

    @Test
    @Order(7)
    void aResponseSubmittedThroughTheFormShowsOnTheThread() {
        Browser b = browser();
        b.logIn("sato", Http.PASSWORD);
        String commentUrl = raise("tsuta", "QUESTION", "7", "3", "<script>document.title='pwned'</script> 脚注3の出典は？");
        assertThat(b.text("[data-comment-text]")).isEqualTo("<script>document.title='pwned'</script> 脚注3の出典は？");
        assertThat(b.driver.getTitle()).doesNotContain("pwned");
        assertThat(b.text("[data-anchor]")).isEqualTo("p.7 fn.3");

        b.clickAndWait("a[href$='/respond']");
        b.clickAndWait("form.record button[type=submit]:not([name]):not(.visually-hidden)");
        assertThat(b.find("[data-error-for=text]").getText()).isEqualTo("Please fill this in.");
        assertThat(b.find("[data-error-for=disposition]").getText()).isEqualTo("Please choose one.");
        assertThat(b.driver.switchTo().activeElement().getAttribute("data-error-summary")).isNotNull();

        b.find("input[name=disposition][value=ACCEPTED]").click();
        b.type("#text", "出典を追記します。");
        b.select("select[name='commitments[0].kind']", "REVISE_DRAFT");
        b.type("input[name='commitments[0].description']", "Add the source to footnote 3");
        b.clickAndWait("form.record button[type=submit]:not([name]):not(.visually-hidden)");
        assertThat(b.url()).isEqualTo(commentUrl);
        assertThat(b.text("p.notice")).isEqualTo("The response was recorded.");
        assertThat(b.text(".response .text")).isEqualTo("出典を追記します。");
        assertThat(b.text(".response")).contains("佐藤 企画官", "Accepted");
        assertThat(b.find(".response tr[data-commitment='#19.1']").getText()).contains("Add the source to footnote 3", "Open");

        b.open(DASHBOARD);
        assertThat(openCommitments()).contains("#19.1").hasSize(9);
    }

    @Test
    @Order(8)
    void aRevisionCommittedThroughTheFormKeepsTheCommitmentItWasTicked() {
        Browser b = browser();
        b.open(DASHBOARD + "/revisions/new?lang=ja");
        assertThat(b.find("#version").getAttribute("value")).isEqualTo("3");
        b.type("#title", "ICT サイバーセキュリティ政策の中期重点方針（案）第3版");
        b.type("#changes", "Source of footnote 3 added (p.7)");
        WebElement row = b.find("tr[data-fulfil='#19.1']");
        row.findElement(org.openqa.selenium.By.cssSelector("input[type=checkbox]")).click();
        row.findElement(org.openqa.selenium.By.cssSelector("input[type=number]")).sendKeys("7");
        row.findElement(org.openqa.selenium.By.cssSelector("input[name$='.footnote']")).sendKeys("3");
        b.clickAndWait("form.record button[type=submit]");
        // the readiness gate: #12.1 (revise the draft, p. 29) is still open and not ticked, so the form refuses, in
        // the page's language, listing it; with a reason the revision goes ahead
        assertThat(b.url()).contains(DASHBOARD + "/revisions/new");
        assertThat(b.find("[data-error-summary]").getText()).contains("記録されていません。");
        assertThat(b.find("[data-unresolved] li[data-item='ict-cyber-2024-c12.1']").getText())
                .isEqualTo("#12.1：第1版への意見の対応事項（案の修正、未完了）、29ページ");
        assertThat(b.find("[data-error-for=overrideReason]").getText()).isEqualTo("前の版への意見に未回答のもの、"
                + "またはこの改訂で反映するはずの対応事項に未完了のものがあります。回答するか、反映する対応事項を選ぶか、"
                + "そのまま確定する理由を記入してください。");
        b.type("#overrideReason", "#12.1 は次の版で反映する。");
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.url()).contains(DASHBOARD + "/versions");
        b.open(DASHBOARD + "/versions?lang=en");
        assertThat(b.find("#v3").getText()).contains("#19.1", "Add the source to footnote 3", "p.7 fn.3");

        b.open(DASHBOARD);
        assertThat(openCommitments()).doesNotContain("#19.1").hasSize(8);
    }

    @Test
    @Order(9)
    void commitmentsAreConcludedAndWaivedAndResponsesAcknowledgedThroughForms() {
        Browser b = browser();
        String url = raise("goto", "CHANGE_REQUEST", "30", "", "Mention the regional SECUNITY hubs.");
        b.clickAndWait("a[href$='/respond']");
        // every date box is as wide as what it shows (the date and the picker's button), in both languages
        for (String lang : List.of("ja", "en")) {
            b.driver.get(b.url().replaceAll("[?].*$", "") + "?lang=" + lang);
            Number cut = (Number) b.script("""
                    let worst = 0;
                    for (const input of document.querySelectorAll('input[type=date]')) {
                      const free = input.cloneNode();
                      free.style.cssText = 'max-width:none;width:auto;position:absolute;visibility:hidden';
                      document.body.appendChild(free);
                      worst = Math.max(worst, free.getBoundingClientRect().width - input.getBoundingClientRect().width);
                      free.remove();
                    }
                    return worst;""");
            assertThat(cut.doubleValue()).as("pixels cut off a date box (" + lang + ")").isLessThanOrEqualTo(0.5);
        }
        b.find("input[name=disposition][value=CONSIDERING]").click();
        b.type("#text", "検討します。");
        b.select("select[name='commitments[0].kind']", "CONSIDER");
        b.type("input[name='commitments[0].description']", "Consider the hubs");
        b.select("select[name='commitments[1].kind']", "ACTION");
        b.type("input[name='commitments[1].description']", "Ask the hubs for figures");
        b.clickAndWait("form.record button[type=submit]:not([name]):not(.visually-hidden)");
        assertThat(b.all(".response tr[data-commitment]")).hasSize(2);

        b.clickAndWait("tr[data-commitment='#20.1'] a[href$='/conclude']");
        b.type("#text", "Mentioned in the final text.");
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.url()).isEqualTo(url);
        assertThat(b.find("tr[data-commitment='#20.1']").getText()).contains("Concluded", "Mentioned in the final text.");

        b.clickAndWait("tr[data-commitment='#20.2'] a[href$='/waive']");
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.find("[data-error-for=text]").getText()).isEqualTo("Please fill this in.");
        b.type("#text", "The hubs publish their own figures.");
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.find("tr[data-commitment='#20.2']").getText()).contains("Waived");

        b.clickAndWait("a[href$='/acknowledge']");
        b.find("input[name=satisfied][value=true]").click();
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.text("#acknowledgements")).contains("後藤 主査", "Satisfied");

        b.open(DASHBOARD);
        assertThat(openCommitments()).hasSize(8);
    }

    @Test
    @Order(10)
    void aCommentIsWithdrawnAndFormErrorsSpeakThePageLanguage() {
        Browser b = browser();
        b.open(DASHBOARD + "/comments/new?lang=ja");
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.find("[data-error-for=text]").getText()).isEqualTo("入力してください。");
        assertThat(b.find("[data-error-for=kind]").getText()).isEqualTo("選択してください。");
        b.screenshot("form-errors-ja");
        b.open(DASHBOARD + "?lang=en");

        raise("uehara", "REMARK", "", "", "On reflection, nothing to add.");
        b.clickAndWait("a[href$='/withdraw']");
        b.select("#participantId", "uehara");
        b.type("#text", "Raised by mistake");
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.text("h1 .badge")).isEqualTo("Withdrawn");
        assertThat(b.all("a[href$='/withdraw']")).isEmpty();
    }

    @Test
    @Order(11)
    void replayPlaysTheDeliberationEventByEventWithTheCountsChanging() {
        Browser b = browser();
        b.logOut(); // replay is for every reader of a public deliberation
        b.open(DASHBOARD + "/replay");
        assertThat(b.text("#step-title")).startsWith("Event 1 of");
        assertThat(b.text("[data-current-summary]")).startsWith("Deliberation opened");
        assertThat(b.text("[data-count=comments]")).isEqualTo("0");
        String[] positions = b.find("#step-range").getAttribute("data-hrefs").split(",");

        // step by step: the step before the first comment, then the first comment is raised
        int first = firstCommentStep();
        b.open(DASHBOARD + "/replay?afterEvent=" + positions[first - 1]);
        assertThat(b.text("#step-title")).startsWith("Event " + first + " of");
        assertThat(b.text("[data-count=comments]")).isEqualTo("0");
        b.clickAndWait("a[rel=next]");
        assertThat(b.text("#step-title")).startsWith("Event " + (first + 1) + " of");
        assertThat(b.text("[data-current-summary]")).startsWith("蔦 raised #1");
        assertThat(b.text("[data-count=comments]")).isEqualTo("1");
        assertThat(b.text("[data-count=unanswered]")).isEqualTo("1");

        // play (very fast) until two more comments are in, then pause: it stays where it was paused
        b.clickAndWait(".speed a:last-of-type");
        b.clickAndWait("[data-play-link]");
        b.waitFor().until(d -> count(b, "comments") >= 3);
        for (int attempt = 0; attempt < 20 && b.url().contains("play=true"); attempt++) {
            try {
                b.find("[data-pause-link]").click();
            } catch (org.openqa.selenium.WebDriverException racedWithTheNextStep) {
                // the timer moved on first; pause on the next page
            }
            sleep(400);
        }
        assertThat(b.url()).doesNotContain("play=true");
        String paused = b.text("#step-title");
        assertThat(count(b, "comments")).isGreaterThanOrEqualTo(3);
        sleep(800);
        assertThat(b.text("#step-title")).isEqualTo(paused);

        b.clickAndWait(".steps a:last-child");
        assertThat(b.text("[data-count=open]")).isEqualTo("8");
        b.clickAndWait(".steps a:first-child");
        assertThat(b.text("[data-count=open]")).isEqualTo("0");
        b.open(DASHBOARD + "/replay?afterEvent=" + positions[50]);
        b.screenshot("replay");
    }

    /** The index (from 0) of the first CommentRaised in recorded order, from the API's replay cursor. */
    private int firstCommentStep() {
        try {
            var reply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/api" + DASHBOARD + "/timeline?after=0&limit=200"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            var events = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply.body());
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).get("type").asText().equals("CommentRaised")) {
                    return i;
                }
            }
            throw new AssertionError("no comment in the demo's timeline");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A count on the page, or -1 while the page is being replaced. */
    private static int count(Browser b, String name) {
        try {
            return Integer.parseInt(b.text("[data-count=" + name + "]"));
        } catch (RuntimeException betweenPages) {
            return -1;
        }
    }

    @Test
    @Order(12)
    void everyFormControlHasALabelAndTheKeyboardReachesTheContentFirst() {
        Browser b = browser();
        b.logIn("sato", Http.PASSWORD);
        for (String path : List.of(DASHBOARD, DASHBOARD + "/comments", DASHBOARD + "/versions", DASHBOARD + "/replay",
                "/comments/ict-cyber-2024-c3", DASHBOARD + "/comments/new", "/comments/ict-cyber-2024-c4/withdraw",
                "/comments/ict-cyber-2024-c4/acknowledge", DASHBOARD + "/revisions/new",
                "/commitments/ict-cyber-2024-c8.1/conclude", "/commitments/ict-cyber-2024-c8.1/waive")) {
            b.open(path);
            assertThat(b.unlabelled()).as("controls without a label on " + path).isEmpty();
            assertThat(b.firstTabStop()).as(path).isEqualTo("skip");
        }
        // the administrator's pages too, in both languages
        b.logOut();
        b.logIn("admin", Http.PASSWORD);
        for (String path : List.of("/deliberations/new?lang=ja", "/deliberations/new?lang=en",
                DASHBOARD + "/participants?lang=ja", DASHBOARD + "/participants?lang=en")) {
            b.open(path);
            assertThat(b.unlabelled()).as("controls without a label on " + path).isEmpty();
            assertThat(b.all("form.record input, form.record select")).as("a form on " + path).isNotEmpty();
        }
        b.logOut();
        b.logIn("sato", Http.PASSWORD);
        b.open(DASHBOARD + "/comments/new");
        b.screenshot("form-raise");
    }

    @Test
    @Order(6)
    void aPhoneWidthScreenNeedsNoSidewaysScrolling() {
        Browser b = browser();
        assertThat(sideways(390, 844, List.of("/", DASHBOARD, "/comments/ict-cyber-2024-c3", DASHBOARD + "/versions",
                DASHBOARD + "/replay", DASHBOARD + "/comments/new", DASHBOARD + "/participants")))
                .as("pages that scroll sideways").isEmpty();
        try {
            b.resize(390, 844);
            b.open(DASHBOARD);
            assertThat(openCommitments()).hasSize(8);
            b.screenshot("dashboard-phone");
        } finally {
            b.resize(1280, 900);
        }
    }

    /** Raises a comment through the form (signed in as the secretariat, on the member's behalf); returns its thread. */
    private String raise(String author, String kind, String page, String footnote, String text) {
        Browser b = browser();
        b.open(DASHBOARD + "/comments/new");
        b.select("#authorId", author);
        b.select("#kind", kind);
        if (!page.isEmpty()) {
            b.type("#anchor-pageFrom", page);
        }
        if (!footnote.isEmpty()) {
            b.type("#anchor-footnote", footnote);
        }
        b.type("#text", text);
        b.clickAndWait("form.record button[type=submit]");
        assertThat(b.url()).contains("/comments/");
        assertThat(b.text("p.notice")).isEqualTo("The comment was recorded.");
        return b.url();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
