package dev.shingi.integrity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The chained hash of one event (see {@link EventChain}) under this installation's key, for code outside this package
 * that must check a signature before the event is stored: an import checks that every exported event was signed by a
 * ledger holding the same key, and that nothing in the file was changed.
 */
@Component
public class EventSignature {
    /** The metadata key of an event's hash. */
    public static final String HASH = Chain.HASH;
    /** The "previous hash" of an aggregate's first event. */
    public static final String GENESIS = Chain.GENESIS;

    private final Chain chain;

    EventSignature(@Value("${shingi.integrity.key}") String key) {
        this.chain = new Chain(key);
    }

    /**
     * The hash the ledger would store for an event: {@code previous} is the hash of the aggregate's event before it
     * ({@link #GENESIS} for sequence 0); {@code timestamp} is the stored timestamp string; {@code metaData} may hold the
     * hash itself, which is left out.
     */
    public String hash(String previous, String aggregateId, long sequence, String eventId, String payloadType,
                       String payloadRevision, String timestamp, byte[] payload, Map<String, ?> metaData) {
        return chain.hash(previous, aggregateId, sequence, eventId, payloadType, payloadRevision, timestamp, payload,
                metaData);
    }

    /** A signature of {@code text} under this installation's key (HMAC-SHA256, hex), e.g. an export's trailer. */
    public String sign(String text) {
        return chain.mac(text);
    }

    /** Whether {@code signature} is this installation's signature of {@code text}, compared in constant time. */
    public boolean signed(String text, String signature) {
        return signature != null && java.security.MessageDigest.isEqual(
                chain.mac(text).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
