package dev.shingi.transfer.ledger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.CommentRaised;
import dev.shingi.deliberation.api.DeliberationOpened;
import dev.shingi.deliberation.api.LedgerCheckpointed;
import dev.shingi.integrity.EventSignature;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The import's first pass: the whole file read once and checked — its form ({@link ExportLines}), log order, every
 * aggregate's sequence, each payload readable, each event's signature under this installation's key (unless the
 * import re-signs), every line against the signed trailer ({@link ExportTrailer}) and the end line's count, every
 * document line's bytes against its sha256 and every document an event names present ({@link DocumentLines}, format
 * version 2) — before anything is written. What it learns is the writing pass's {@link Summary}.
 */
final class ImportCheck {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final Serializer serializer;
    private final EventSignature signature;
    private final ExportLines form;
    private final DocumentLines documents = new DocumentLines();
    private final ObjectMapper json = new ObjectMapper();

    ImportCheck(Serializer serializer, EventSignature signature, ExportLines form) {
        this.serializer = serializer;
        this.signature = signature;
        this.form = form;
    }

    /** What the validation learned, for the writing pass. */
    static final class Summary {
        long events;
        final Map<String, Long> sequences = new HashMap<>();
        final Map<String, String> hashes = new HashMap<>();
        /** Per deliberation, the highest comment number its comments took. */
        final Map<String, Integer> lastComment = new HashMap<>();
        boolean positionsContiguous = true;
        boolean hadCheckpoints;
        int version;
        /** Each document an event names, with the line of the first event that names it. */
        final Map<String, Long> named = new LinkedHashMap<>();
        /** The documents the file carries (absent ones included) and how many it carries with their bytes. */
        final Set<String> carried = new HashSet<>();
        int documents;
    }

    Summary validate(Path file, boolean resign) throws IOException {
        Summary s = new Summary();
        ExportTrailer.Expected trailer = ExportTrailer.read(file, LedgerImport.MAX_LINE);
        ExportTrailer.Digest digest = new ExportTrailer.Digest();
        try (Lines lines = new Lines(Files.newInputStream(file), LedgerImport.MAX_LINE)) {
            byte[] first = ExportLines.next(lines);
            if (first == null) {
                throw ImportRefused.at(1, "the input is empty; an export starts with a header line {\"format\":\""
                        + LedgerFormat.FORMAT + "\",\"version\":" + LedgerFormat.VERSION + ",…}");
            }
            s.version = form.header(first, lines.number());
            exported(trailer, digest, first, lines.number());
            long lastPosition = 0;
            Long endCount = null;
            byte[] bytes;
            while ((bytes = ExportLines.next(lines)) != null) {
                long n = lines.number();
                if (endCount != null) {
                    throw ImportRefused.at(n, "nothing may follow the end line");
                }
                if (bytes.length == 0) {
                    throw ImportRefused.at(n, "empty line");
                }
                if (form.isEnd(bytes)) {
                    endCount = form.end(bytes, n);
                    if (endCount != s.events) {
                        throw ImportRefused.at(n, "the end line counts " + endCount + " events, the file holds "
                                + s.events);
                    }
                    if (s.version >= 2) {
                        everyNamedDocumentCarried(s);
                    }
                    signedTrailer(bytes, n, digest, resign);
                    continue;
                }
                if (documents.isDocument(bytes)) {
                    if (s.version < 2) {
                        throw ImportRefused.at(n, "document lines come with format version 2; the header says "
                                + s.version);
                    }
                    DocumentLines.Carried d = documents.parse(bytes, n);
                    if (!s.carried.add(d.sha256())) {
                        throw ImportRefused.at(n, "document " + d.sha256() + " occurs twice in the file");
                    }
                    if (d.document() != null) {
                        s.documents++;
                    }
                    exported(trailer, digest, bytes, n);
                    continue;
                }
                EventLine e = form.parse(bytes, n);
                if (e.position() <= lastPosition) {
                    throw ImportRefused.at(n, "position " + e.position() + " does not follow " + lastPosition
                            + "; events must be in log order");
                }
                if (e.position() != lastPosition + 1) {
                    s.positionsContiguous = false;
                }
                lastPosition = e.position();
                Long previous = s.sequences.get(e.aggregateId());
                long expected = previous == null ? 0 : previous + 1;
                if (e.sequence() != expected) {
                    throw ImportRefused.at(n, "aggregate '" + e.aggregateId() + "' has sequence number "
                            + e.sequence() + " where " + expected + " was expected; every aggregate's events run 0, "
                            + "1, 2… without gaps");
                }
                s.sequences.put(e.aggregateId(), e.sequence());
                Object payload = payload(e, n);
                Map<String, Object> meta = metaData(e, n);
                if (!resign) {
                    String previousHash = e.sequence() == 0 ? EventSignature.GENESIS : s.hashes.get(e.aggregateId());
                    String expectedHash = signature.hash(previousHash, e.aggregateId(), e.sequence(), e.eventId(),
                            e.payloadType(), e.payloadRevision(), e.recordedAt(), e.payload(), meta);
                    Object stored = meta.get(EventSignature.HASH);
                    if (!expectedHash.equals(stored)) {
                        throw ImportRefused.at(n, (stored == null ? "the event is not signed"
                                : "the event's hash does not match its content under this installation's integrity key")
                                + ": the file was changed, or it comes from a ledger with another key "
                                + "(shingi.integrity.key). To sign the events with this installation's key instead, "
                                + "import with resign=true (docs/backup.md)");
                    }
                    s.hashes.put(e.aggregateId(), expectedHash);
                }
                String document = DocumentLines.named(payload);
                if (document != null) {
                    s.named.putIfAbsent(document, n);
                }
                if (payload instanceof CommentRaised raised) {
                    s.lastComment.merge(raised.deliberationId(), number(raised.reference()), Math::max);
                } else if (payload instanceof DeliberationOpened opened) {
                    s.lastComment.putIfAbsent(opened.deliberationId(), 0);
                } else if (payload instanceof LedgerCheckpointed) {
                    s.hadCheckpoints = true;
                }
                exported(trailer, digest, bytes, n);
                s.events++;
            }
            if (endCount == null) {
                throw ImportRefused.at(lines.number() + 1, "the end line {\"" + LedgerFormat.END + "\":\""
                        + LedgerFormat.FORMAT + "\",\"events\":N} is missing: the file is incomplete");
            }
        }
        return s;
    }

    /**
     * Line {@code n} must be the export's line {@code n}, as the trailer's fingerprints say (when the file ends in
     * one): the first line that is not names the alteration.
     */
    private static void exported(ExportTrailer.Expected trailer, ExportTrailer.Digest digest, byte[] line, long n) {
        String fingerprint = digest.line(line);
        if (trailer == null || fingerprint.equals(trailer.fingerprint(n))) {
            return;
        }
        if (n > trailer.lines()) {
            throw ImportRefused.at(n, "the end line signed " + trailer.lines() + " lines before it; this is line " + n
                    + ": lines were added to the export");
        }
        if (n == 1) {
            throw ImportRefused.at(n, "the header is not the one the end line signed: the header was changed, or the "
                    + "end line belongs to another export");
        }
        long was = trailer.lineOf(fingerprint, n);
        throw ImportRefused.at(n, was == 0
                ? "this line is not the exported line " + n + " (the end line's fingerprint of it differs): it was "
                + "changed, or put in from elsewhere"
                : "this line is the export's line " + was + ", not its line " + n + ": "
                + (was > n ? "the lines between were left out, or moved" : "lines were moved or repeated"));
    }

    /** Every document an event names has its line (a version-2 export carries them all). */
    private static void everyNamedDocumentCarried(Summary s) {
        for (Map.Entry<String, Long> e : s.named.entrySet()) {
            if (!s.carried.contains(e.getKey())) {
                throw ImportRefused.at(e.getValue(), "the event names document " + e.getKey() + " (its version's "
                        + "file), which the file does not carry: its document line was left out");
            }
        }
    }

    /** The end line is the trailer the export signed over exactly the lines before it. */
    private void signedTrailer(byte[] line, long n, ExportTrailer.Digest digest, boolean resign) {
        ExportTrailer.Expected t = ExportTrailer.parse(line);
        if (t == null) {
            if (resign) {
                return; // an export by an older Shingi: the file is taken as it says (docs/backup.md)
            }
            throw ImportRefused.at(n, "the end line carries no signed trailer (lines, head, fingerprints, signature): "
                    + "it was removed or replaced, or the file was written by an older Shingi (import it with "
                    + "resign=true to take it as it is)");
        }
        if (t.lines() != digest.lines()) {
            throw ImportRefused.at(n, "the end line signed " + t.lines() + " lines before it; the file has "
                    + digest.lines() + ": lines were cut or added");
        }
        if (!t.head().equals(digest.head())) {
            throw ImportRefused.at(n, "the lines' running hash is not the one the end line signed: the file was changed");
        }
        if (!resign && !signature.signed(ExportTrailer.signed(t.events(), t.lines(), t.head(), t.fingerprints()),
                t.signature())) {
            throw ImportRefused.at(n, "the end line's signature is not this installation's (shingi.integrity.key): "
                    + "the trailer was forged, or the file comes from a ledger with another key (import with "
                    + "resign=true)");
        }
    }

    private Object payload(EventLine e, long n) {
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(e.payload(), byte[].class, e.payloadType(),
                    e.payloadRevision()));
        } catch (RuntimeException x) {
            throw ImportRefused.at(n, "the payload is not a readable " + e.payloadType() + ": " + ExportLines.rootMessage(x));
        }
    }

    private Map<String, Object> metaData(EventLine e, long n) {
        try {
            return json.readValue(e.metaData(), MAP);
        } catch (IOException x) {
            throw ImportRefused.at(n, "metaData: " + ExportLines.jsonProblem(x));
        }
    }

    private static int number(String reference) {
        try {
            return reference != null && reference.startsWith("#") ? Integer.parseInt(reference.substring(1)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
