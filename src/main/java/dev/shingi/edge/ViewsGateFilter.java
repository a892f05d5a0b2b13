package dev.shingi.edge;

import dev.shingi.platform.ViewsGate;
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

/**
 * Every request, page or API, read or write, passes the {@link ViewsGate}: while a rebuild switches the views'
 * tables it waits (milliseconds), so that no answer is drawn from a table half switched. First of the filters, so
 * that nothing a request does happens outside it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ViewsGateFilter extends OncePerRequestFilter {
    private final ViewsGate gate;

    ViewsGateFilter(ViewsGate gate) {
        this.gate = gate;
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        gate.enter();
        try {
            chain.doFilter(request, response);
        } finally {
            gate.leave();
        }
    }
}
