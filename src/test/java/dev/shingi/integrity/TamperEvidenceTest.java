package dev.shingi.integrity;

import dev.shingi.ShingiApplication;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.RaiseComment;
import dev.shingi.deliberation.api.ViewCheck;
import dev.shingi.platform.Ledger;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the database directly — the way an insider with SQL access would — is reported by verify, each
 * change by its kind, its stream and sequence number and (where the event still is) its log position; an untouched
 * ledger verifies clean. One H2 file ledger: the demo, checkpoint #0 (after its revision), comment X, checkpoint #1,
 * comment Y (after the last checkpoint), each checkpoint's head published to a witness file. Each tamper is plain SQL
 * in a transaction that verify then reads, rolled back afterwards, so that every test starts from the same ledger.
 * docs/security.md lists them ("tampers detected N/N").
 */
class TamperEvidenceTest {
    static ConfigurableApplicationContext app;
    static JdbcTemplate jdbc;
    static Verifier verifier;
    static TransactionTemplate tx;
    static Path witness;

    static final String D = "ict-cyber-2024";
    static final String C = D + "-c";
    static final String X = D + "-tamper-x";
    static final String Y = D + "-tamper-y";
    static final String CP = Checkpoints.AGGREGATE;

    @BeforeAll
    static void reference() throws Exception {
        witness = Files.createTempDirectory("shingi-witness-");
        app = new SpringApplicationBuilder(ShingiApplication.class).web(WebApplicationType.NONE)
                .run("--spring.profiles.active=test", "--shingi.data-dir=" + Files.createTempDirectory("shingi-tamper-"),
                        "--spring.datasource.url=jdbc:h2:file:${shingi.data-dir}/shingi",
                        "--shingi.integrity.settle=0s", "--shingi.integrity.witness-dir=" + witness);
        Ledger ledger = app.getBean(Ledger.class);
        ledger.awaitProjections();
        // the demo's revision asked for a checkpoint: take it now, so that none is recorded after the tampering below
        assertThat(app.getBean(Checkpoints.class).checkpointIfDue()).isTrue();
        ledger.record(raise(X), MetaData.emptyInstance());
        app.getBean(Checkpoints.class).checkpoint();
        ledger.record(raise(Y), MetaData.emptyInstance());
        ledger.awaitProjections();
        jdbc = app.getBean(JdbcTemplate.class);
        verifier = app.getBean(Verifier.class);
        tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
    }

    static RaiseComment raise(String id) {
        return new RaiseComment(id, D, "tsuta", 1, null, CommentKind.REMARK, "A remark " + id, null,
                Instant.parse("2024-07-01T00:00:00Z"));
    }

    @AfterAll
    static void close() {
        app.close();
    }

    // ---- the untouched ledger --------------------------------------------------------------------------------------

    @Test
    void anUntouchedLedgerVerifiesCleanAgainstItsCheckpointsItsWitnessAndItsViews() throws Exception {
        Verifier.Report clean = verifier.verify(true);
        assertThat(clean.findings()).isEmpty();
        assertThat(clean.views()).isEmpty();
        assertThat(clean.clean()).isTrue();
        assertThat(clean.checkpoints()).isEqualTo(2);
        assertThat(clean.events()).isEqualTo(count());
        assertThat(clean.witness().checkpoint()).isEqualTo(1);
        assertThat(clean.witness().lines()).isEqualTo(2);
        assertThat(Files.readAllLines(witness.resolve(Witness.FILE))).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("\"logHead\":\"").contains("\"signature\":\""));
    }

    // ---- one event changed in place: MODIFIED ------------------------------------------------------------------------

    @Test
    void aPayloadByteChangedIsModified() {
        String text = payload(C + "3", 1);
        assertThat(text).contains("ACCEPTED");
        assertThat(tampered(() -> setPayload(C + "3", 1, text.replace("ACCEPTED", "ACCEPTEE"))))
                .containsExactly("MODIFIED " + C + "3 #1 @" + pos(C + "3", 1));
    }

    @Test
    void whoRecordedAnEventChangedInItsMetadataIsModified() {
        String meta = metaData(C + "4", 0);
        assertThat(meta).contains("\"recordedBy\":\"demo-loader\"");
        assertThat(tampered(() -> jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                meta.replace("demo-loader", "someone-else").getBytes(StandardCharsets.UTF_8), pos(C + "4", 0))))
                .containsExactly("MODIFIED " + C + "4 #0 @" + pos(C + "4", 0));
    }

    @Test
    void aRecordedTimeMovedIsModified() {
        assertThat(tampered(() -> jdbc.update("UPDATE DomainEventEntry SET timeStamp = ? WHERE globalIndex = ?",
                "2020-01-01T00:00:00.000Z", pos(C + "6", 0))))
                .containsExactly("MODIFIED " + C + "6 #0 @" + pos(C + "6", 0));
    }

    @Test
    void anEventIdReplacedIsModified() {
        assertThat(tampered(() -> jdbc.update("UPDATE DomainEventEntry SET eventIdentifier = ? WHERE globalIndex = ?",
                UUID.randomUUID().toString(), pos(C + "7", 0))))
                .containsExactly("MODIFIED " + C + "7 #0 @" + pos(C + "7", 0));
    }

    @Test
    void anEventTypeRelabelledIsModified() {
        assertThat(tampered(() -> jdbc.update("UPDATE DomainEventEntry SET payloadType = ? WHERE globalIndex = ?",
                "dev.shingi.deliberation.api.CommentWithdrawn", pos(C + "8", 0))))
                .containsExactly("MODIFIED " + C + "8 #0 @" + pos(C + "8", 0));
    }

    @Test
    void anEventRevisionRelabelledIsModified() {
        assertThat(tampered(() -> jdbc.update("UPDATE DomainEventEntry SET payloadRevision = '1' WHERE globalIndex = ?",
                pos(C + "9", 0))))
                .containsExactly("MODIFIED " + C + "9 #0 @" + pos(C + "9", 0));
    }

    @Test
    void aStoredHashReplacedIsModified() {
        String meta = metaData(C + "18", 0);
        String forged = meta.replaceFirst("\"hash\":\"[0-9a-f]{64}\"", "\"hash\":\"" + "ab".repeat(32) + "\"");
        assertThat(forged).isNotEqualTo(meta);
        assertThat(tampered(() -> jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                forged.getBytes(StandardCharsets.UTF_8), pos(C + "18", 0))))
                .containsExactly("MODIFIED " + C + "18 #0 @" + pos(C + "18", 0));
    }

    @Test
    void aSignatureStrippedFromARecordedEventIsModified() {
        String stripped = metaData(C + "18", 0).replaceFirst(",?\"hash\":\"[0-9a-f]{64}\"", "");
        assertThat(tampered(() -> jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                stripped.replace("{,", "{").getBytes(StandardCharsets.UTF_8), pos(C + "18", 0))))
                .containsExactly("MODIFIED " + C + "18 #0 @" + pos(C + "18", 0));
    }

    @Test
    void aCheckpointRewrittenIsModified() {
        String text = payload(CP, 0);
        assertThat(text).contains("\"logLength\":");
        assertThat(tampered(() -> setPayload(CP, 0, text.replaceFirst("\"logLength\":\\d+", "\"logLength\":3"))))
                .containsExactly("MODIFIED " + CP + " #0 @" + pos(CP, 0));
    }

    // ---- events added: INSERTED --------------------------------------------------------------------------------------

    @Test
    void aForgedUnsignedEventAppendedToAStreamIsInserted() {
        long[] at = new long[1];
        assertThat(tampered(() -> at[0] = copy(C + "18", 0, C + "18", 1, "{}")))
                .containsExactly("INSERTED " + C + "18 #1 @" + at[0]);
    }

    @Test
    void aCopyOfAnEventWithItsSignatureAppendedToItsStreamIsInserted() {
        long[] at = new long[1];
        assertThat(tampered(() -> at[0] = copy(C + "18", 0, C + "18", 1, null)))
                .containsExactly("INSERTED " + C + "18 #1 @" + at[0]);
    }

    @Test
    void aCopyOfAnEventReplayedIntoAnotherStreamIsInserted() {
        long next = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                C + "17");
        long[] at = new long[1];
        assertThat(tampered(() -> at[0] = copy(C + "3", 1, C + "17", next, null)))
                .containsExactly("INSERTED " + C + "17 #" + next + " @" + at[0]);
    }

    @Test
    void aForgedEventSlippedInBeforeTheFirstOneIsInserted() {
        assertThat(tampered(() -> {
            copy(C + "18", 0, D + "-c99", 0, null);
            jdbc.update("UPDATE DomainEventEntry SET globalIndex = 0, metaData = ? WHERE globalIndex = ?",
                    "{\"hash\":\"".concat("cd".repeat(32)).concat("\"}").getBytes(StandardCharsets.UTF_8), max());
        })).containsExactly("INSERTED " + D + "-c99 #0 @0");
    }

    @Test
    void anEventMovedToAnotherStreamIsDeletedFromOneAndInsertedInTheOther() {
        long at = pos(C + "18", 0);
        assertThat(tampered(() -> jdbc.update("UPDATE DomainEventEntry SET aggregateIdentifier = ? WHERE globalIndex = ?",
                D + "-c98", at)))
                .containsExactly("DELETED " + C + "18 #0", "INSERTED " + D + "-c98 #0 @" + at);
    }

    @Test
    void anEventRenumberedInItsStreamIsDeletedAtItsOldNumberAndInsertedAtTheNew() {
        long at = pos(C + "18", 0);
        assertThat(tampered(() -> jdbc.update("UPDATE DomainEventEntry SET sequenceNumber = 1 WHERE globalIndex = ?", at)))
                .containsExactly("DELETED " + C + "18 #0", "INSERTED " + C + "18 #1 @" + at);
    }

    // ---- events removed: DELETED -------------------------------------------------------------------------------------

    @Test
    void anEventDeletedFromTheMiddleOfAStreamIsDeleted() {
        assertThat(tampered(() -> delete(C + "5", 1))).containsExactly("DELETED " + C + "5 #1");
    }

    @Test
    void theLastEventOfAStreamDeletedIsDeleted() {
        assertThat(tampered(() -> delete(C + "12", 2))).containsExactly("DELETED " + C + "12 #2");
    }

    @Test
    void theFirstEventOfTheLogDeletedIsDeleted() {
        assertThat(tampered(() -> delete(D, 0))).containsExactly("DELETED " + D + " #0");
    }

    @Test
    void aWholeCommentThreadDeletedIsDeletedEventByEvent() {
        assertThat(tampered(() -> jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ?", C + "1")))
                .containsExactly("DELETED " + C + "1 #0", "DELETED " + C + "1 #1", "DELETED " + C + "1 #2",
                        "DELETED " + C + "1 #3");
    }

    // ---- events moved: REORDERED -------------------------------------------------------------------------------------

    @Test
    void twoEventsOfOneStreamSwappedAreReordered() {
        assertThat(tampered(() -> swapContent(C + "1", 1, 2)))
                .containsExactly("REORDERED " + C + "1 #1 @" + pos(C + "1", 1), "REORDERED " + C + "1 #2 @" + pos(C + "1", 2));
    }

    @Test
    void twoEventsOfDifferentStreamsSwappedInTheLogAreReordered() {
        long a = pos(C + "2", 0);
        long b = pos(C + "15", 0);
        assertThat(tampered(() -> swapPositions(a, b)))
                .containsExactly("REORDERED " + C + "15 #0 @" + a, "REORDERED " + C + "2 #0 @" + b);
    }

    @Test
    void twoNeighbouringEventsOfDifferentStreamsSwappedAreReordered() {
        long a = pos(X, 0);
        long b = a - 1; // checkpoint #0, recorded just before comment X was raised
        assertThat(pos(CP, 0)).isEqualTo(b);
        // one of two neighbours moved past the other: the shortest account of it names the one that moved
        assertThat(tampered(() -> swapPositions(a, b))).containsExactly("REORDERED " + CP + " #0 @" + a);
    }

    @Test
    void anEventMovedToTheEndOfTheLogIsReordered() {
        long a = pos(C + "10", 0);
        assertThat(tampered(() -> jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?",
                max() + 1, a))).containsExactly("REORDERED " + C + "10 #0 @" + (max() + 1));
    }

    // ---- the log cut short: TRUNCATED --------------------------------------------------------------------------------

    @Test
    void theLastEventsACheckpointCoveredDeletedAreTruncated() {
        assertThat(tampered(() -> delete(X, 0))).containsExactly("TRUNCATED " + X + " #0");
    }

    @Test
    void theLastCheckpointDeletedIsTruncatedAgainstTheWitness() {
        assertThat(tampered(() -> delete(CP, 1))).containsExactly("TRUNCATED " + CP + " #1");
    }

    @Test
    void theLogCutBackToAnEarlierCheckpointIsTruncatedAgainstTheWitness() {
        long first = pos(CP, 0);
        assertThat(tampered(() -> jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex > ?", first)))
                .containsExactly("TRUNCATED " + CP + " #1");
    }

    @Test
    void theWholeLogEmptiedIsTruncatedAgainstTheWitness() {
        assertThat(tampered(() -> jdbc.update("DELETE FROM DomainEventEntry"))).containsExactly("TRUNCATED " + CP + " #1");
    }

    // ---- the witness itself, and the views ---------------------------------------------------------------------------

    @Test
    void aWitnessLineEditedIsModifiedAtItsLine() throws Exception {
        Path file = witness.resolve(Witness.FILE);
        List<String> lines = Files.readAllLines(file);
        try {
            Files.write(file, List.of(lines.get(0).replaceFirst("\"logLength\":\\d+", "\"logLength\":1"), lines.get(1)));
            assertThat(tampered(() -> { })).containsExactly("MODIFIED witness #1");
        } finally {
            Files.write(file, lines);
        }
    }

    @Test
    void aCommentsAuthorChangedInTheReadModelIsAViewRowThatDiffers() {
        var row = jdbc.queryForMap("SELECT row_key, valid_from, known_from FROM comment_v WHERE author_id <> 'goto' "
                + "ORDER BY row_key FETCH FIRST 1 ROWS ONLY");
        Verifier.Report r = tx.execute(status -> {
            jdbc.update("UPDATE comment_v SET author_id = 'goto' WHERE row_key = ? AND valid_from = ? AND known_from = ?",
                    row.get("ROW_KEY"), row.get("VALID_FROM"), row.get("KNOWN_FROM"));
            status.setRollbackOnly();
            return verifier.verify(true);
        });
        assertThat(r.findings()).isEmpty();
        assertThat(r.clean()).isFalse();
        assertThat(r.views()).extracting(ViewCheck.Disagreement::table, ViewCheck.Disagreement::rowKey,
                        ViewCheck.Disagreement::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("comment_v",
                        row.get("ROW_KEY") + " " + row.get("VALID_FROM") + " " + row.get("KNOWN_FROM"), "DIFFERS"));
        assertThat(r.views().get(0).detail()).startsWith("author_id: the log gives ").endsWith(", the view holds goto");
    }

    @Test
    void aTimelineRowDeletedFromTheReadModelIsAViewRowMissing() {
        var row = jdbc.queryForMap("SELECT * FROM timeline_v ORDER BY position FETCH FIRST 1 ROWS ONLY");
        Verifier.Report r = tx.execute(status -> {
            jdbc.update("DELETE FROM timeline_v WHERE position = ?", row.get("POSITION"));
            status.setRollbackOnly();
            return verifier.verify(true);
        });
        assertThat(r.findings()).isEmpty();
        assertThat(r.views()).extracting(ViewCheck.Disagreement::table, ViewCheck.Disagreement::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("timeline_v", "MISSING"));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    /** The findings of verify run on the ledger as {@code sql} left it, which is then rolled back. */
    static List<String> tampered(Runnable sql) {
        Verifier.Report report = tx.execute(status -> {
            sql.run();
            status.setRollbackOnly();
            return verifier.verify();
        });
        assertThat(report.clean()).isEqualTo(report.findings().isEmpty());
        return report.findings().stream().map(f -> f.kind() + " " + f.aggregate() + " #" + f.sequence()
                + (f.position() == null ? "" : " @" + f.position())).toList();
    }

    static long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    static long max() {
        return jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
    }

    static long pos(String aggregate, long sequence) {
        return jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", Long.class, aggregate, sequence);
    }

    static String payload(String aggregate, long sequence) {
        return new String(jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", byte[].class, aggregate, sequence), StandardCharsets.UTF_8);
    }

    static String metaData(String aggregate, long sequence) {
        return new String(jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", byte[].class, aggregate, sequence), StandardCharsets.UTF_8);
    }

    static void setPayload(String aggregate, long sequence, String payload) {
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                payload.getBytes(StandardCharsets.UTF_8), aggregate, sequence);
    }

    static void delete(String aggregate, long sequence) {
        assertThat(jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                aggregate, sequence)).isEqualTo(1);
    }

    /** A new row at the end of the log: a copy of another event, with its metadata or {@code metaData}; its position. */
    static long copy(String fromAggregate, long fromSequence, String aggregate, long sequence, String metaData) {
        jdbc.update("""
                INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload,
                                              payloadRevision, payloadType, timeStamp)
                SELECT ?, ?, type, ?, %s, payload, payloadRevision, payloadType, timeStamp
                FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?"""
                        .formatted(metaData == null ? "metaData" : "CAST(? AS VARBINARY)"),
                metaData == null
                        ? new Object[]{aggregate, sequence, UUID.randomUUID().toString(), fromAggregate, fromSequence}
                        : new Object[]{aggregate, sequence, UUID.randomUUID().toString(),
                        metaData.getBytes(StandardCharsets.UTF_8), fromAggregate, fromSequence});
        return max();
    }

    /** Two rows trade places in the log: each keeps its stream, sequence and content. */
    static void swapPositions(long a, long b) {
        jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", -a, a);
        jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", a, b);
        jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", b, -a);
    }

    /** Two events of one stream trade contents: each row keeps its position and sequence number. */
    static void swapContent(String aggregate, long a, long b) {
        String cols = "eventIdentifier, payloadType, payloadRevision, payload, metaData, timeStamp, type";
        var rowA = jdbc.queryForList("SELECT " + cols + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?", aggregate, a).get(0).values().toArray();
        var rowB = jdbc.queryForList("SELECT " + cols + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?", aggregate, b).get(0).values().toArray();
        String set = "eventIdentifier = ?, payloadType = ?, payloadRevision = ?, payload = ?, metaData = ?, timeStamp = ?, type = ?";
        jdbc.update("UPDATE DomainEventEntry SET eventIdentifier = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                "tmp-" + UUID.randomUUID(), aggregate, a);
        jdbc.update("UPDATE DomainEventEntry SET " + set + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                rowA[0], rowA[1], rowA[2], rowA[3], rowA[4], rowA[5], rowA[6], aggregate, b);
        jdbc.update("UPDATE DomainEventEntry SET " + set + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                rowB[0], rowB[1], rowB[2], rowB[3], rowB[4], rowB[5], rowB[6], aggregate, a);
    }
}
