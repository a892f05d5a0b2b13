package dev.shingi.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.lang.NonNull;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over {@code shingi.api.max-body-size} (default 1 MiB) with a 413 problem, before anything
 * reads them: by the declared length, or — for chunked bodies — as soon as the limit is crossed while reading.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeFilter extends OncePerRequestFilter {
    private final long limit;
    private final ObjectMapper json;

    /**
     * A version published with its document ({@code multipart/form-data} to a drafts or revisions endpoint, the API's
     * or the pages') may be {@code shingi.documents.max-size} more: a file over that limit is then refused by its
     * reader with a 400 naming the part, not here.
     */
    private final long documentLimit;

    /**
     * A comment table ({@code POST …/iso-comments}, the API's, or the pages' import form) may be
     * {@code shingi.tables.max-size} (default 8 MiB): a 10,000-row resolution log is about 2 MB as CSV.
     */
    private final long tableLimit;

    BodySizeFilter(@Value("${shingi.api.max-body-size:1048576}") long limit,
                   @Value("${shingi.documents.max-size:20971520}") long documentSize,
                   @Value("${shingi.tables.max-size:8388608}") long tableSize, ObjectMapper json) {
        this.limit = limit;
        this.documentLimit = limit + documentSize + limit;
        this.tableLimit = Math.max(limit, tableSize);
        this.json = json;
    }

    private long limitFor(HttpServletRequest request) {
        String type = request.getContentType();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean document = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                && path.matches("/(api/)?deliberations/[^/]+/(drafts|revisions)(/new)?");
        if (document) {
            return documentLimit;
        }
        boolean table = "POST".equals(request.getMethod())
                && path.matches("/api/deliberations/[^/]+/iso-comments|/deliberations/[^/]+/import/table");
        return table ? tableLimit : limit;
    }

    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body too large");
        }
    }

    /**
     * An import of a whole ledger ({@code POST /api/admin/import}, admin only) streams gigabytes; it keeps its own
     * limit ({@code shingi.transfer.max-import-size}) while it spools the body.
     */
    static final String IMPORT_PATH = "/api/admin/import";

    @Override
    protected boolean shouldNotFilter(@NonNull HttpServletRequest request) {
        return IMPORT_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            refuse(response, limit);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (TooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                refuse(response, limit);
            }
        }
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                "body-too-large", "Request body too large", "The request body is over " + limit + " bytes."));
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                long read;

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > limit) {
                        throw new TooLarge();
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    if (n > 0 && (read += n) > limit) {
                        throw new TooLarge();
                    }
                    return n;
                }
            };
        }
    }
}
