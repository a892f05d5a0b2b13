package dev.shingi.deliberation.api;

import java.util.Optional;

/**
 * Which document a draft version was published with (its SHA-256; the text is drafttext's), from the write side:
 * a version's document never changes once recorded.
 */
public interface VersionDocuments {

    /**
     * The hash of version {@code version}'s document, empty for a version published without one.
     *
     * @throws UnknownRecord for a deliberation or version that does not exist
     */
    Optional<String> documentOf(String deliberationId, int version);
}
