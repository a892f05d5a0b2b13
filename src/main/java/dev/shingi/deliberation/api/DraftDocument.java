package dev.shingi.deliberation.api;

/**
 * The document a version was published with: its SHA-256 (lower-case hex of the bytes as uploaded), so the hash chain
 * covers the words, not just a title; the file's name and media type as given; its size and the pages read from it.
 * The bytes and their text are kept apart from the log, by this hash (docs/operations.md).
 */
public record DraftDocument(String sha256, String fileName, String mediaType, long size, int pages) {
}
