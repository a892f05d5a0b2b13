package dev.shingi.platform;

import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * The metadata every stored event carries about how it got in: who recorded it (the authenticated principal, distinct
 * from the participant the record is about), the HTTP request id and the client's idempotency key.
 */
public final class RecordingMetadata {
    public static final String RECORDED_BY = "recordedBy";
    public static final String REQUEST_ID = "requestId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String[] KEYS = {RECORDED_BY, REQUEST_ID, IDEMPOTENCY_KEY};

    private RecordingMetadata() {
    }

    public static MetaData of(String recordedBy, String requestId, String idempotencyKey) {
        Map<String, Object> m = new HashMap<>();
        m.put(RECORDED_BY, recordedBy);
        if (requestId != null) m.put(REQUEST_ID, requestId);
        if (idempotencyKey != null) m.put(IDEMPOTENCY_KEY, idempotencyKey);
        return MetaData.from(m);
    }
}
