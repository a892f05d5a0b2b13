package dev.shingi.drafttext.api;

import java.util.List;
import java.util.Optional;

/**
 * Where versions' documents are kept, by SHA-256: the bytes as uploaded and the text read from them, in the ledger's
 * own database (table {@code draft_document}, docs/operations.md). A document is kept only by the command that
 * publishes its version, in that command's transaction: the edge {@link #stage stages} what it read, the command
 * handler {@link #keep keeps} it, and a refused command leaves nothing behind.
 */
public interface DocumentLibrary {

    /** Holds {@code document} for a command about to be sent on this node, until {@link Staged#close()}. */
    Staged stage(ReadDocument document);

    /**
     * Stores the document with this hash, staged before, in the caller's transaction; nothing to do when it is already
     * kept. A hash neither kept nor staged is a programming error ({@link IllegalStateException}).
     */
    void keep(String sha256);

    Optional<DocumentText> text(String sha256);

    /** The document as kept: bytes, name, type and text. */
    Optional<ReadDocument> document(String sha256);

    /** Every kept document's hash, in order. */
    List<String> hashes();

    /** Stores a document read from an export, in the caller's transaction (no-op when already kept). */
    void put(ReadDocument document);

    /** Releases what {@link #stage} held. */
    interface Staged extends AutoCloseable {
        @Override
        void close();
    }
}
