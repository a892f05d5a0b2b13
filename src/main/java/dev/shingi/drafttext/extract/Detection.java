package dev.shingi.drafttext.extract;

import dev.shingi.drafttext.api.RefusedDocument;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, told by its content (the way Apache Tika detects before it parses): {@code %PDF-} opens a PDF, a
 * ZIP holding {@code word/document.xml} is a DOCX, UTF-8 without control characters (other than tab, line breaks and
 * the form feed) is text. The declared media type and the file name's ending are then held against it: a file that is
 * not what they say is refused, whichever of the two is wrong.
 */
final class Detection {
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private Detection() {
    }

    static FileKind kind(byte[] bytes, String fileName, String declaredType) {
        FileKind content = content(bytes);
        FileKind byType = declaredType == null || declaredType.isBlank() ? null : FileKind.ofMediaType(declaredType);
        boolean typeClaims = byType != null || !(declaredType == null || declaredType.isBlank() || generic(declaredType));
        FileKind byName = fileName == null ? null : FileKind.ofFileName(fileName);
        boolean nameClaims = byName != null || (fileName != null && fileName.matches(".*\\.[A-Za-z0-9]{1,8}$"));
        if (content == null) {
            if (isOle2(bytes) && (byType == FileKind.DOCX || byName == FileKind.DOCX) && encryptedOoxml(bytes)) {
                throw new RefusedDocument(RefusedDocument.ENCRYPTED, "The Word file is encrypted; upload it without "
                        + "a password, so that its text can be read and kept.");
            }
            if (typeClaims || nameClaims) {
                throw mismatch("its content is none of PDF, DOCX or UTF-8 text", fileName, declaredType);
            }
            throw new RefusedDocument(RefusedDocument.UNSUPPORTED, "The file is none of PDF, DOCX, Markdown or "
                    + "UTF-8 plain text.");
        }
        if (typeClaims && !agrees(content, byType)) {
            throw mismatch("its content is " + describe(content), fileName, declaredType);
        }
        if (nameClaims && !agrees(content, byName)) {
            throw mismatch("its content is " + describe(content), fileName, declaredType);
        }
        if (content.isText()) {
            return byType == FileKind.MARKDOWN || (byType == null && byName == FileKind.MARKDOWN)
                    ? FileKind.MARKDOWN : FileKind.TEXT;
        }
        return content;
    }

    private static boolean generic(String declaredType) {
        String t = declaredType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return t.equals("application/octet-stream") || t.equals("binary/octet-stream");
    }

    private static boolean agrees(FileKind content, FileKind claimed) {
        return claimed != null && (claimed == content || (claimed.isText() && content.isText()));
    }

    private static RefusedDocument mismatch(String what, String fileName, String declaredType) {
        return new RefusedDocument(RefusedDocument.TYPE_MISMATCH, "The file is not what "
                + (fileName == null ? "" : "its name '" + fileName + "'")
                + (fileName != null && declaredType != null ? " and " : "")
                + (declaredType == null ? "" : "its type '" + declaredType + "'")
                + (fileName != null && declaredType != null ? " say: " : " says: ") + what + ".");
    }

    private static String describe(FileKind kind) {
        return switch (kind) {
            case PDF -> "a PDF";
            case DOCX -> "a DOCX (Word) document";
            case MARKDOWN, TEXT -> "UTF-8 text";
        };
    }

    /** The kind the bytes show, or null when they show none of ours. */
    static FileKind content(byte[] bytes) {
        if (startsWith(bytes, PDF)) {
            return FileKind.PDF;
        }
        if (startsWith(bytes, ZIP)) {
            return holdsWordDocument(bytes) ? FileKind.DOCX : null;
        }
        return isText(bytes) ? FileKind.TEXT : null;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isOle2(byte[] bytes) {
        return startsWith(bytes, OLE2);
    }

    /** An encrypted DOCX is an OLE2 container with an EncryptionInfo stream (ECMA-376 part 2). */
    private static boolean encryptedOoxml(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean holdsWordDocument(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isText(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    return false;
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
