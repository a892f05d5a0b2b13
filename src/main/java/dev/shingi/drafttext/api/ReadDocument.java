package dev.shingi.drafttext.api;

/**
 * A file read as a version's document: its SHA-256 (lower-case hex of {@code bytes}), the name and media type it is
 * kept under (the type as its content showed it to be), the bytes as uploaded and the text read from them.
 */
public record ReadDocument(String sha256, String fileName, String mediaType, byte[] bytes, DocumentText text) {

    public long size() {
        return bytes.length;
    }

    public int pageCount() {
        return text.pages().size();
    }
}
