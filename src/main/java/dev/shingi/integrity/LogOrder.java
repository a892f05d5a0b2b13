package dev.shingi.integrity;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.shingi.deliberation.api.LedgerCheckpointed;
import dev.shingi.integrity.Verifier.Finding;
import dev.shingi.integrity.Verifier.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole log against its checkpoints: the streams' events in the order the checkpoints recorded them (each
 * revision-2 checkpoint lists the streams of the events since the one before), the log's length and its running hash.
 * Compares the order recorded with the log's order now (a shortest edit script, Myers' diff) and names each event
 * that is no longer where it was ({@code REORDERED}), is in the covered range without having been recorded there
 * ({@code INSERTED}), is missing from the middle ({@code DELETED}) or from the end ({@code TRUNCATED}).
 */
final class LogOrder {
    /** One stored event, in log order. */
    record Entry(long position, String aggregate, long sequence, String hash) {
        String key() {
            return aggregate + '#' + sequence;
        }
    }

    /** A checkpoint that verified: its sequence in the checkpoints' stream and what it recorded. */
    record Checkpoint(long sequence, LedgerCheckpointed recorded) {
    }

    private final Chain chain;

    LogOrder(Chain chain) {
        this.chain = chain;
    }

    private final Set<String> recorded = new HashSet<>();

    /** The events (stream and sequence) the checkpoints recorded in order, after {@link #check}. */
    Set<String> recorded() {
        return recorded;
    }

    /**
     * The findings about the log's order; none when it is the order the checkpoints recorded. {@code signed}: the
     * events whose hash the streams' check found right (an event of the covered part of the log that the checkpoints
     * did not record is INSERTED unless it is one of them: then it is a transaction that committed after the
     * checkpoint read the log).
     */
    List<Finding> check(List<Entry> log, List<Checkpoint> checkpoints, Set<String> signed) {
        List<String> expected = new ArrayList<>();
        Map<String, Long> next = new HashMap<>();
        Map<Integer, Long> recordedBy = new HashMap<>(); // expected index -> checkpoint sequence
        boolean ordered = true;
        for (Checkpoint c : checkpoints) {
            LedgerCheckpointed r = c.recorded();
            if (r.logLength() == null) {
                continue; // revision 1: heads only
            }
            if (r.order() == null || r.segmentFrom() == null || r.segmentFrom() != expected.size()
                    || r.order().size() != r.logLength() - r.segmentFrom()) {
                ordered = false;
                break; // the recorded order does not go on from here; the lengths and running hashes still count
            }
            for (String aggregate : r.order()) {
                long sequence = next.merge(aggregate, 1L, Long::sum) - 1;
                recordedBy.put(expected.size(), c.sequence());
                expected.add(aggregate + '#' + sequence);
            }
        }
        recorded.addAll(expected);
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> at = new HashMap<>();
        int covered = 0; // the log's events up to the last one recorded
        for (int i = 0; i < log.size(); i++) {
            at.put(log.get(i).key(), i);
            if (recorded.contains(log.get(i).key())) {
                covered = i + 1;
            }
        }
        int lastPresent = -1; // the last recorded event still in the log
        for (int i = 0; i < expected.size(); i++) {
            if (at.containsKey(expected.get(i))) {
                lastPresent = i;
            }
        }
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < covered; i++) {
            Entry e = log.get(i);
            if (recorded.contains(e.key())) {
                actual.add(e.key());
            } else if (!signed.contains(e.key())) {
                findings.add(new Finding(Kind.INSERTED, e.aggregate(), e.sequence(), e.position(),
                        "in the part of the log the checkpoints cover (its event " + (i + 1) + "), but not among the "
                                + "events they recorded, and not signed by the ledger"));
            }
        }
        Map<String, Integer> left = new HashMap<>();
        Set<String> arrived = new HashSet<>();
        for (AbstractDelta<String> d : DiffUtils.diff(expected, actual).getDeltas()) {
            for (int i = 0; i < d.getSource().size(); i++) {
                left.put(d.getSource().getLines().get(i), d.getSource().getPosition() + i);
            }
            arrived.addAll(d.getTarget().getLines());
        }
        for (String key : arrived) {
            Entry e = log.get(at.get(key));
            int was = left.get(key);
            findings.add(new Finding(Kind.REORDERED, e.aggregate(), e.sequence(), e.position(),
                    "checkpoint #" + recordedBy.get(was) + " recorded it as the log's event " + (was + 1)
                            + "; it is now its event " + (at.get(key) + 1)));
        }
        int lastKept = lastPresent;
        left.forEach((key, was) -> {
            if (arrived.contains(key)) {
                return;
            }
            int hash = key.lastIndexOf('#');
            String aggregate = key.substring(0, hash);
            long sequence = Long.parseLong(key.substring(hash + 1));
            boolean tail = was > lastKept;
            findings.add(new Finding(tail ? Kind.TRUNCATED : Kind.DELETED, aggregate, sequence, null,
                    "checkpoint #" + recordedBy.get(was) + " recorded it as the log's event " + (was + 1)
                            + (tail ? "; the log now ends before it" : "; it is missing")));
        });
        if (!ordered && findings.isEmpty()) {
            heads(log, checkpoints, findings);
        }
        return findings;
    }

    /** Every revision-2 checkpoint's length and running hash against the log's, where the order said nothing. */
    private void heads(List<Entry> log, List<Checkpoint> checkpoints, List<Finding> findings) {
        String head = Chain.GENESIS;
        int i = 0;
        for (Checkpoint c : checkpoints) {
            LedgerCheckpointed r = c.recorded();
            if (r.logLength() == null) {
                continue;
            }
            while (i < r.logLength() && i < log.size()) {
                Entry e = log.get(i++);
                head = chain.logStep(head, e.aggregate(), e.sequence(), e.hash());
            }
            if (log.size() < r.logLength()) {
                findings.add(new Finding(Kind.TRUNCATED, Checkpoints.AGGREGATE, c.sequence(), null,
                        "checkpoint #" + c.sequence() + " recorded " + r.logLength() + " events; the log holds "
                                + log.size()));
                return;
            }
            if (!head.equals(r.logHead())) {
                findings.add(new Finding(Kind.MODIFIED, Checkpoints.AGGREGATE, c.sequence(), null,
                        "the log's running hash over its first " + r.logLength() + " events is not the one checkpoint #"
                                + c.sequence() + " recorded"));
                return;
            }
        }
    }
}
