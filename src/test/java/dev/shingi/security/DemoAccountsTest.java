package dev.shingi.security;

import dev.shingi.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo accounts (password "demo") exist only in the embedded demo: the default profile, or a trial that names
 * {@code demo}. Every other profile refuses to start with them on — {@code test} too, whose classpath configures the
 * same names with a password of its own (src/test/resources/application-test.yml), which is what every test signs in
 * with. A unit test of {@link SecurityConfig#users}; TestAccountsSignInTest signs in over HTTP.
 */
class DemoAccountsTest {
    private final SecurityConfig config = new SecurityConfig();
    private final PasswordEncoder encoder = config.passwordEncoder();

    @Test
    void theEmbeddedDefaultHasTheDemoAccounts() {
        assertDemoAccounts(users(demoOn(), profiles()));
    }

    @Test
    void aTrialOnPostgresqlThatSaysDemoHasThem() {
        assertDemoAccounts(users(demoOn(), profiles("demo")));
        assertDemoAccounts(users(demoOn(), profiles("postgres", "demo")));
    }

    @Test
    void theTestProfileRefusesThem() {
        assertRefused(profiles("test"));
        assertRefused(profiles("postgres", "test"));
        assertRefused(profiles("demo", "test"));
    }

    @Test
    void postgresqlAloneRefusesThem() {
        assertRefused(profiles("postgres"));
    }

    @Test
    void theTestClasspathSignsInTheSameNamesWithItsOwnPasswordNeverDemo() throws Exception {
        MutablePropertySources sources = new MutablePropertySources();
        new YamlPropertySourceLoader().load("test", new ClassPathResource("application-test.yml")).forEach(sources::addLast);
        SecurityProperties properties = new Binder(org.springframework.boot.context.properties.source
                .ConfigurationPropertySources.from(sources)).bind("shingi.security", SecurityProperties.class).get();
        assertThat(properties.isDemoAccounts()).isFalse();
        UserDetailsService users = users(properties, profiles("test"));
        for (String name : SecurityConfig.DEMO_USERS) {
            String hash = users.loadUserByUsername(name).getPassword();
            assertThat(encoder.matches(Http.PASSWORD, hash)).as(name).isTrue();
            assertThat(encoder.matches(SecurityConfig.DEMO_PASSWORD, hash)).as(name).isFalse();
        }
        assertThat(users.loadUserByUsername("admin").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
        assertThat(users.loadUserByUsername("sato").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_USER");
    }

    @Test
    void aConfiguredUserWithTheDemoPasswordIsRefused() {
        SecurityProperties properties = new SecurityProperties();
        SecurityProperties.User sato = new SecurityProperties.User();
        sato.setPassword(encoder.encode(SecurityConfig.DEMO_PASSWORD));
        properties.getUsers().put("sato", sato);
        assertThatThrownBy(() -> users(properties, profiles("test")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("User 'sato' needs a bcrypt password ({bcrypt}$2a$…) other than the demo password.");
    }

    private void assertDemoAccounts(UserDetailsService users) {
        for (String name : SecurityConfig.DEMO_USERS) {
            assertThat(encoder.matches("demo", users.loadUserByUsername(name).getPassword())).as(name).isTrue();
        }
    }

    private void assertRefused(MockEnvironment environment) {
        assertThatThrownBy(() -> users(demoOn(), environment))
                .as(String.join(",", environment.getActiveProfiles()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Demo accounts (shingi.security.demo-accounts=true) are only for the embedded demo");
    }

    private UserDetailsService users(SecurityProperties properties, MockEnvironment environment) {
        return config.users(properties, encoder, environment);
    }

    private static SecurityProperties demoOn() {
        SecurityProperties properties = new SecurityProperties();
        properties.setDemoAccounts(true);
        return properties;
    }

    private static MockEnvironment profiles(String... active) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(active);
        return environment;
    }
}
