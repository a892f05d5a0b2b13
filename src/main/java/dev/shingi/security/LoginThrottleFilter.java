package dev.shingi.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Holds back a sign-in that {@link LoginThrottle} says must wait — the pages' form ({@code POST /login}) and HTTP
 * Basic alike — with 429 and {@code Retry-After}, before the password is even checked; learns of every failure and
 * success from Spring Security's authentication events. The form's answer is the sign-in page saying how long to wait.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {
    /** The request attribute the sign-in page reads: seconds to wait. */
    public static final String WAIT = "shingi.signInWait";
    /** Where the form's held sign-in is shown (the pages' sign-in page, with how long to wait). */
    public static final String WAIT_PAGE = "/login/wait";

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        String user = form ? request.getParameter("username") : basicUser(request);
        if (user == null && !form) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> wait = throttle.wait(user, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = wait.get().toSeconds();
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        if (form) {
            request.setAttribute(WAIT, seconds);
            // not to /login itself: a forwarded POST /login would pass the security filters again and sign in
            request.getRequestDispatcher(WAIT_PAGE).forward(request, response);
            return;
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-ins: try again in " + seconds + " s.");
        p.setType(URI.create("https://shingi.dev/problems/too-many-sign-ins"));
        p.setTitle("Too many failed sign-ins");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(p));
    }

    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null; // not Base64: Spring Security refuses it
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        throttle.failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
    }
}
