package dev.shingi.edge;

import dev.shingi.platform.Idempotency;
import dev.shingi.platform.IdempotentRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.lang.NonNull;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on an API write: a retry with the same key and the same request gets the first answer again
 * and stores nothing; the same key with a different request is a 422. Keys are per signed-in user.
 * <p>
 * The first answer is kept (durably) before the client gets it. If the process died after the request's commands
 * were stored but before their answer was kept, the retry is served as a <em>replay</em> ({@link IdempotentRequest}):
 * the request runs again with its commands skipped — they are stored — and its answer (status, {@code Location},
 * body, read from the views as they are now) is kept and sent as the replayed answer.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {
    static final int MAX_KEY = 200;
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final Idempotency idempotency;
    private final ObjectMapper json;

    IdempotencyFilter(Idempotency idempotency, ObjectMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(@NonNull HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(RequestMetadata.IDEMPOTENCY_KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                    @NonNull FilterChain chain) throws ServletException, IOException {
        String key = request.getHeader(RequestMetadata.IDEMPOTENCY_KEY_HEADER);
        if (key.isBlank() || key.length() > MAX_KEY) {
            problem(response, HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                    "Idempotency-Key: 1 to " + MAX_KEY + " characters");
            return;
        }
        // a multipart body is read by the container into its parts: hash those, and leave the stream to it
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        byte[] body = multipart ? parts(request) : request.getInputStream().readAllBytes();
        String hash = sha256(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n",
                body);
        String user = user();
        Optional<Idempotency.Remembered> seen = idempotency.find(user, key);
        boolean replay = false;
        if (seen.isPresent()) {
            Idempotency.Remembered first = seen.get();
            if (!first.requestHash().equals(hash)) {
                problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused",
                        "Idempotency-Key '" + key + "' was used for a different request; nothing was stored.");
                return;
            }
            if (first.status() != null) {
                response.setStatus(first.status());
                if (first.contentType() != null) response.setContentType(first.contentType());
                if (first.location() != null) response.setHeader("Location", first.location());
                response.setHeader(REPLAYED, "true");
                response.getOutputStream().write(first.body() == null ? new byte[0] : first.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            replay = true; // stored, but the process died before its answer was kept: rebuild it
        }
        request.setAttribute(Idempotency.REQUEST_HASH, hash);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try (IdempotentRequest ignored = IdempotentRequest.open(user, key, hash, replay)) {
            chain.doFilter(multipart ? request : new CachedBody(request, body), captured);
        }
        if (captured.getStatus() >= 200 && captured.getStatus() < 300) {
            idempotency.remember(user, key, captured.getStatus(), captured.getContentType(), captured.getHeader("Location"),
                    new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
            if (replay) {
                captured.setHeader(REPLAYED, "true");
            }
        } else if (replay) {
            log.warn("Rebuilding the answer to Idempotency-Key '{}' of {} (stored before a crash) gave {}", key, user,
                    captured.getStatus());
        }
        captured.copyBodyToResponse();
    }

    /** Every part's name, file name, type and bytes, in order: what a multipart request says, whatever its boundary. */
    private static byte[] parts(HttpServletRequest request) throws IOException, ServletException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (jakarta.servlet.http.Part part : request.getParts()) {
            out.writeBytes((part.getName() + "\n" + part.getSubmittedFileName() + "\n" + part.getContentType() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            try (java.io.InputStream in = part.getInputStream()) {
                out.writeBytes(sha256("", in.readAllBytes()).getBytes(StandardCharsets.UTF_8));
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static String user() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "anonymous" : a.getName();
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        ProblemDetail p = ProblemHandler.problem(status, type, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), p);
    }

    private static String sha256(String head, byte[] body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(head.getBytes(StandardCharsets.UTF_8));
            d.update(body);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so the hash and the controller see the same bytes. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
