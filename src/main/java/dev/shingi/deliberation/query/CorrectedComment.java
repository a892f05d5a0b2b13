package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comment as corrected: its own fields and each response's, every {@link RecordCorrected} known applied (for every
 * occurred time, docs/time.md), and what each correction changed, for the corrections table.
 */
record CorrectedComment(CommentRaised raised, String authorId, Anchor anchor, CommentKind kind, String text,
                        Instant occurredAt, Map<String, Response> responses) {

    /** A response as corrected. */
    record Response(String responseId, String responderId, Disposition disposition, String text, Instant occurredAt,
                    long recordedAt) {
    }

    /** The comment as its events, corrections applied, now say. */
    static CorrectedComment of(List<CommentHistory.Entry> entries) {
        CommentRaised raised = null;
        String author = null;
        Anchor anchor = null;
        CommentKind kind = null;
        String text = null;
        Instant occurredAt = null;
        Map<String, Response> responses = new LinkedHashMap<>();
        for (CommentHistory.Entry e : entries) {
            if (e.event() instanceof CommentRaised r) {
                raised = r;
                author = r.authorId();
                anchor = r.anchor() == null ? Anchor.NONE : r.anchor();
                kind = r.kind();
                text = r.text();
                occurredAt = r.occurredAt();
            } else if (e.event() instanceof CommentResponded r) {
                responses.put(r.responseId(), new Response(r.responseId(), r.responderId(), r.disposition(), r.text(),
                        r.occurredAt(), e.recordedAt()));
            } else if (e.event() instanceof RecordCorrected c) {
                if (c.responseId() == null) {
                    author = c.authorId() != null ? c.authorId() : author;
                    anchor = c.anchor() != null ? c.anchor() : anchor;
                    kind = c.kind() != null ? c.kind() : kind;
                    text = c.text() != null ? c.text() : text;
                    occurredAt = c.recordOccurredAt() != null ? c.recordOccurredAt() : occurredAt;
                } else {
                    Response r = responses.get(c.responseId());
                    if (r != null) {
                        responses.put(r.responseId(), new Response(r.responseId(),
                                c.authorId() != null ? c.authorId() : r.responderId(),
                                c.disposition() != null ? c.disposition() : r.disposition(),
                                c.text() != null ? c.text() : r.text(),
                                c.recordOccurredAt() != null ? c.recordOccurredAt() : r.occurredAt(), r.recordedAt()));
                    }
                }
            }
        }
        return new CorrectedComment(raised, author, anchor, kind, text, occurredAt, responses);
    }

    /** When an event happened on the occurred clock, corrections applied; null for a correction itself. */
    Instant occurredAtOf(DeliberationEvent event) {
        if (event instanceof RecordCorrected) {
            return null;
        }
        if (event instanceof CommentRaised) {
            return occurredAt;
        }
        if (event instanceof CommentResponded r) {
            return responses.get(r.responseId()).occurredAt();
        }
        if (event instanceof CommitmentMade m) {
            Response r = responses.get(m.responseId());
            return r == null ? m.occurredAt() : r.occurredAt();
        }
        return event.occurredAt();
    }

    /** For the corrections table: each field a correction changes, with its value before and after. */
    Map<String, String[]> changes(RecordCorrected c) {
        Map<String, String[]> changes = new LinkedHashMap<>();
        if (c.responseId() == null) {
            put(changes, "author", authorId, c.authorId());
            put(changes, "anchor", anchor.describe(), c.anchor() == null ? null : c.anchor().describe());
            put(changes, "kind", name(kind), name(c.kind()));
            put(changes, "text", text, c.text());
            put(changes, "occurredAt", str(occurredAt), str(c.recordOccurredAt()));
        } else {
            Response r = responses.get(c.responseId());
            put(changes, "responder", r.responderId(), c.authorId());
            put(changes, "disposition", name(r.disposition()), name(c.disposition()));
            put(changes, "text", r.text(), c.text());
            put(changes, "occurredAt", str(r.occurredAt()), str(c.recordOccurredAt()));
        }
        return changes;
    }

    private static void put(Map<String, String[]> changes, String field, String before, String after) {
        if (after != null) {
            changes.put(field, new String[]{before, after});
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
