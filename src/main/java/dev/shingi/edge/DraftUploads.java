package dev.shingi.edge;

import dev.shingi.deliberation.api.DraftDocument;
import dev.shingi.drafttext.api.DocumentLibrary;
import dev.shingi.drafttext.api.DocumentReader;
import dev.shingi.drafttext.api.ReadDocument;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A version's file as the API and the pages take it (part {@code file}): read into text (a refusal is a
 * {@link dev.shingi.drafttext.api.RefusedDocument}, 400 naming the part), then staged for the publishing command,
 * whose handler keeps it in the command's own transaction. Close the {@link Upload} once the command is answered.
 */
@Component
public class DraftUploads {
    private final DocumentReader reader;
    private final DocumentLibrary library;

    DraftUploads(DocumentReader reader, DocumentLibrary library) {
        this.reader = reader;
        this.library = library;
    }

    /** What the command carries ({@code document}) and the hold on its bytes until the command is answered. */
    public record Upload(DraftDocument document, DocumentLibrary.Staged staged) implements AutoCloseable {
        @Override
        public void close() {
            staged.close();
        }
    }

    /** True when a form's file input was left empty: a part with no name and no bytes. */
    public static boolean isNone(MultipartFile file) {
        return file == null || (file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isEmpty()));
    }

    public Upload stage(MultipartFile file) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReadDocument d = reader.read(bytes, file.getOriginalFilename(), file.getContentType());
        return new Upload(new DraftDocument(d.sha256(), d.fileName(), d.mediaType(), d.size(), d.pageCount()),
                library.stage(d));
    }

    public long maxSize() {
        return reader.maxSize();
    }
}
