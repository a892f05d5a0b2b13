package dev.shingi.deliberation.query;

import dev.shingi.platform.EmbeddedH2;
import dev.shingi.platform.ShadowTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Embedded H2: at start-up, before any event processor runs, checks that every table agrees with its indexes
 * ({@link EmbeddedH2#disagreements}). A view table that does not is unusable (every read through the bad index times
 * out), so all the views are emptied — {@code TRUNCATE}, which clears a table's indexes too, where a {@code DELETE}
 * would go through the bad index and leave its extra entry — and their tokens deleted. The views processor then
 * starts at the first event, and the (faster) bulk rebuild takes over once the application is ready
 * ({@code admin.Rebuild#resumeInterrupted}, through {@link ViewsBulkRebuild#interrupted}, which asks
 * {@link #rebuildPending} until a bulk replay starts). Nothing is lost: the views are a projection of the log.
 * <p>
 * A table outside the views (the event log, tokens, the directory…) cannot be rebuilt from anything, so a disagreement
 * there is only logged as an error, naming the table and index; docs/operations.md says what to do.
 * <p>
 * Nothing to do on PostgreSQL, whose write-ahead log keeps a table and its indexes together.
 */
@Component
class ViewsStartupCheck {
    private static final Logger log = LoggerFactory.getLogger(ViewsStartupCheck.class);

    private final AtomicBoolean pending = new AtomicBoolean();

    ViewsStartupCheck(JdbcTemplate jdbc) {
        List<EmbeddedH2.Disagreement> found = jdbc.execute((ConnectionCallback<List<EmbeddedH2.Disagreement>>)
                EmbeddedH2::disagreements);
        List<EmbeddedH2.Disagreement> views = found.stream().filter(d -> ViewsConfig.TABLES.contains(d.table())).toList();
        // a rebuild's copy of a view, cut short: dropped, the rebuild begun again makes it anew
        List<EmbeddedH2.Disagreement> copies = found.stream().filter(d -> d.table().endsWith(ShadowTables.SUFFIX)
                && ViewsConfig.TABLES.contains(d.table().substring(0, d.table().length() - ShadowTables.SUFFIX.length())))
                .toList();
        copies.forEach(d -> jdbc.execute("DROP TABLE IF EXISTS " + d.table() + " CASCADE"));
        found.stream().filter(d -> !views.contains(d) && !copies.contains(d)).forEach(d -> log.error(
                "The database's index {} of table {} holds {} entries for {} rows; this table is not a view and "
                        + "cannot be rebuilt from the log (docs/operations.md, \"After a crash\")", d.index(),
                d.table(), d.entries(), d.rows()));
        if (!views.isEmpty()) {
            log.warn("The views' tables disagree with their indexes ({}), as H2 can leave them after the process was "
                    + "killed: emptying every view and rebuilding them from the log", views);
            for (String table : ViewsConfig.TABLES) {
                jdbc.execute("TRUNCATE TABLE " + table);
            }
            jdbc.update("DELETE FROM TokenEntry WHERE processorName = ?", ViewsConfig.PROCESSING_GROUP);
        }
        pending.set(!views.isEmpty());
    }

    /** Whether this start found the views broken and emptied them, and no bulk replay has started since. */
    boolean rebuildPending() {
        return pending.get();
    }

    /** A bulk replay of the views has started: the emptied views are being rebuilt. */
    void rebuildStarted() {
        pending.set(false);
    }
}
