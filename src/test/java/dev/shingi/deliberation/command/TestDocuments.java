package dev.shingi.deliberation.command;

import dev.shingi.drafttext.api.DocumentLibrary;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.ReadDocument;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents for the aggregate fixtures, in memory: what {@code drafttext.store.DocumentTable} keeps in its table
 * (tested over HTTP against the real one). A staged document is kept by {@link #keep}, as in production.
 */
final class TestDocuments implements DocumentLibrary {
    private final Map<String, ReadDocument> staged = new ConcurrentHashMap<>();
    private final Map<String, ReadDocument> kept = new ConcurrentHashMap<>();

    @Override
    public Staged stage(ReadDocument document) {
        staged.put(document.sha256(), document);
        return () -> staged.remove(document.sha256());
    }

    @Override
    public void keep(String sha256) {
        ReadDocument d = kept.containsKey(sha256) ? kept.get(sha256) : staged.get(sha256);
        if (d == null) {
            throw new IllegalStateException("Document " + sha256 + " is neither kept nor staged.");
        }
        kept.put(sha256, d);
    }

    @Override
    public Optional<DocumentText> text(String sha256) {
        return Optional.ofNullable(kept.get(sha256)).map(ReadDocument::text);
    }

    @Override
    public Optional<ReadDocument> document(String sha256) {
        return Optional.ofNullable(kept.get(sha256));
    }

    @Override
    public List<String> hashes() {
        return kept.keySet().stream().sorted().toList();
    }

    @Override
    public void put(ReadDocument document) {
        kept.putIfAbsent(document.sha256(), document);
    }
}
