package dev.shingi.drafttext.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.drafttext.api.DocumentLibrary;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.ReadDocument;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link DocumentLibrary} in table {@code draft_document} (migration V20). Staged documents wait in memory on the
 * node that read them: the command bus runs the publishing command on the caller's thread, so the handler that keeps
 * one runs where it was staged. Two requests staging the same file share one entry, counted.
 */
@Component
class DocumentTable implements DocumentLibrary {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Held> staged = new ConcurrentHashMap<>();

    private record Held(ReadDocument document, int holders) {
    }

    DocumentTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Staged stage(ReadDocument document) {
        staged.merge(document.sha256(), new Held(document, 1), (a, b) -> new Held(a.document(), a.holders() + 1));
        return () -> staged.computeIfPresent(document.sha256(),
                (sha, held) -> held.holders() == 1 ? null : new Held(held.document(), held.holders() - 1));
    }

    @Override
    public void keep(String sha256) {
        if (isKept(sha256)) {
            return;
        }
        Held held = staged.get(sha256);
        if (held == null) {
            throw new IllegalStateException("Document " + sha256 + " is neither kept nor staged for this command.");
        }
        insert(held.document());
    }

    @Override
    public void put(ReadDocument document) {
        if (!isKept(document.sha256())) {
            insert(document);
        }
    }

    private boolean isKept(String sha256) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM draft_document WHERE sha256 = ?", Integer.class, sha256);
        return n != null && n > 0;
    }

    private void insert(ReadDocument d) {
        byte[] text;
        try {
            text = json.writeValueAsBytes(d.text());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.update("INSERT INTO draft_document (sha256, file_name, media_type, size_bytes, page_count, content, "
                        + "text_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                d.sha256(), d.fileName(), d.mediaType(), d.size(), d.pageCount(), d.bytes(), text);
    }

    @Override
    public Optional<DocumentText> text(String sha256) {
        return jdbc.query("SELECT text_json FROM draft_document WHERE sha256 = ?",
                (rs, i) -> text(rs.getBytes(1)), sha256).stream().findFirst();
    }

    @Override
    public Optional<ReadDocument> document(String sha256) {
        return jdbc.query("SELECT sha256, file_name, media_type, content, text_json FROM draft_document WHERE sha256 = ?",
                (rs, i) -> new ReadDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        text(rs.getBytes(5))), sha256).stream().findFirst();
    }

    @Override
    public List<String> hashes() {
        return jdbc.queryForList("SELECT sha256 FROM draft_document ORDER BY sha256", String.class);
    }

    private DocumentText text(byte[] stored) {
        try {
            return json.readValue(stored, DocumentText.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
