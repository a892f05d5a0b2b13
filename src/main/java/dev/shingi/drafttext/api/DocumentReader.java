package dev.shingi.drafttext.api;

/** Reads an uploaded file into pages of lines: PDF, DOCX, Markdown or plain UTF-8 text. */
public interface DocumentReader {

    /**
     * The file as a document, its type told by its content and cross-checked with {@code fileName} and
     * {@code declaredType} (either may be null).
     *
     * @throws RefusedDocument when the file cannot be a version's document
     */
    ReadDocument read(byte[] bytes, String fileName, String declaredType);

    /** The largest file taken, in bytes ({@code shingi.documents.max-size}). */
    long maxSize();
}
