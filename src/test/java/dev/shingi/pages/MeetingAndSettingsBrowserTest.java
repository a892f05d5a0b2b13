package dev.shingi.pages;

import dev.shingi.testing.Http;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
class MeetingAndSettingsBrowserTest extends BrowserTest {
    static final Map<String, String> STORE = TestDatabase.fresh("meetings");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
    }

    private String openDeliberation() throws Exception {
        String id = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api("admin", "/api/deliberations", """
                {"deliberationId":"%s","title":"地域防災計画（素案）","body":"市防災会議","occurredAt":"2024-06-01T10:00:00+09:00"}"""
                .formatted(id))).isEqualTo(201);
        for (String[] p : new String[][]{{"sato", "佐藤", "SECRETARIAT"}, {"tsuta", "蔦", "MEMBER"}}) {
            assertThat(api("admin", "/api/deliberations/" + id + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s","occurredAt":"2024-06-01T10:00:00+09:00"}"""
                    .formatted(p[0], p[1], p[2]))).isEqualTo(201);
        }
        return id;
    }

    private static String active(Browser b) {
        return b.active().getAttribute("id");
    }

    @Test
    void theSecretariatRecordsAMeetingInJapaneseFromTheKeyboardAndBothPagesAreLabelledAndFitAPhone() throws Exception {
        String base = "/deliberations/" + openDeliberation();
        Browser b = browser();
        b.logIn("sato", Http.PASSWORD);
        for (String path : List.of(base + "/meetings/new?lang=en", base + "/settings?lang=en",
                base + "/settings?lang=ja", base + "/meetings/new?lang=ja")) {
            b.open(path);
            assertThat(b.unlabelled()).as("controls without a label on " + path).isEmpty();
            assertThat(b.all("form.record input, form.record select")).as("a form on " + path).isNotEmpty();
            assertThat(b.firstTabStop()).as(path).isEqualTo("skip");
        }
        assertThat(b.find("h1").getText()).isEqualTo("会合の記録");

        // from the keyboard: the id, then TAB to each next field in the order they read
        b.find("#meetingId").click();
        b.active().sendKeys("m1");
        b.active().sendKeys(Keys.TAB);
        assertThat(active(b)).isEqualTo("number");
        b.active().sendKeys("1", Keys.TAB);
        assertThat(active(b)).isEqualTo("title");
        b.active().sendKeys("第1回会合");
        b.setValue("#startsAt", "2024-06-24T14:00"); // date-time inputs take no reliable keystrokes
        b.setValue("#endsAt", "2024-06-24T16:00");
        b.find("#venue").sendKeys("市役所　大会議室", Keys.TAB);
        assertThat(b.active().getAttribute("name")).isEqualTo("attendeeIds");
        b.active().sendKeys(Keys.TAB);
        b.active().sendKeys(Keys.SPACE); // tick the second: 蔦
        b.active().sendKeys(Keys.TAB);
        assertThat(active(b)).isEqualTo("materials0.number");
        b.active().sendKeys("資料1-1", Keys.TAB);
        b.active().sendKeys("素案の概要");
        b.markPage();
        b.active().sendKeys(Keys.ENTER);
        b.waitForNewPage();
        assertThat(b.url()).endsWith(base + "#meetings");
        assertThat(b.find(".notice").getText()).isEqualTo("会合を記録しました。");
        assertThat(b.find("li[data-meeting=m1]").getText()).contains("第1回会合").contains("市役所　大会議室");

        // a phone's width: no sideways scrolling on either page
        assertThat(sideways(360, 800, List.of(base + "/meetings/new", base + "/settings", base)))
                .as("pages that scroll sideways").isEmpty();
        b.resize(360, 800);
        b.open(base + "/meetings/new");
        b.screenshot("form-meeting-phone");
        b.resize(1280, 900);
    }
}
