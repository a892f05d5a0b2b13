package dev.shingi.edge;

import dev.shingi.platform.ReadModelRebuild;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Tells API clients that the read models are being rebuilt ({@link ReadModelRebuild#HEADER}), so that a script
 * building a disposition table at that moment can tell an incomplete answer from a complete one. Set before the
 * answer is written, from the rebuild's progress at that moment.
 */
@Component
class RebuildNoticeFilter extends OncePerRequestFilter {
    private final ReadModelRebuild rebuild;

    RebuildNoticeFilter(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    protected boolean shouldNotFilter(@NonNull HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        rebuild.underWay().ifPresent(share -> response.setHeader(ReadModelRebuild.HEADER, share.toString()));
        chain.doFilter(request, response);
    }
}
