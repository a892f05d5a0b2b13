package dev.shingi.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.edge.ProblemHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two filter chains: the API (stateless; HTTP Basic or a bearer JWT; no CSRF because no cookie authenticates it) and the
 * pages (session; form login; CSRF on). Coarse rules live here — admin operations need ADMIN, writes need a signed-in
 * user; whether that user may act on a given deliberation is {@link AccessPolicy}'s job.
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {
    static final String DEMO_PASSWORD = "demo";
    static final List<String> DEMO_USERS = List.of("sato", "tsuta", "goto", "nisc", "admin");
    /** Where the demo accounts may be on: the embedded default, or a trial that says {@code demo}; never {@code test}. */
    static final Profiles DEMO_PROFILES = Profiles.of("(default | demo) & !test");

    /** How long a verified bearer token is remembered at most ({@link CachingJwtDecoder}). */
    static final Duration VERIFIED_TOKEN_MAX_AGE = Duration.ofMinutes(5);

    /**
     * No observation (metrics, tracing) around each of Spring Security's filters and each authentication: they took
     * ~8 % of the API's CPU under the load harness (docs/benchmarks.md, Load), and nothing reads them. The HTTP
     * server's own observation (http.server.requests) stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    LoginThrottleFilter loginThrottle(SecurityProperties properties, ObjectMapper json) {
        SecurityProperties.Throttle t = properties.getThrottle();
        return new LoginThrottleFilter(new LoginThrottle(t.getFreeFailures(), t.getLongestWait(), t.getPerAddress(),
                Clock.systemUTC()), json);
    }

    /** The throttle runs inside both filter chains, before the password is checked; not for every request besides. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<LoginThrottleFilter> loginThrottleNotEverywhere(
            LoginThrottleFilter filter) {
        org.springframework.boot.web.servlet.FilterRegistrationBean<LoginThrottleFilter> registration =
                new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties, PasswordEncoder encoder, Environment environment) {
        Map<String, SecurityProperties.User> configured = new LinkedHashMap<>(properties.getUsers());
        if (properties.isDemoAccounts()) {
            // the embedded demo (no profile) or an explicit demo trial (postgres,demo); never the tests' profile, whose
            // classpath brings accounts of its own (src/test/resources/application-test.yml)
            if (!environment.acceptsProfiles(DEMO_PROFILES)) {
                throw new IllegalStateException("Demo accounts (shingi.security.demo-accounts=true) are only for the "
                        + "embedded demo; turn them off and configure shingi.security.users or an OIDC issuer.");
            }
            for (String name : DEMO_USERS) {
                SecurityProperties.User u = new SecurityProperties.User();
                u.setPassword(encoder.encode(DEMO_PASSWORD));
                u.setAdmin(name.equals("admin"));
                configured.putIfAbsent(name, u);
            }
        } else {
            configured.forEach((name, u) -> {
                if (u.getPassword() == null || u.getPassword().isBlank() || encoder.matches(DEMO_PASSWORD, u.getPassword())
                        || !u.getPassword().startsWith("{bcrypt}")) {
                    throw new IllegalStateException("User '" + name + "' needs a bcrypt password ({bcrypt}$2a$…) "
                            + "other than the demo password.");
                }
            });
        }
        List<UserDetails> details = new ArrayList<>();
        configured.forEach((name, u) -> details.add(User.withUsername(name).password(u.getPassword())
                .roles(u.isAdmin() ? new String[]{"USER", "ADMIN"} : new String[]{"USER"}).build()));
        return new InMemoryUserDetailsManager(details);
    }

    /**
     * The pages load only their own script, styles and images: no inline script, no framing by another site, forms
     * posted only here. (Swagger UI's SVG icons are data: URIs.) Spring Security adds nosniff and X-Frame-Options.
     */
    static final String PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The API answers data, never a document to render: nothing may load from it, nothing may frame it. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwt,
                            SecurityProperties properties, LoginThrottleFilter throttle) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/actuator/**")
                .addFilterBefore(throttle, org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a report link on a members-only deliberation's page works with the page's own session (reads only)
                .securityContext(c -> c.securityContextRepository(new SessionOnSafeReads()))
                // stateless: nothing to sign out of, no request to save for after a sign-in page
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(json)))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized(json)).accessDeniedHandler(forbidden(json)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .anyRequest().authenticated());
        JwtDecoder decoder = jwt.getIfAvailable();
        if (decoder != null) {
            JwtDecoder remembering = new CachingJwtDecoder(decoder, VERIFIED_TOKEN_MAX_AGE, Clock.systemUTC());
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthorized(json))
                    .jwt(j -> j.decoder(remembering).jwtAuthenticationConverter(token -> jwtAuthentication(token, properties))));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottleFilter throttle) throws Exception {
        http.addFilterBefore(throttle, org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers("/login", LoginThrottleFilter.WAIT_PAGE, "/logout").permitAll()
                        .anyRequest().authenticated())
                // the pages' own sign-in page speaks the reader's language; Spring Security checks what it posts
                .formLogin(form -> form.loginPage("/login").permitAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_POLICY)))
                .logout(Customizer.withDefaults());
        return http.build();
    }

    private static JwtAuthenticationToken jwtAuthentication(Jwt token, SecurityProperties properties) {
        Collection<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_USER")));
        for (String claim : List.of("roles", "groups")) {
            List<String> values = token.getClaimAsStringList(claim);
            if (values != null && values.contains(properties.getAdminRole())) {
                authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            }
        }
        String name = token.getClaimAsString(properties.getUsernameClaim());
        return new JwtAuthenticationToken(token, authorities, name != null ? name : token.getSubject());
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"shingi\"");
            write(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in required",
                    "This needs a signed-in user: HTTP Basic or a bearer token.");
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                "Your role does not allow this.");
    }

    private static void write(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response, HttpStatus status,
                              String type, String title, String detail) throws IOException {
        ProblemDetail p = ProblemHandler.problem(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), p);
    }
}
