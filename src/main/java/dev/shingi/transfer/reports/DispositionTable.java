package dev.shingi.transfer.reports;

import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.CommitmentStatus;
import dev.shingi.deliberation.api.CommitmentSummary;
import dev.shingi.deliberation.api.DeliberationSummary;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.ParticipantRef;
import dev.shingi.deliberation.api.ResponseDetail;
import dev.shingi.edge.ShownTime;
import dev.shingi.edge.VersionComparisons.CommentAnchoring;
import org.springframework.context.MessageSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The disposition of comments as plain cells, one row per comment, in one language: what the three formats print.
 * Columns: reference, author, anchor, kind, comment, disposition, responses in full, commitments, where each was kept;
 * and, when a later version has a document to follow the comments' passages into, where each passage is there.
 */
record DispositionTable(String title, String subtitle, List<String> notes, List<String> headings, List<List<String>> rows,
                        Lang lang) {

    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    static final List<String> COLUMNS = List.of("reference", "author", "anchor", "kind", "comment", "disposition",
            "response", "commitments", "fulfilled");

    /** The moment the report shows: on the occurred clock, and (when not "now") the ledger's knowledge. */
    record Moment(Instant at, String knownAt, Long afterEvent) {
    }

    /**
     * The table of these entries; {@code anchorings} is, by comment id, where its passage is in each later version with
     * a document (the column is left out when no comment has one).
     */
    static DispositionTable of(DeliberationSummary deliberation, int from, int to, List<DispositionEntry> entries,
                               Set<Integer> illustrative, Map<Integer, String> overrides,
                               Map<String, Map<Integer, CommentAnchoring>> anchorings, Moment moment, Lang lang,
                               MessageSource messages) {
        Text t = new Text(messages, lang);
        String title = from == to ? t.get("reports.title.one", String.valueOf(from))
                : t.get("reports.title.range", String.valueOf(from), String.valueOf(to));
        String subtitle = deliberation.title() + (deliberation.body() == null ? "" : " — " + deliberation.body());
        List<String> notes = new ArrayList<>();
        notes.add(t.get("reports.asOf", ShownTime.minutes(moment.at(), ZONE, lang.locale) + " (" + ZONE.getId() + ")"));
        if (moment.knownAt() != null) {
            notes.add(t.get("reports.knownAt", moment.knownAt()));
        }
        if (moment.afterEvent() != null) {
            notes.add(t.get("reports.afterEvent", String.valueOf(moment.afterEvent())));
        }
        illustrative.stream().sorted().forEach(v -> notes.add(t.get("disposition.exampleNote", String.valueOf(v))));
        new java.util.TreeMap<>(overrides).forEach((v, reason) ->
                notes.add(t.get("disposition.overrideNote", String.valueOf(v), reason)));
        boolean anchored = anchorings.values().stream().anyMatch(a -> !a.isEmpty());
        List<String> headings = new ArrayList<>(COLUMNS.stream().map(c -> t.get("reports.col." + c)).toList());
        if (anchored) {
            headings.add(t.get("reports.col.anchoring"));
        }
        List<List<String>> rows = entries.stream().map(e -> {
            List<String> row = row(e, from != to, illustrative, t);
            if (!anchored) {
                return row;
            }
            List<String> longer = new ArrayList<>(row);
            longer.add(anchoring(anchorings.getOrDefault(e.comment().commentId(), Map.of()), t));
            return List.copyOf(longer);
        }).toList();
        return new DispositionTable(title, subtitle, notes, headings, rows, lang);
    }

    private static List<String> row(DispositionEntry e, boolean severalVersions, Set<Integer> illustrative, Text t) {
        CommentSummary c = e.comment();
        List<ResponseDetail> responses = e.responses();
        String text = c.proposedChange() == null ? c.text()
                : c.text() + "\n" + t.get("reports.proposedChange", c.proposedChange());
        String anchor = (severalVersions ? "v" + c.draftVersion() + " " : "") + c.anchorText();
        String disposition;
        if (c.status() == CommentStatus.WITHDRAWN) {
            disposition = t.get("commentStatus.WITHDRAWN");
        } else if (responses.isEmpty()) {
            disposition = t.get(c.needsResponse() ? "commentStatus.OPEN" : "commentStatus.NO_RESPONSE_NEEDED");
        } else {
            disposition = t.get("disposition." + responses.get(responses.size() - 1).disposition());
        }
        String answers = responses.stream()
                .map(r -> (responses.size() > 1 ? "[" + t.get("disposition." + r.disposition()) + "] " : "")
                        + person(r.responder()) + ": " + r.text())
                .collect(Collectors.joining("\n"));
        List<CommitmentSummary> commitments = responses.stream().flatMap(r -> r.commitments().stream()).toList();
        String promised = commitments.stream().map(k -> commitment(k, t)).collect(Collectors.joining("\n"));
        String kept = commitments.stream()
                .filter(k -> k.status() == CommitmentStatus.FULFILLED && k.fulfilledInVersion() != null)
                .map(k -> k.reference() + " v" + k.fulfilledInVersion()
                        + (k.location() == null || k.location().describe().equals("—") ? "" : " " + k.location().describe())
                        + (illustrative.contains(k.fulfilledInVersion()) ? " " + t.get("reports.illustrative") : ""))
                .collect(Collectors.joining("\n"));
        return List.of(c.reference(), person(c.author()), anchor, t.get("kind." + c.kind()), text, disposition, answers,
                promised, kept);
    }

    /** One line per later version: "v2 Edited p.2 l.1", in the table's language. */
    private static String anchoring(Map<Integer, CommentAnchoring> byVersion, Text t) {
        return byVersion.entrySet().stream().map(e -> {
            CommentAnchoring a = e.getValue();
            String at = a.to() == null || a.to().page() == null ? ""
                    : " " + (a.to().line() == null ? t.get("anchoring.atPage", a.to().page())
                    : t.get("thread.anchoring.at", a.to().page(), a.to().line()));
            return t.get("thread.anchoring.version", e.getKey()) + " " + t.get("anchoring.status." + a.status()) + at;
        }).collect(Collectors.joining("\n"));
    }

    private static String commitment(CommitmentSummary k, Text t) {
        String due = k.dueDate() == null ? "" : t.get("reports.due", ShownTime.date(k.dueDate(), t.lang().locale));
        String line = t.get("reports.commitment", k.reference(), t.get("commitmentKind." + k.kind()), k.description(),
                k.owner().name(), due, t.get("commitmentStatus." + k.status()))
                + (k.ofEarlierAnswer() ? t.get("reports.earlierAnswer", t.get("answerStanding." + k.answerStanding())) : "");
        return k.closingNote() == null ? line : line + " — " + k.closingNote();
    }

    static String person(ParticipantRef p) {
        return p.title() == null ? p.name() : p.name() + " " + p.title();
    }

    /** Messages of one language; a missing key is a bug of ours, so it is not papered over. */
    record Text(MessageSource messages, Lang lang) {
        String get(String key, Object... args) {
            return messages.getMessage(key, args, lang.locale);
        }
    }
}
