package dev.shingi.deliberation.query;

/** The one processing group that owns every read-model table, so they are rebuilt, and caught up with, together. */
final class ViewsConfig {
    static final String PROCESSING_GROUP = "views";

    private ViewsConfig() {
    }
}
