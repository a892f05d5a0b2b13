package dev.shingi.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;


/**
 * The API's security context: a GET or HEAD is read as the pages' signed-in user when the request carries the pages'
 * session (a report downloaded from a members-only deliberation's page: disposition table, ISO template, calendar;
 * the administrator's backup from {@code /admin}, which {@code /api/admin/**} still grants to admins alone);
 * every other request stays stateless — a write needs its own credentials (a token or HTTP Basic), so the API's
 * writes, which take no CSRF token, can never ride on a browser's session. The API never writes to a session.
 */
final class SessionOnSafeReads implements SecurityContextRepository {
    private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();
    private final RequestAttributeSecurityContextRepository request = new RequestAttributeSecurityContextRepository();

    SessionOnSafeReads() {
        session.setAllowSessionCreation(false);
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder requestResponseHolder) {
        return loadDeferredContext(requestResponseHolder.getRequest()).get();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest r) {
        DeferredSecurityContext own = request.loadDeferredContext(r);
        if (!safe(r) || r.getSession(false) == null) {
            return own;
        }
        DeferredSecurityContext fromSession = session.loadDeferredContext(r);
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return own.isGenerated() ? fromSession.get() : own.get();
            }

            @Override
            public boolean isGenerated() {
                return own.isGenerated() && fromSession.isGenerated();
            }
        };
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest r, HttpServletResponse response) {
        request.saveContext(context, r, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest r) {
        return request.containsContext(r) || (safe(r) && session.containsContext(r));
    }

    private static boolean safe(HttpServletRequest r) {
        return "GET".equals(r.getMethod()) || "HEAD".equals(r.getMethod());
    }

}
