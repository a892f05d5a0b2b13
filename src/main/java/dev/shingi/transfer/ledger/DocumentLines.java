package dev.shingi.transfer.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.deliberation.api.DraftDocument;
import dev.shingi.deliberation.api.DraftPublished;
import dev.shingi.deliberation.api.RevisionCommitted;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.ReadDocument;
import dev.shingi.drafttext.api.TextPage;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A version's document as a line of an export (format version 2, docs/backup.md):
 * {@code {"document":{"sha256","fileName","mediaType","size","bytes","text"}}}, the bytes in base64 and the text as it
 * was read at publication ({@code GET …/versions/{n}/text}). A document the source ledger names but does not keep
 * (it was restored from a version-1 export, which carried none) is {@code {"document":{"sha256","absent":true}}}.
 * Reading a line checks it whole: the bytes must hash to the sha256, the text must be that document's.
 */
final class DocumentLines {
    static final String DOCUMENT = "document";
    static final String SHA256 = "sha256";
    static final String FILE_NAME = "fileName";
    static final String MEDIA_TYPE = "mediaType";
    static final String SIZE = "size";
    static final String BYTES = "bytes";
    static final String TEXT = "text";
    static final String ABSENT = "absent";
    private static final Set<String> FIELDS = Set.of(SHA256, FILE_NAME, MEDIA_TYPE, SIZE, BYTES, TEXT);

    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A document read from a line: kept, or named by the source without its bytes ({@code document} null). */
    record Carried(String sha256, ReadDocument document) {
    }

    /** The hash of the document an event names (a version published with its file), or null. */
    static String named(Object payload) {
        DraftDocument d = payload instanceof DraftPublished p ? p.document()
                : payload instanceof RevisionCommitted r ? r.document() : null;
        return d == null ? null : d.sha256();
    }

    /** Whether the payload type may name a document: only those events' payloads are read for one on export. */
    static boolean mayName(String payloadType) {
        return DraftPublished.class.getName().equals(payloadType) || RevisionCommitted.class.getName().equals(payloadType);
    }

    Map<String, Object> line(ReadDocument d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(SHA256, d.sha256());
        fields.put(FILE_NAME, d.fileName());
        fields.put(MEDIA_TYPE, d.mediaType());
        fields.put(SIZE, d.size());
        fields.put(BYTES, Base64.getEncoder().encodeToString(d.bytes()));
        fields.put(TEXT, d.text());
        return Map.of(DOCUMENT, fields);
    }

    Map<String, Object> absent(String sha256) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(SHA256, sha256);
        fields.put(ABSENT, true);
        return Map.of(DOCUMENT, fields);
    }

    boolean isDocument(byte[] line) {
        try (JsonParser p = factory.createParser(line)) {
            return p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME
                    && DOCUMENT.equals(p.currentName());
        } catch (IOException e) {
            return false; // the event line's reading reports it
        }
    }

    Carried parse(byte[] line, long n) {
        JsonNode d;
        try (JsonParser p = factory.createParser(line)) {
            JsonNode whole = json.readTree(p);
            if (p.nextToken() != null || whole == null || whole.size() != 1) {
                throw ImportRefused.at(n, "a document line is one JSON object with the one field '" + DOCUMENT + "'");
            }
            d = whole.get(DOCUMENT);
        } catch (IOException e) {
            throw ImportRefused.at(n, "not JSON: " + ExportLines.jsonProblem(e));
        }
        if (d == null || !d.isObject()) {
            throw ImportRefused.at(n, "document must be a JSON object");
        }
        String sha = d.path(SHA256).asText(null);
        if (sha == null || !d.get(SHA256).isTextual() || !sha.matches("[0-9a-f]{64}")) {
            throw ImportRefused.at(n, "document.sha256 must be 64 lower-case hex digits");
        }
        if (d.has(ABSENT)) {
            if (d.size() != 2 || !d.get(ABSENT).isBoolean() || !d.get(ABSENT).booleanValue()) {
                throw ImportRefused.at(n, "an absent document is {\"sha256\":…,\"absent\":true} and nothing else");
            }
            return new Carried(sha, null);
        }
        for (var names = d.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ImportRefused.at(n, "document has an unknown field '" + name + "'");
            }
        }
        String fileName = string(d, FILE_NAME, n);
        String mediaType = string(d, MEDIA_TYPE, n);
        if (!d.path(SIZE).isIntegralNumber()) {
            throw ImportRefused.at(n, "document.size must be an integer");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(string(d, BYTES, n));
        } catch (IllegalArgumentException e) {
            throw ImportRefused.at(n, "document.bytes is not base64: " + e.getMessage());
        }
        if (bytes.length != d.get(SIZE).asLong()) {
            throw ImportRefused.at(n, "document.size says " + d.get(SIZE).asLong() + " bytes; document.bytes holds "
                    + bytes.length);
        }
        String actual = sha256(bytes);
        if (!actual.equals(sha)) {
            throw ImportRefused.at(n, "document " + sha + ": its bytes hash to " + actual + ", not to its sha256: the "
                    + "document was changed");
        }
        DocumentText text = text(d.get(TEXT), n);
        if (!sha.equals(text.sha256())) {
            throw ImportRefused.at(n, "document.text.sha256 is " + text.sha256() + ", not the document's " + sha);
        }
        return new Carried(sha, new ReadDocument(sha, fileName, mediaType, bytes, text));
    }

    private DocumentText text(JsonNode node, long n) {
        if (node == null || !node.isObject() || !node.path("pages").isArray()) {
            throw ImportRefused.at(n, "document.text must be {\"sha256\":…,\"pages\":[{\"page\":1,\"lines\":[…]},…]}");
        }
        try {
            DocumentText text = json.treeToValue(node, DocumentText.class);
            List<TextPage> pages = new ArrayList<>(text.pages());
            for (int i = 0; i < pages.size(); i++) {
                if (pages.get(i) == null || pages.get(i).page() != i + 1) {
                    throw ImportRefused.at(n, "document.text.pages[" + i + "] must be page " + (i + 1));
                }
            }
            return text;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRefused refused) {
                throw refused;
            }
            throw ImportRefused.at(n, "document.text is not a document's text: " + ExportLines.rootMessage(e));
        }
    }

    private static String string(JsonNode d, String field, long n) {
        JsonNode v = d.get(field);
        if (v == null || !v.isTextual()) {
            throw ImportRefused.at(n, "document." + field + " must be a string");
        }
        return v.asText();
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
