package dev.shingi.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chained hash of one stored event: HMAC-SHA256, keyed by {@code shingi.integrity.key}, over the previous
 * event's hash (of the same aggregate), the aggregate id, sequence number, event id, payload type and revision, the
 * stored timestamp, the stored payload bytes, and the metadata (canonical JSON, without the hash itself).
 */
final class Chain {
    static final String HASH = "hash";
    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final byte[] key;

    Chain(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    String hash(String previous, String aggregateId, long sequence, String eventId, String payloadType,
                String payloadRevision, String timestamp, byte[] payload, Map<String, ?> metaData) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (String part : new String[]{previous, aggregateId, Long.toString(sequence), eventId, payloadType,
                    payloadRevision == null ? "" : payloadRevision, timestamp}) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            mac.update(payload);
            mac.update((byte) 0);
            Map<String, Object> meta = new TreeMap<>(metaData);
            meta.remove(HASH);
            mac.update(CANONICAL.writeValueAsBytes(meta));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One step of the log's running hash (the whole log in position order, every stream together): the head after
     * {@code previous} and one more event, named by its stream, its sequence number and its own chained hash.
     */
    String logStep(String previous, String aggregateId, long sequence, String eventHash) {
        return mac(previous + '\u0000' + aggregateId + '\u0000' + sequence + '\u0000'
                + (eventHash == null ? "" : eventHash));
    }

    /** HMAC-SHA256 of a text under the installation's key, in hex: a signature only a holder of the key can make. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String digest(Map<String, String> heads) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            new TreeMap<>(heads).forEach((aggregate, head) ->
                    mac.update((aggregate + '\u0000' + head + '\n').getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
