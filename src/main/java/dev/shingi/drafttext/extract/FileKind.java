package dev.shingi.drafttext.extract;

import java.util.List;
import java.util.Locale;

/** The kinds of file a version's document may be, with the media types and name endings that claim each. */
enum FileKind {
    PDF("application/pdf", List.of("application/pdf", "application/x-pdf"), List.of(".pdf")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), List.of(".docx")),
    MARKDOWN("text/markdown", List.of("text/markdown", "text/x-markdown"), List.of(".md", ".markdown")),
    TEXT("text/plain", List.of("text/plain"), List.of(".txt", ".text"));

    final String mediaType;
    private final List<String> types;
    private final List<String> endings;

    FileKind(String mediaType, List<String> types, List<String> endings) {
        this.mediaType = mediaType;
        this.types = types;
        this.endings = endings;
    }

    boolean isText() {
        return this == MARKDOWN || this == TEXT;
    }

    /** The kind a media type claims (parameters such as charset ignored); null for a type claiming none of them. */
    static FileKind ofMediaType(String mediaType) {
        String t = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (FileKind k : values()) {
            if (k.types.contains(t)) {
                return k;
            }
        }
        return null;
    }

    /** The kind a file name's ending claims; null for an ending claiming none of them. */
    static FileKind ofFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (FileKind k : values()) {
            for (String e : k.endings) {
                if (n.endsWith(e)) {
                    return k;
                }
            }
        }
        return null;
    }
}
