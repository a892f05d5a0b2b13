package dev.shingi.drafttext.api;

import java.util.List;

/**
 * Every change between two versions with its causes, and the commitments the later version says it keeps that no
 * change could be tied to ({@code unplaced}: kept at a footnote or section only, or at a page where nothing changed).
 */
public record Provenance(List<ChangeProvenance> changes, List<Keeping> unplaced) {
    public Provenance {
        changes = List.copyOf(changes);
        unplaced = List.copyOf(unplaced);
    }
}
