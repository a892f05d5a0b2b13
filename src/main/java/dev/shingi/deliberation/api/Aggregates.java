package dev.shingi.deliberation.api;

/**
 * The aggregate types as the log stores them ({@code DomainEventEntry.type}): each aggregate declares its own with
 * {@code @Aggregate(type = …)}, and the read side, which reads the log itself where it rebuilds the views, matches on
 * the same constant. They are part of every stored event, so they are never renamed.
 */
public final class Aggregates {
    public static final String DELIBERATION = "Deliberation";
    public static final String DRAFT_VERSION = "DraftVersion";
    public static final String COMMENT = "Comment";

    private Aggregates() {
    }
}
