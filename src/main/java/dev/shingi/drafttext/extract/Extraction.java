package dev.shingi.drafttext.extract;

import dev.shingi.drafttext.api.DocumentReader;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.ReadDocument;
import dev.shingi.drafttext.api.RefusedDocument;
import dev.shingi.drafttext.api.TextPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The one {@link DocumentReader}: size, then what the file is, then its reader. */
@Component
class Extraction implements DocumentReader {
    /** Default of {@code shingi.documents.max-size}: 20 MB. */
    static final long DEFAULT_MAX_SIZE = 20L * 1024 * 1024;

    private final long maxSize;

    Extraction(@Value("${shingi.documents.max-size:" + DEFAULT_MAX_SIZE + "}") long maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public long maxSize() {
        return maxSize;
    }

    @Override
    public ReadDocument read(byte[] bytes, String fileName, String declaredType) {
        if (bytes == null || bytes.length == 0) {
            throw new RefusedDocument(RefusedDocument.EMPTY, "The file is empty.");
        }
        if (bytes.length > maxSize) {
            throw new RefusedDocument(RefusedDocument.TOO_LARGE, "The file is " + bytes.length + " bytes; a "
                    + "version's document is at most " + maxSize + " bytes (shingi.documents.max-size).");
        }
        FileKind kind = Detection.kind(bytes, name(fileName), declaredType);
        List<TextPage> pages = switch (kind) {
            case PDF -> PdfPages.read(bytes);
            case DOCX -> DocxPages.read(bytes);
            case MARKDOWN, TEXT -> PlainPages.read(bytes);
        };
        String sha256 = sha256(bytes);
        return new ReadDocument(sha256, name(fileName), kind.mediaType, bytes, new DocumentText(sha256, pages));
    }

    /** The name without any folder a client sent with it, at most 255 characters (its end, which has the type). */
    static String name(String fileName) {
        if (fileName == null) {
            return null;
        }
        String n = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
        return n.isEmpty() ? null : n.length() > 255 ? n.substring(n.length() - 255) : n;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
