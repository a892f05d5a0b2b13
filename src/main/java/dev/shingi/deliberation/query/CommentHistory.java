package dev.shingi.deliberation.query;

import dev.shingi.deliberation.api.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import static dev.shingi.deliberation.query.Temporal.FOREVER;
import static dev.shingi.deliberation.query.Temporal.millis;

/**
 * One comment's events, and what they mean on the occurred clock for what the ledger knows now: the rows of the
 * comment, its responses, its commitments and its timeline entries, each with the stretch of occurred time it holds.
 * A pure function of the events; {@link CommentsProjection} compares its answer before and after each new event and
 * writes the difference as a new slab of knowledge.
 * <p>
 * The fold, as docs/time.md states it: corrections known by then amend their record (for every occurred time); then
 * the comment's events whose (corrected) occurred time is at or before t are applied in log order.
 */
final class CommentHistory {

    /** One event of the comment as the projection saw it. */
    record Entry(long position, String eventId, long recordedAt, String recordedBy, DeliberationEvent event) {
    }

    /**
     * A row on the occurred clock: it holds for [validFrom, validTo). Equal rows have equal tables, keys, validity and
     * columns; the hash is kept, as every step of a comment looks its rows up by value.
     */
    static final class Row {
        private final String table;
        private final String key;
        private final long validFrom;
        private final long validTo;
        private final Map<String, Object> columns;
        private int hash;

        Row(String table, String key, long validFrom, long validTo, Map<String, Object> columns) {
            this.table = table;
            this.key = key;
            this.validFrom = validFrom;
            this.validTo = validTo;
            this.columns = columns;
        }

        String table() {
            return table;
        }

        String key() {
            return key;
        }

        long validFrom() {
            return validFrom;
        }

        long validTo() {
            return validTo;
        }

        Map<String, Object> columns() {
            return columns;
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Row r && validFrom == r.validFrom && validTo == r.validTo
                    && hashCode() == r.hashCode() && table.equals(r.table) && key.equals(r.key)
                    && columns.equals(r.columns);
        }

        @Override
        public int hashCode() {
            int h = hash;
            if (h == 0) {
                h = Objects.hash(table, key, validFrom, validTo, columns);
                hash = h == 0 ? 1 : h;
            }
            return hash;
        }

        @Override
        public String toString() {
            return "Row[" + table + " " + key + " " + validFrom + ".." + validTo + " " + columns + "]";
        }
    }

    private final List<Entry> entries;
    private final Function<String, String> nameOf;

    CommentHistory(List<Entry> entries, Function<String, String> nameOf) {
        this.entries = entries;
        this.nameOf = nameOf;
    }

    /** Every row the comment contributes, for the current knowledge. */
    List<Row> rows() {
        CorrectedComment eff = CorrectedComment.of(entries);
        List<Row> rows = new ArrayList<>();
        if (eff.raised() == null) {
            return rows;
        }
        TreeSet<Long> breakpoints = new TreeSet<>();
        for (Entry e : entries) {
            Instant t = eff.occurredAtOf(e.event());
            if (t != null) {
                breakpoints.add(millis(t));
            }
        }
        Map<String, List<Segment>> segments = new LinkedHashMap<>();
        for (long t : breakpoints) {
            State state = stateAt(t, eff);
            if (state.raised) {
                add(segments, "comment_v\u0000" + eff.raised().commentId(), t, commentColumns(eff, state));
            }
            for (Commitment c : state.commitments.values()) {
                add(segments, "commitment_v\u0000" + c.made.commitmentId(), t, commitmentColumns(c, state));
            }
            // a key absent at t (not yet visible) ends its segment there
            for (Map.Entry<String, List<Segment>> s : segments.entrySet()) {
                Segment last = s.getValue().get(s.getValue().size() - 1);
                if (last.to == FOREVER && last.from < t && !present(s.getKey(), state, eff)) {
                    last.to = t;
                }
            }
        }
        segments.forEach((k, list) -> {
            String[] parts = k.split("\u0000", 2);
            for (Segment s : list) {
                Map<String, Object> columns = new LinkedHashMap<>(s.columns);
                columns.put("ri_node", Temporal.validNode(s.from, s.to));
                rows.add(new Row(parts[0], parts[1], s.from, s.to, columns));
            }
        });
        for (CorrectedComment.Response r : eff.responses().values()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("comment_id", eff.raised().commentId());
            c.put("response_id", r.responseId());
            c.put("deliberation_id", eff.raised().deliberationId());
            c.put("responder_id", r.responderId());
            c.put("disposition", r.disposition().name());
            c.put("text", r.text());
            c.put("occurred_at", millis(r.occurredAt()));
            c.put("recorded_at", r.recordedAt());
            rows.add(new Row("response_v", eff.raised().commentId() + "/" + r.responseId(), millis(r.occurredAt()),
                    FOREVER, c));
        }
        for (Entry e : entries) {
            Instant t = eff.occurredAtOf(e.event());
            long at = millis(t != null ? t : e.event().occurredAt());
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("deliberation_id", eff.raised().deliberationId());
            c.put("position", e.position());
            c.put("event_type", e.event().getClass().getSimpleName());
            c.put("comment_id", eff.raised().commentId());
            Phrase sentence = TimelineSentence.of(e.event(), eff, this::name, this::commitmentReference);
            c.put("summary", TimelineEnglish.of(sentence));
            c.put("wording", EventJson.write(sentence));
            c.put("recorded_by", e.recordedBy());
            c.put("occurred_at", at);
            c.put("recorded_at", e.recordedAt());
            rows.add(new Row("timeline_v", e.eventId(), at, FOREVER, c));
        }
        return rows;
    }

    private static boolean present(String key, State state, CorrectedComment eff) {
        if (key.startsWith("comment_v\u0000")) {
            return state.raised;
        }
        return state.commitments.containsKey(key.substring("commitment_v\u0000".length()));
    }

    private static final class Segment {
        final long from;
        long to = FOREVER;
        final Map<String, Object> columns;

        Segment(long from, Map<String, Object> columns) {
            this.from = from;
            this.columns = columns;
        }
    }

    private static void add(Map<String, List<Segment>> segments, String key, long t, Map<String, Object> columns) {
        List<Segment> list = segments.computeIfAbsent(key, k -> new ArrayList<>());
        Segment last = list.isEmpty() ? null : list.get(list.size() - 1);
        if (last != null && last.to == FOREVER && last.columns.equals(columns)) {
            return; // unchanged: the open segment goes on
        }
        if (last != null && last.to == FOREVER) {
            last.to = t;
        }
        list.add(new Segment(t, columns));
    }

    private static final class Commitment {
        final CommitmentMade made;
        final long madeAt;
        final long recordedAt;
        CommitmentStatus status = CommitmentStatus.OPEN;
        Integer fulfilledVersion;
        Location location;
        String closingNote;
        String closedBy;
        Long closedAt;

        Commitment(CommitmentMade made, long madeAt, long recordedAt) {
            this.made = made;
            this.madeAt = madeAt;
            this.recordedAt = recordedAt;
        }
    }

    private static final class State {
        boolean raised;
        boolean withdrawn;
        String currentResponseId;
        final Map<String, Commitment> commitments = new LinkedHashMap<>();
    }

    private State stateAt(long t, CorrectedComment eff) {
        State s = new State();
        for (Entry e : entries) {
            Instant when = eff.occurredAtOf(e.event());
            if (when == null || millis(when) > t) {
                continue;
            }
            DeliberationEvent ev = e.event();
            if (ev instanceof CommentRaised) {
                s.raised = true;
            } else if (ev instanceof CommentResponded r) {
                s.currentResponseId = r.responseId();
            } else if (ev instanceof CommitmentMade m) {
                s.commitments.put(m.commitmentId(), new Commitment(m, millis(when), e.recordedAt()));
            } else if (ev instanceof CommentReopened) {
                s.currentResponseId = null;
            } else if (ev instanceof CommentWithdrawn) {
                s.withdrawn = true;
            } else if (ev instanceof CommitmentFulfilled f) {
                close(s, f.commitmentId(), CommitmentStatus.FULFILLED, null, null, f.occurredAt()).ifPresent(c -> {
                    c.fulfilledVersion = f.version();
                    c.location = f.location();
                });
            } else if (ev instanceof CommitmentConcluded c) {
                close(s, c.commitmentId(), CommitmentStatus.CONCLUDED, c.outcome(), c.participantId(), c.occurredAt());
            } else if (ev instanceof CommitmentWaived w) {
                close(s, w.commitmentId(), CommitmentStatus.WAIVED, w.reason(), w.participantId(), w.occurredAt());
            }
        }
        return s;
    }

    private static java.util.Optional<Commitment> close(State s, String commitmentId, CommitmentStatus status, String note,
                                                        String by, Instant at) {
        Commitment c = s.commitments.get(commitmentId);
        if (c == null) {
            return java.util.Optional.empty();
        }
        c.status = status;
        c.closingNote = note;
        c.closedBy = by;
        c.closedAt = millis(at);
        return java.util.Optional.of(c);
    }

    /** DOMAIN.md, "Life of a comment": the one derivation, {@link CommentStatus#of}. */
    static CommentStatus status(boolean withdrawn, String currentResponseId, Disposition currentDisposition,
                                int openCommitments, int commitmentsOfCurrentResponse) {
        return CommentStatus.of(withdrawn, currentResponseId, currentDisposition, openCommitments,
                commitmentsOfCurrentResponse);
    }

    private Map<String, Object> commentColumns(CorrectedComment eff, State s) {
        CommentRaised r = eff.raised();
        int open = (int) s.commitments.values().stream().filter(c -> c.status == CommitmentStatus.OPEN).count();
        int ofCurrent = (int) s.commitments.values().stream()
                .filter(c -> Objects.equals(c.made.responseId(), s.currentResponseId)).count();
        Disposition disposition = s.currentResponseId == null ? null
                : eff.responses().get(s.currentResponseId).disposition();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("deliberation_id", r.deliberationId());
        c.put("number", Integer.parseInt(r.reference().substring(1)));
        c.put("reference", r.reference());
        c.put("author_id", eff.authorId());
        c.put("draft_version", r.draftVersion());
        c.put("page_from", eff.anchor().pageFrom());
        c.put("page_to", eff.anchor().pageTo());
        c.put("footnote", eff.anchor().footnote());
        c.put("section", eff.anchor().section());
        c.put("quote", eff.anchor().quote());
        c.put("line_from", eff.anchor().lineFrom());
        c.put("line_to", eff.anchor().lineTo());
        c.put("element", eff.anchor().element());
        c.put("proposed_change", r.proposedChange());
        c.put("source", r.source() == null ? null : EventJson.write(r.source()));
        c.put("kind", eff.kind().name());
        c.put("text", eff.text());
        c.put("meeting_id", r.meetingId());
        c.put("status", status(s.withdrawn, s.currentResponseId, disposition, open, ofCurrent).name());
        c.put("needs_response", eff.kind().needsResponse());
        c.put("current_response_id", s.currentResponseId);
        c.put("occurred_at", millis(eff.occurredAt()));
        c.put("recorded_at", entries.get(0).recordedAt());
        return c;
    }

    private static Map<String, Object> commitmentColumns(Commitment m, State s) {
        CommitmentMade made = m.made;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("comment_id", made.commentId());
        c.put("deliberation_id", made.deliberationId());
        c.put("response_id", made.responseId());
        c.put("reference", made.reference());
        c.put("kind", made.kind().name());
        c.put("description", made.description());
        c.put("owner_id", made.ownerId());
        c.put("due_date", made.dueDate());
        c.put("status", m.status.name());
        c.put("fulfilled_version", m.fulfilledVersion);
        c.put("location_page", m.location == null ? null : m.location.page());
        c.put("location_footnote", m.location == null ? null : m.location.footnote());
        c.put("location_section", m.location == null ? null : m.location.section());
        c.put("closing_note", m.closingNote);
        c.put("closed_by", m.closedBy);
        c.put("closed_at", m.closedAt);
        c.put("occurred_at", m.madeAt);
        c.put("recorded_at", m.recordedAt);
        c.put("answer_standing", standing(made.responseId(), s.currentResponseId).name());
        return c;
    }

    /** Where the answer that made a commitment stands: still the comment's answer, reopened, or answered again since. */
    static AnswerStanding standing(String responseId, String currentResponseId) {
        if (Objects.equals(responseId, currentResponseId)) {
            return AnswerStanding.CURRENT;
        }
        return currentResponseId == null ? AnswerStanding.REOPENED : AnswerStanding.SUPERSEDED;
    }

    private String name(String participantId) {
        return participantId == null ? "?" : nameOf.apply(participantId);
    }

    private String commitmentReference(String commitmentId) {
        for (Entry e : entries) {
            if (e.event() instanceof CommitmentMade m && m.commitmentId().equals(commitmentId)) {
                return m.reference();
            }
        }
        return commitmentId;
    }
}
