package dev.shingi.edge;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.FindComments;
import dev.shingi.deliberation.api.FindVersions;
import dev.shingi.deliberation.api.FulfilledCommitment;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.VersionDocuments;
import dev.shingi.deliberation.api.VersionSummary;
import dev.shingi.drafttext.api.AnchorStatus;
import dev.shingi.drafttext.api.CommentAnchor;
import dev.shingi.drafttext.api.DocumentLibrary;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.Keeping;
import dev.shingi.drafttext.api.Provenance;
import dev.shingi.drafttext.api.Reanchoring;
import dev.shingi.drafttext.api.Spot;
import dev.shingi.drafttext.api.TextChange;
import dev.shingi.drafttext.api.TextComparer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two versions of a deliberation compared, for the API, the pages and the reports alike: their texts (drafttext),
 * the comments raised on the earlier one and the commitments the later one fulfilled (the read models, as of a moment).
 * The texts never change once published; which comments and fulfilments count is the moment's.
 */
@Component
public class VersionComparisons {
    /** A version named in the path (404) or in {@code from} (400): the field of the problem. */
    public static final String VERSION = "version";
    public static final String FROM = "from";

    private final VersionDocuments documents;
    private final DocumentLibrary library;
    private final TextComparer comparer;
    private final QueryGateway queries;

    VersionComparisons(VersionDocuments documents, DocumentLibrary library, TextComparer comparer, QueryGateway queries) {
        this.documents = documents;
        this.library = library;
        this.comparer = comparer;
        this.queries = queries;
    }

    /** Where one comment's passage went in version {@code version}, with the comment's reference and version. */
    public record CommentAnchoring(String commentId, String reference, int raisedOn, AnchorStatus status, Spot from,
                                   Spot to, @com.fasterxml.jackson.annotation.JsonProperty("old") String oldText,
                                   @com.fasterxml.jackson.annotation.JsonProperty("new") String newText) {
        static CommentAnchoring of(CommentSummary c, Reanchoring r) {
            return new CommentAnchoring(c.commentId(), c.reference(), c.draftVersion(), r.status(), r.from(), r.to(),
                    r.oldText(), r.newText());
        }
    }

    /** Version {@code version}'s text; 404 {@code version} when it does not exist, 404 {@code document} without one. */
    public DocumentText text(String deliberationId, int version) {
        return textOrEmpty(deliberationId, version).orElseThrow(() -> new UnknownRecord("document",
                "Version " + version + " of '" + deliberationId + "' was published without its document."));
    }

    /**
     * The changes from version {@code from} (null: the version it is based on, else the one before) to {@code version}.
     * 404 for an unknown version or one without a document; 400 {@code from} for a from that is not an earlier version
     * with a document.
     */
    public List<TextChange> diff(String deliberationId, int version, Integer from, AsOf asOf) {
        VersionSummary newer = version(deliberationId, version, asOf);
        int older = from(deliberationId, newer, from, asOf);
        return comparer.changes(olderText(deliberationId, older), text(deliberationId, version));
    }

    /** The version a comparison with {@code version} is from: {@code from} as checked, or its default. */
    public int from(String deliberationId, VersionSummary newer, Integer from, AsOf asOf) {
        int older = from != null ? from : newer.basedOn() != null ? newer.basedOn() : newer.version() - 1;
        if (older >= newer.version()) {
            throw new InvalidInput(FROM, "must be an earlier version than " + newer.version() + "; " + older + " is not");
        }
        if (older < 1 || versions(deliberationId, asOf).stream().noneMatch(v -> v.version() == older)) {
            throw new InvalidInput(FROM, from == null
                    ? "version " + newer.version() + " is the first; name an earlier version to compare with"
                    : "names no version of '" + deliberationId + "': " + older);
        }
        return older;
    }

    /**
     * For every comment raised on a version before {@code version}, where its passage is in {@code version}, in
     * reference order. Comments on a version without a document, or pointing nowhere in the text (no page, no quote),
     * are not listed: there is nothing to follow.
     */
    public List<CommentAnchoring> anchoring(String deliberationId, int version, AsOf asOf) {
        version(deliberationId, version, asOf);
        DocumentText newer = text(deliberationId, version);
        Map<Integer, List<CommentSummary>> byVersion = new LinkedHashMap<>();
        for (CommentSummary c : comments(deliberationId, asOf)) {
            if (c.draftVersion() < version) {
                byVersion.computeIfAbsent(c.draftVersion(), v -> new ArrayList<>()).add(c);
            }
        }
        Map<String, CommentAnchoring> found = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<CommentSummary>> e : byVersion.entrySet()) {
            Optional<DocumentText> older = textOrEmpty(deliberationId, e.getKey());
            if (older.isEmpty()) {
                continue;
            }
            List<CommentSummary> comments = e.getValue();
            Map<String, CommentSummary> byId = new LinkedHashMap<>();
            comments.forEach(c -> byId.put(c.commentId(), c));
            for (Reanchoring r : comparer.reanchor(older.get(), newer, anchors(comments))) {
                found.put(r.commentId(), CommentAnchoring.of(byId.get(r.commentId()), r));
            }
        }
        List<CommentAnchoring> out = new ArrayList<>();
        for (CommentSummary c : comments(deliberationId, asOf)) {
            if (found.containsKey(c.commentId())) {
                out.add(found.get(c.commentId()));
            }
        }
        return out;
    }

    /**
     * Where one comment's passage is in every later version with a document, by version, as of {@code asOf}: the
     * status the thread page and the disposition report show.
     */
    public Map<Integer, CommentAnchoring> anchoringOf(CommentSummary comment, AsOf asOf) {
        Map<Integer, CommentAnchoring> out = new LinkedHashMap<>();
        Optional<DocumentText> older = textOrEmpty(comment.deliberationId(), comment.draftVersion());
        if (older.isEmpty()) {
            return out;
        }
        for (VersionSummary v : versions(comment.deliberationId(), asOf)) {
            if (v.version() <= comment.draftVersion()) {
                continue;
            }
            Optional<DocumentText> newer = textOrEmpty(comment.deliberationId(), v.version());
            if (newer.isEmpty()) {
                continue;
            }
            comparer.reanchor(older.get(), newer.get(), anchors(List.of(comment))).stream().findFirst()
                    .ifPresent(r -> out.put(v.version(), CommentAnchoring.of(comment, r)));
        }
        return out;
    }

    /**
     * Each change from {@code from} (as for {@link #diff}) to {@code version} with the commitments {@code version}
     * fulfilled at its page and the comments on {@code from} whose passage it edited or removed.
     */
    public Provenance provenance(String deliberationId, int version, Integer from, AsOf asOf) {
        VersionSummary newer = version(deliberationId, version, asOf);
        int older = from(deliberationId, newer, from, asOf);
        List<CommentSummary> onOlder = comments(deliberationId, asOf).stream()
                .filter(c -> c.draftVersion() == older).toList();
        List<Keeping> keepings = newer.fulfilled().stream().map(VersionComparisons::keeping).toList();
        return comparer.provenance(olderText(deliberationId, older), text(deliberationId, version), keepings,
                anchors(onOlder));
    }

    /** Version {@code version} as of {@code asOf}; 404 {@code version} when it is not (yet) on record. */
    public VersionSummary version(String deliberationId, int version, AsOf asOf) {
        return versions(deliberationId, asOf).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new UnknownRecord(VERSION,
                        "Deliberation '" + deliberationId + "' has no version " + version + "."));
    }

    private DocumentText olderText(String deliberationId, int older) {
        return textOrEmpty(deliberationId, older).orElseThrow(() -> new InvalidInput(FROM,
                "version " + older + " was published without its document: there is no text to compare"));
    }

    private Optional<DocumentText> textOrEmpty(String deliberationId, int version) {
        return documents.documentOf(deliberationId, version).flatMap(library::text);
    }

    private List<VersionSummary> versions(String deliberationId, AsOf asOf) {
        return queries.query(new FindVersions(deliberationId, asOf),
                ResponseTypes.multipleInstancesOf(VersionSummary.class)).join();
    }

    private List<CommentSummary> comments(String deliberationId, AsOf asOf) {
        return queries.query(new FindComments(deliberationId, asOf),
                ResponseTypes.multipleInstancesOf(CommentSummary.class)).join();
    }

    private static List<CommentAnchor> anchors(List<CommentSummary> comments) {
        List<CommentAnchor> out = new ArrayList<>(comments.size());
        for (CommentSummary c : comments) {
            Anchor a = c.anchor() == null ? Anchor.NONE : c.anchor();
            out.add(new CommentAnchor(c.commentId(), c.reference(), a.pageFrom(), a.lineFrom(), a.quote(), a.prefix(),
                    a.suffix()));
        }
        return out;
    }

    private static Keeping keeping(FulfilledCommitment f) {
        Integer page = f.location() == null ? null : f.location().page();
        String footnote = f.location() == null ? null : f.location().footnote();
        String section = f.location() == null ? null : f.location().section();
        return new Keeping(f.commitmentId(), f.reference(), f.commentId(), f.commentReference(), page, footnote, section);
    }
}
