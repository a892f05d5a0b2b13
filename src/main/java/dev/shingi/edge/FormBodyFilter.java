package dev.shingi.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.filter.OrderedFormContentFilter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Spring's form filter reads the body of a PUT, PATCH or DELETE sent as a form; a body whose escapes cannot be decoded
 * ({@code a=%zz}) made it throw before any controller, a 500. This one answers 400 {@code malformed-form}, a problem
 * detail naming the body, as every other refusal is (it takes the place of Spring Boot's own, which steps aside for
 * any bean of its type).
 */
@Component
class FormBodyFilter extends OrderedFormContentFilter {

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        boolean[] passedOn = {false};
        FilterChain guarded = (req, res) -> {
            passedOn[0] = true;
            chain.doFilter(req, res);
        };
        try {
            super.doFilterInternal(request, response, guarded);
        } catch (HttpMessageNotReadableException e) {
            if (passedOn[0] || response.isCommitted()) {
                throw e; // not the form filter's own reading: the application's to answer
            }
            response.resetBuffer();
            response.setStatus(400);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"" + ProblemHandler.TYPE_BASE + "malformed-form\","
                    + "\"title\":\"Malformed form body\",\"status\":400,"
                    + "\"detail\":\"body: the form body could not be decoded (an escape that is not %XX, or not UTF-8).\","
                    + "\"errors\":[{\"field\":\"body\",\"message\":\"malformed application/x-www-form-urlencoded\"}]}");
        }
    }
}
