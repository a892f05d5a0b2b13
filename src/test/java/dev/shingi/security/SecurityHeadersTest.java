package dev.shingi.security;

import dev.shingi.testing.LedgerHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What every answer tells the browser (docs/security.md "Headers"). */
class SecurityHeadersTest extends LedgerHttp {

    HttpResponse<String> fetch(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesLoadOnlyTheirOwnScriptAndCannotBeFramedAndTheApiRendersNothing() throws Exception {
        HttpResponse<String> page = fetch("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfig.PAGES_POLICY);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"").doesNotContain("<style");
        HttpResponse<String> api = fetch("/api/deliberations");
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theSessionCookieIsNotSentWithAFormPostedFromAnotherSite() throws Exception {
        HttpResponse<String> page = fetch("/login");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    }
}
