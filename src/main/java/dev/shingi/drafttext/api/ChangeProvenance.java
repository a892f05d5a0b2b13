package dev.shingi.drafttext.api;

import java.util.List;

/** One change of the diff and what produced it; no causes means no comment or commitment is behind it. */
public record ChangeProvenance(TextChange change, List<Cause> causes) {
    public ChangeProvenance {
        causes = List.copyOf(causes);
    }

    /** True when nothing on record produced this change. */
    public boolean unexplained() {
        return causes.isEmpty();
    }
}
