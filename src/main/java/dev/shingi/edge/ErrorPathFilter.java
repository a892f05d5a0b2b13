package dev.shingi.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The error path ({@code /error}) is where the container forwards a failed request; asked for directly, Spring Boot's
 * error controller finds no error and answers 500. A client asking for it is asking for a page that is not there: 404.
 * Only requests are filtered, never the container's own error dispatch.
 */
@Component
class ErrorPathFilter extends OncePerRequestFilter {
    private final String errorPath;
    private final ObjectMapper json;

    ErrorPathFilter(@Value("${server.error.path:/error}") String errorPath, ObjectMapper json) {
        this.errorPath = errorPath;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(@NonNull HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals(errorPath) && !path.startsWith(errorPath + "/") && !path.startsWith(errorPath + ";");
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemHandler.problem(HttpStatus.NOT_FOUND, "no-such-path",
                "Not found", errorPath + " is not a resource"));
    }
}
