package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.deliberation.api.UnknownRecord;

/** Checks shared by more than one aggregate. */
final class Rules {
    private Rules() {
    }

    static void requireVersionFree(Directory directory, String deliberationId, int version) {
        if (version < 1) {
            throw new RuleViolation("draft.version-positive", "Draft versions are numbered from 1; got " + version + ".");
        }
        if (directory.draft(deliberationId, version).isPresent()) {
            throw new RuleViolation("draft.version-once",
                    "Version " + version + " of '" + deliberationId + "' already exists.");
        }
        directory.latestVersion(deliberationId).filter(latest -> latest > version).ifPresent(latest -> {
            throw new RuleViolation("draft.version-increasing",
                    "Version " + latest + " of '" + deliberationId + "' exists; a new version must come after it.");
        });
    }

    static Directory.Draft requireDraft(Directory directory, String deliberationId, int version) {
        return directory.draft(deliberationId, version).orElseThrow(() -> new UnknownRecord("draftVersion",
                "Deliberation '" + deliberationId + "' has no draft version " + version + "."));
    }

    /** An anchor's pages lie within the draft version's page count when the count is known. */
    static void requireAnchorWithin(Directory.Draft draft, Anchor anchor) {
        if (anchor == null) {
            return;
        }
        if ((anchor.pageFrom() != null && anchor.pageFrom() < 1) || (anchor.pageTo() != null && anchor.pageTo() < 1)) {
            throw new RuleViolation("anchor.page-positive", "Pages are numbered from 1.");
        }
        if (anchor.pageFrom() != null && anchor.pageTo() != null && anchor.pageTo() < anchor.pageFrom()) {
            throw new RuleViolation("anchor.page-range-ordered",
                    "Anchor pages run backwards: " + anchor.pageFrom() + "–" + anchor.pageTo() + ".");
        }
        if ((anchor.lineFrom() != null && anchor.lineFrom() < 1) || (anchor.lineTo() != null && anchor.lineTo() < 1)) {
            throw new RuleViolation("anchor.line-positive", "Lines are numbered from 1.");
        }
        if (anchor.lineFrom() != null && anchor.lineTo() != null && anchor.lineTo() < anchor.lineFrom()) {
            throw new RuleViolation("anchor.line-range-ordered",
                    "Anchor lines run backwards: " + anchor.lineFrom() + "–" + anchor.lineTo() + ".");
        }
        Integer last = anchor.lastPage();
        if (last != null && !draft.hasPage(last)) {
            throw new RuleViolation("anchor.page-within-draft",
                    "Page " + last + " is past the end of version " + draft.version() + " (" + draft.pageCount() + " pages).");
        }
    }
}
