package dev.shingi.deliberation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A draft version was circulated. Revision 2 added {@code document}: null in revision-1 events, and in any version
 * published without its file (docs/events.md).
 */
@Revision("2")
public record DraftPublished(
        String deliberationId,
        int version,
        String title,
        String materialNumber,
        Integer pageCount,
        Instant occurredAt,
        DraftDocument document) implements DeliberationEvent {

    /** Stored events are read through this constructor; the shorter one is for code. */
    @JsonCreator
    public DraftPublished {
    }

    /** A version without its document (the shape of revision 1). */
    public DraftPublished(String deliberationId, int version, String title, String materialNumber, Integer pageCount,
                          Instant occurredAt) {
        this(deliberationId, version, title, materialNumber, pageCount, occurredAt, null);
    }
}
