package dev.shingi.deliberation.query;

import java.util.List;

/** The one processing group that owns every read-model table, so they are rebuilt, and caught up with, together. */
final class ViewsConfig {
    static final String PROCESSING_GROUP = "views";

    /** Every table the views write, as the projections' reset handlers empty them. */
    static final List<String> TABLES = List.of("ledger_clock", "deliberation_v", "participant_v", "meeting_v",
            "version_v", "comment_v", "response_v", "commitment_v", "timeline_v", "acknowledgement_v", "correction_v",
            "participant_alias_v", "table_vocabulary_v");

    private ViewsConfig() {
    }
}
