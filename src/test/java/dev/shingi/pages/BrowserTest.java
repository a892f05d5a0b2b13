package dev.shingi.pages;

import dev.shingi.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What every browser test of the pages shares: one Chromium per test class, started on first use because the port is
 * known only once the application is up, and closed after the class; the JSON API for setting up what a test does not
 * walk through. Each subclass still brings its own store ({@code TestDatabase.fresh}) and {@code @SpringBootTest}.
 */
abstract class BrowserTest {
    private static Browser browser;

    @LocalServerPort
    protected int port;

    Browser browser() {
        if (browser == null) {
            browser = new Browser("http://localhost:" + port);
        }
        return browser;
    }

    /** Every page keeps to its Content-Security-Policy: no inline script or style refused on the way. */
    @org.junit.jupiter.api.AfterEach
    void nothingRefusedByThePolicy() {
        if (browser != null) {
            org.assertj.core.api.Assertions.assertThat(browser.policyViolations()).as("CSP violations").isEmpty();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null; // the next class has another port
        }
    }

    /** POSTs JSON to the API as one of the tests' accounts ({@link Http#PASSWORD}); returns the status. */
    int api(String user, String path, String json) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Http.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The paths among these that scroll sideways at this window size, each with what sticks out (the size is put back). */
    List<String> sideways(int width, int height, List<String> paths) {
        Browser b = browser();
        List<String> overflowing = new ArrayList<>();
        try {
            b.resize(width, height);
            for (String path : paths) {
                b.open(path);
                if (b.sidewaysOverflow() > 0) {
                    overflowing.add(path + " (" + b.pastTheRightEdge() + ")");
                }
            }
        } finally {
            b.resize(1280, 900);
        }
        return overflowing;
    }
}
