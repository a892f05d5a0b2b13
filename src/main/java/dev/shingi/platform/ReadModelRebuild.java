package dev.shingi.platform;

import java.util.Optional;

/**
 * Whether the read models are being rebuilt from the log right now, and how far. While they are, every answer drawn
 * from them may show less than has been recorded: the pages say so in a notice, the API in the
 * {@value #HEADER} header ({@link RebuildNoticeFilter}). Implemented by {@code admin.Rebuild}.
 */
public interface ReadModelRebuild {

    /** Response header of every API answer given while a rebuild runs: {@code <events done>/<events in all>}. */
    String HEADER = "Shingi-Rebuilding";

    /** The rebuild under way; empty when none runs. */
    Optional<Share> underWay();

    /** Events rebuilt so far, of the events the rebuild covers. */
    record Share(long done, long total) {
        @Override
        public String toString() {
            return done + "/" + total;
        }
    }
}
