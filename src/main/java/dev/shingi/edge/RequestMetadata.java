package dev.shingi.edge;

import dev.shingi.platform.RecordingMetadata;
import dev.shingi.platform.Idempotency;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.util.UUID;

/** Builds the recording metadata of a command from the HTTP request that carries it. */
@Component
public class RequestMetadata {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String ATTRIBUTE = RequestMetadata.class.getName() + ".requestId";

    public MetaData of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        MetaData m = RecordingMetadata.of(principal != null ? principal.getName() : "anonymous", requestId(request),
                request.getHeader(IDEMPOTENCY_KEY_HEADER));
        Object hash = request.getAttribute(Idempotency.REQUEST_HASH);
        return hash == null ? m : m.and(Idempotency.REQUEST_HASH, hash.toString());
    }

    /** The client's request id when it sent a sane one, else a new one; the same for the whole request. */
    public static String requestId(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known.toString();
        }
        String given = request.getHeader(REQUEST_ID_HEADER);
        String id = given != null && given.matches("[A-Za-z0-9._:-]{1,100}") ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
