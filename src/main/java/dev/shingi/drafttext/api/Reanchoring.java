package dev.shingi.drafttext.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where one comment's passage went: {@code from} in the version it was raised on (with the passage as read there),
 * {@code to} in the later version (null when {@link AnchorStatus#ORPHANED}). {@code old}/{@code new} are the sentence(s)
 * as each version reads them when the status is {@link AnchorStatus#CHANGED}, and null otherwise ({@code old} only,
 * for an orphaned passage that was deleted).
 */
public record Reanchoring(
        String commentId,
        AnchorStatus status,
        Spot from,
        Spot to,
        @JsonProperty("old") String oldText,
        @JsonProperty("new") String newText) {
}
