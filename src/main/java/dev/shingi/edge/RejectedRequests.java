package dev.shingi.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Spring Security's firewall refuses a path with an encoded dot segment, a semicolon, a control character or an
 * encoded percent before the application sees it; by default that refusal was Spring Boot's JSON error
 * ({@code {"timestamp":…,"error":"Bad Request"}}), not a problem detail. This answers it as {@link ContainerProblems}
 * answers Tomcat's own refusals: 400 {@code malformed-request} naming the request line.
 */
@Configuration
class RejectedRequests {

    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return RejectedRequests::answer;
    }

    static void answer(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + ProblemHandler.TYPE_BASE + "malformed-request\","
                + "\"title\":\"Malformed request\",\"status\":400,\"detail\":\"request-line: the path holds what no "
                + "address of this server holds (an encoded dot segment or slash, a semicolon, a control character or an "
                + "encoded percent).\",\"field\":\"request-line\"}");
    }
}
