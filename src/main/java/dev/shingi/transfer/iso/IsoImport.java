package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.FindComments;
import dev.shingi.deliberation.api.FindDeliberation;
import dev.shingi.deliberation.api.FindVersions;
import dev.shingi.deliberation.api.RaiseComment;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.VersionSummary;
import dev.shingi.edge.InvalidInput;
import dev.shingi.edge.ReadClock;
import dev.shingi.platform.Ledger;
import dev.shingi.security.AccessPolicy;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A filled template imported as comments on a version, for the API and the page alike: the secretariat's (or an
 * admin's); every row checked first ({@link BadTable} with every problem, nothing recorded), then one RaiseComment per
 * row, in writing, on behalf of the row's MB/NC, as of the moment it is received. The MB/NC must already be a
 * participant: the import registers no one.
 */
@Component
class IsoImport {
    private final QueryGateway queries;
    private final Ledger ledger;
    private final ReadClock clock;
    private final AccessPolicy access;

    IsoImport(QueryGateway queries, Ledger ledger, ReadClock clock, AccessPolicy access) {
        this.queries = queries;
        this.ledger = ledger;
        this.clock = clock;
        this.access = access;
    }

    /** One recorded comment: the row it came from, its id, its reference (#n) and its author. */
    record Recorded(int row, String commentId, String reference, String authorId) {
    }

    /** What an import did: the data rows read below the header, the comments recorded, the rows whose observations were left out. */
    record Imported(String deliberationId, int version, int rowsRead, List<Recorded> comments,
                    List<Integer> observationsNotRecorded) {
    }

    Imported importTable(String id, Integer version, byte[] bytes, boolean xlsx, Charset charset, MetaData meta) {
        int v = version(version);
        access.requireSecretariat(id);
        DeliberationDetail deliberation = deliberation(id);
        VersionSummary draft = queries.query(new FindVersions(id, clock.current()),
                        ResponseTypes.multipleInstancesOf(VersionSummary.class)).join().stream()
                .filter(x -> x.version() == v).findFirst()
                .orElseThrow(() -> new UnknownRecord("version", "Deliberation '" + id + "' has no version " + v + "."));
        List<Sheet.Line> lines = xlsx ? Sheet.xlsx(bytes) : Sheet.csv(bytes, charset);
        List<Sheet.Entry> entries = Sheet.entries(lines);
        List<Template.Comment> comments = Template.check(entries, deliberation.participants(), draft.pageCount());

        // every row is good: one RaiseComment each, then one wait for the read models
        Instant received = clock.now();
        Map<String, Template.Comment> byId = new LinkedHashMap<>();
        ledger.batch(() -> {
            for (Template.Comment c : comments) {
                String commentId = dev.shingi.platform.IdempotentRequest.newId();
                ledger.record(new RaiseComment(commentId, id, c.authorId(), v, c.anchor(), c.kind(), c.text(), null,
                        received, c.proposedChange()), meta);
                byId.put(commentId, c);
            }
            return null;
        });
        ledger.awaitProjections();
        Map<String, String> references = queries.query(new FindComments(id, clock.current()),
                        ResponseTypes.multipleInstancesOf(CommentSummary.class)).join().stream()
                .filter(c -> byId.containsKey(c.commentId()))
                .collect(Collectors.toMap(CommentSummary::commentId, CommentSummary::reference));
        List<Recorded> recorded = new ArrayList<>();
        byId.forEach((commentId, c) -> recorded.add(new Recorded(c.row(), commentId, references.get(commentId),
                c.authorId())));
        return new Imported(id, v, entries.size(), recorded, comments.stream()
                .filter(Template.Comment::hadObservations).map(Template.Comment::row).toList());
    }

    DeliberationDetail deliberation(String id) {
        return queries.query(new FindDeliberation(id, clock.current()), ResponseTypes.instanceOf(DeliberationDetail.class)).join();
    }

    static int version(Integer version) {
        if (version == null) {
            throw new InvalidInput("version", "is required: the draft version the comments are on");
        }
        if (version < 1) {
            throw new InvalidInput("version", "must be 1 or more; versions count from 1");
        }
        return version;
    }
}
