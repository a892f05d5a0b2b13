package dev.shingi.pages;

import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat's meeting and settings pages in a real browser (headless Chromium): the meeting form filled in
 * Japanese from the keyboard, a label on every control, and both pages fit a phone's width. On a store and a
 * deliberation of their own.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeetingAndSettingsBrowserTest {
    static final Map<String, String> STORE = TestDatabase.fresh("meetings");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
    }

    static Browser browser;

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    Browser browser() {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        return browser;
    }

    private int admin(String path, String json) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String openDeliberation() throws Exception {
        String id = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"地域防災計画（素案）","body":"市防災会議","occurredAt":"2024-06-01T10:00:00+09:00"}"""
                .formatted(id))).isEqualTo(201);
        for (String[] p : new String[][]{{"sato", "佐藤", "SECRETARIAT"}, {"tsuta", "蔦", "MEMBER"}}) {
            assertThat(admin("/api/deliberations/" + id + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s","occurredAt":"2024-06-01T10:00:00+09:00"}"""
                    .formatted(p[0], p[1], p[2]))).isEqualTo(201);
        }
        return id;
    }

    private static String active(Browser b) {
        return b.driver.switchTo().activeElement().getAttribute("id");
    }

    @Test
    void theSecretariatRecordsAMeetingInJapaneseFromTheKeyboardAndBothPagesAreLabelledAndFitAPhone() throws Exception {
        String base = "/deliberations/" + openDeliberation();
        Browser b = browser();
        b.logIn("sato", "demo");
        for (String path : List.of(base + "/meetings/new?lang=en", base + "/settings?lang=en",
                base + "/settings?lang=ja", base + "/meetings/new?lang=ja")) {
            b.open(path);
            assertThat(unlabelled(b)).as("controls without a label on " + path).isEmpty();
            assertThat(b.all("form.record input, form.record select")).as("a form on " + path).isNotEmpty();
            b.find("body").sendKeys(Keys.TAB);
            assertThat(b.driver.switchTo().activeElement().getAttribute("class")).as(path).isEqualTo("skip");
        }
        assertThat(b.find("h1").getText()).isEqualTo("会合の記録");

        // from the keyboard: the id, then TAB to each next field in the order they read
        b.find("#meetingId").click();
        b.driver.switchTo().activeElement().sendKeys("m1");
        b.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(active(b)).isEqualTo("number");
        b.driver.switchTo().activeElement().sendKeys("1", Keys.TAB);
        assertThat(active(b)).isEqualTo("title");
        b.driver.switchTo().activeElement().sendKeys("第1回会合");
        b.setValue("#startsAt", "2024-06-24T14:00"); // date-time inputs take no reliable keystrokes
        b.setValue("#endsAt", "2024-06-24T16:00");
        b.find("#venue").sendKeys("市役所　大会議室", Keys.TAB);
        assertThat(b.driver.switchTo().activeElement().getAttribute("name")).isEqualTo("attendeeIds");
        b.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        b.driver.switchTo().activeElement().sendKeys(Keys.SPACE); // tick the second: 蔦
        b.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(active(b)).isEqualTo("materials0.number");
        b.driver.switchTo().activeElement().sendKeys("資料1-1", Keys.TAB);
        b.driver.switchTo().activeElement().sendKeys("素案の概要");
        b.markPage();
        b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        b.waitForNewPage();
        assertThat(b.url()).endsWith(base + "#meetings");
        assertThat(b.find(".notice").getText()).isEqualTo("会合を記録しました。");
        assertThat(b.find("li[data-meeting=m1]").getText()).contains("第1回会合").contains("市役所　大会議室");

        // a phone's width: no sideways scrolling on either page
        try {
            b.resize(360, 800);
            for (String path : List.of(base + "/meetings/new", base + "/settings", base)) {
                b.open(path);
                Number overflow = (Number) b.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow.intValue()).as("sideways overflow on " + path).isLessThanOrEqualTo(0);
            }
            b.open(base + "/meetings/new");
            b.screenshot("form-meeting-phone");
        } finally {
            b.resize(1280, 900);
        }
    }

    /** The visible form controls of the page that no label names (as PagesBrowserTest's). */
    @SuppressWarnings("unchecked")
    private static List<String> unlabelled(Browser b) {
        return (List<String>) b.script("""
                return [...document.querySelectorAll('input, select, textarea')]
                  .filter(e => e.type !== 'hidden' && !e.hidden && e.getAttribute('aria-hidden') !== 'true')
                  .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label'))
                  .map(e => e.name || e.id);""");
    }
}
