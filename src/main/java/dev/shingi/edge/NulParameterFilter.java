package dev.shingi.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A query parameter holding U+0000 ({@code ?deliberationId=a%00b}) is no id, date or word of any kind; PostgreSQL
 * refuses the character in a query outright, which made it a 500 there (H2 merely found nothing). It is refused here,
 * before anything reads it: 400 {@code invalid-input} naming the parameter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class NulParameterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        String query = request.getQueryString();
        String named = query == null || !query.contains("%00") ? null : withNul(query);
        if (named == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String field = named.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", "?");
        response.getWriter().write("{\"type\":\"" + ProblemHandler.TYPE_BASE + "invalid-input\",\"title\":\"Invalid input\","
                + "\"status\":400,\"detail\":\"" + field + ": holds U+0000, which no value may hold\","
                + "\"errors\":[{\"field\":\"" + field + "\",\"message\":\"holds U+0000\"}]}");
    }

    /** The first parameter whose name or value holds U+0000, or null. */
    private static String withNul(String query) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
            if (name.indexOf('\u0000') >= 0 || value.indexOf('\u0000') >= 0) {
                return name.isEmpty() ? "query" : name;
            }
        }
        return null;
    }

    private static String decoded(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s.contains("%00") ? "\u0000" : s; // a broken escape elsewhere: the application answers it
        }
    }
}
