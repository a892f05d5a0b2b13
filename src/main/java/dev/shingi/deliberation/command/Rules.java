package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.InvalidField;
import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.drafttext.api.DocumentLibrary;

import java.time.Instant;
import java.util.Locale;

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

    /** Rule time.after-opening, for a moment {@code at} of field {@code field}: not before {@code opened}. */
    static void requireNotBefore(Instant opened, String field, Instant at) {
        if (opened != null && at != null && at.isBefore(opened)) {
            throw new InvalidField(field, "time.after-opening", "'" + at + "' is before the deliberation opened ('"
                    + opened + "'): nothing of a deliberation is dated before it opened.");
        }
    }

    /** Only a registered participant (any role) raises a comment, or is made its author by a correction. */
    static void requireCommenterRegistered(Directory directory, String deliberationId, String authorId) {
        if (directory.roleOf(deliberationId, authorId).isEmpty()) {
            throw new RuleViolation("comment.author-registered", "Only registered participants raise comments; '"
                    + authorId + "' is not registered in '" + deliberationId + "'.");
        }
    }

    static Directory.Draft requireDraft(Directory directory, String deliberationId, int version) {
        return directory.draft(deliberationId, version).orElseThrow(() -> new UnknownRecord("draftVersion",
                "Deliberation '" + deliberationId + "' has no draft version " + version + "."));
    }

    /** Rules anchor.{page,line}-positive and anchor.{page,line}-range-ordered. */
    private static void requireRange(Integer from, Integer to, String unit, String units) {
        if ((from != null && from < 1) || (to != null && to < 1)) {
            throw new RuleViolation("anchor." + unit + "-positive", units + " are numbered from 1.");
        }
        if (from != null && to != null && to < from) {
            throw new RuleViolation("anchor." + unit + "-range-ordered",
                    "Anchor " + units.toLowerCase(Locale.ROOT) + " run backwards: " + from + "–" + to + ".");
        }
    }

    /**
     * An anchor's pages lie within the draft version's page count when the count is known; on a version published
     * with its document, its pages, lines and quote are those of the document's text ({@link AnchorInText}).
     */
    static void requireAnchorWithin(Directory.Draft draft, Anchor anchor, DocumentLibrary documents) {
        if (anchor == null) {
            return;
        }
        requireRange(anchor.pageFrom(), anchor.pageTo(), "page", "Pages");
        requireRange(anchor.lineFrom(), anchor.lineTo(), "line", "Lines");
        if (draft.documentSha256() != null) {
            documents.text(draft.documentSha256())
                    .ifPresent(text -> AnchorInText.require(draft.version(), text, anchor));
        }
        Integer last = anchor.lastPage();
        if (last != null && !draft.hasPage(last)) {
            throw new RuleViolation("anchor.page-within-draft",
                    "Page " + last + " is past the end of version " + draft.version() + " (" + draft.pageCount() + " pages).");
        }
    }
}
