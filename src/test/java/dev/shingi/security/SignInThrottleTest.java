package dev.shingi.security;

import dev.shingi.testing.Http;
import dev.shingi.pages.PageReader;
import dev.shingi.testing.LedgerHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing is slowed down over HTTP Basic and the sign-in form alike (docs/security.md "Signing in"). */
class SignInThrottleTest extends LedgerHttp {

    HttpResponse<String> asNisc(String password) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("nisc:" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/verify"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void fiveWrongPasswordsMakeTheAccountWaitWith429AndRetryAfterWhileOthersSignIn() throws Exception {
        PageReader reader = new PageReader(port);
        reader.language = "ja";
        reader.get("/login"); // the page rendered once, so that the steps below fit in the first, 1-second wait
        for (int i = 0; i < 5; i++) {
            assertThat(asNisc("guess" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> held = asNisc(Http.PASSWORD); // even the right password waits: it is not even checked
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(held.body()).contains("\"type\":\"https://shingi.dev/problems/too-many-sign-ins\"");

        // the form says so too, in Japanese, and another account from the same address signs in
        PageReader.Page form = reader.submit("/login", "/login", Map.of("username", "nisc", "password", Http.PASSWORD));
        assertThat(form.status()).as(form.location()).isEqualTo(429);
        assertThat(form.text("[role=alert]")).isEqualTo("サインインの失敗が続いたため、1秒後にもう一度お試しください。");
        assertThat(getAs("tsuta", "/api/deliberations").status()).isEqualTo(200);

        Thread.sleep(1_100); // the wait is over: the right password signs in and clears the count
        assertThat(asNisc(Http.PASSWORD).statusCode()).isEqualTo(403); // signed in; verify is the administrator's
        assertThat(asNisc("wrong").statusCode()).isEqualTo(401);
    }
}
