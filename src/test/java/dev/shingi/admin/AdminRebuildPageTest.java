package dev.shingi.admin;

import dev.shingi.pages.PageReader;
import dev.shingi.platform.Ledger;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild started from /admin reaches its end, and the page says so. A store and application context of its own:
 * a rebuild empties the views, which the other page tests sharing LedgerHttp's context must not see half-filled, and
 * a store shared with another live context would have its views' claim held there (same node name, same JVM), so
 * this class does not extend LedgerHttp, whose store would then be registered too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminRebuildPageTest {
    static final Map<String, String> OWN_STORE = TestDatabase.fresh("admin-rebuild");

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        OWN_STORE.forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Test
    void aRebuildStartedFromThePageReachesItsEndAndThePageSaysSo() throws InterruptedException {
        assertThat(ledger.awaitProjections()).isTrue();
        PageReader admin = new PageReader(port).signedInAs("admin");
        assertThat(admin.get("/admin").html().select("#rebuild-state").attr("data-state")).isEqualTo("IDLE");
        long events = ledger.headPosition();

        PageReader.Page started = admin.submit("/admin", "/admin/rebuild", Map.of());
        assertThat(started.status()).isEqualTo(302);
        assertThat(started.location()).isEqualTo("/admin/rebuild");

        PageReader.Page page = admin.get("/admin/rebuild");
        for (int i = 0; i < 300 && !"DONE".equals(page.html().select("#rebuild-state").attr("data-state")); i++) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html().select("#rebuild-state").attr("data-state")).isEqualTo("RUNNING");
            Thread.sleep(100);
            page = admin.get("/admin/rebuild");
        }
        assertThat(page.html().select("#rebuild-state").attr("data-state")).isEqualTo("DONE");
        assertThat(page.html().select("#rebuild-button")).hasSize(1);
        // the head may have moved on by an event between reading it and the reset: at least as many were replayed
        java.util.regex.Matcher en = java.util.regex.Pattern.compile("^Rebuilt: ([\\d,]+) events replayed; done at ")
                .matcher(page.text("#rebuild-state"));
        assertThat(en.find()).as(page.text("#rebuild-state")).isTrue();
        long replayed = Long.parseLong(en.group(1).replace(",", ""));
        assertThat(replayed).isBetween(events, events + 2);

        admin.language = "ja";
        assertThat(admin.get("/admin/rebuild").text("#rebuild-state"))
                .startsWith("再構築が完了しました（" + String.format("%,d", replayed) + " 件のイベントを再生、");
        // the views are whole again: the demo's dashboard answers
        assertThat(admin.get("/deliberations/ict-cyber-2024").status()).isEqualTo(200);
    }
}
