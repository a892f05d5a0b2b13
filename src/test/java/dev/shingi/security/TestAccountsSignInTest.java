package dev.shingi.security;

import dev.shingi.testing.Http;
import dev.shingi.testing.LedgerHttp;
import dev.shingi.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application every test starts runs with the {@code test} profile: the demo password is refused for every
 * demo name, and the tests' own password ({@link Http#PASSWORD}) signs them in, over real HTTP Basic.
 */
class TestAccountsSignInTest extends LedgerHttp {

    @Test
    void theDemoPasswordNoLongerSignsInUnderTheTestProfile() {
        assertThat(TestDatabase.profiles()).contains("test");
        for (String name : SecurityConfig.DEMO_USERS) {
            assertThat(whoAmI(name, "demo")).as(name).isEqualTo(401);
            assertThat(whoAmI(name, Http.PASSWORD)).as(name).isEqualTo(200);
        }
    }

    /** A read anyone may make; a wrong password is still a 401 (HTTP Basic checks what it is sent). */
    private int whoAmI(String user, String password) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/deliberations"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build()).status();
    }
}
