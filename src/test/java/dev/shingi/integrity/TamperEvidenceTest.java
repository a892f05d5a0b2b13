package dev.shingi.integrity;

import dev.shingi.ShingiApplication;
import dev.shingi.platform.Ledger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the database directly — the way an insider with SQL access would — is reported by verify, each
 * change by aggregate and sequence; an untouched ledger verifies clean. On H2 (on PostgreSQL a trigger refuses the
 * UPDATE and DELETE in the first place).
 */
class TamperEvidenceTest {
    static ConfigurableApplicationContext app;
    static JdbcTemplate jdbc;
    static Verifier verifier;

    @BeforeAll
    static void reference() throws Exception {
        app = new SpringApplicationBuilder(ShingiApplication.class).web(WebApplicationType.NONE)
                .run("--spring.profiles.active=default", "--shingi.data-dir=" + Files.createTempDirectory("shingi-tamper-"),
                        "--spring.datasource.url=jdbc:h2:file:${shingi.data-dir}/shingi");
        app.getBean(Ledger.class).awaitProjections();
        // the demo's revision asked for a checkpoint: take it now, so that none is recorded after the tampering below
        assertThat(app.getBean(Checkpoints.class).checkpointIfDue()).isTrue();
        app.getBean(Checkpoints.class).checkpoint();
        jdbc = app.getBean(JdbcTemplate.class);
        verifier = app.getBean(Verifier.class);
    }

    @AfterAll
    static void close() {
        app.close();
    }

    static final String C = "ict-cyber-2024-c";

    @Test
    void anUntouchedLedgerVerifiesCleanAndEveryTamperingIsReported() {
        Verifier.Report clean = verifier.verify();
        assertThat(clean.findings()).isEmpty();
        assertThat(clean.clean()).isTrue();
        assertThat(clean.checkpoints()).isGreaterThanOrEqualTo(1);
        assertThat(clean.events()).isGreaterThan(80);

        // a payload byte changed: ACCEPTED -> ACCEPTEE
        byte[] payload = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                byte[].class, C + "3");
        String text = new String(payload, StandardCharsets.UTF_8);
        assertThat(text).contains("ACCEPTED");
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                text.replace("ACCEPTED", "ACCEPTEE").getBytes(StandardCharsets.UTF_8), C + "3");
        // a middle event deleted
        jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 1", C + "5");
        // a tail event deleted: only the checkpoint knows it was there
        jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 2", C + "12");
        // a forged event inserted after #18's only event
        jdbc.update("""
                INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload,
                                              payloadRevision, payloadType, timeStamp)
                SELECT aggregateIdentifier, 1, type, ?, ?, payload, payloadRevision, payloadType, timeStamp
                FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 0""",
                UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), C + "18");
        // two events swapped: #1's response and its commitment
        swap(C + "1", 1, 2);

        List<String> found = verifier.verify().findings().stream()
                .map(f -> f.kind() + " " + f.aggregate() + " #" + f.sequence()).toList();
        assertThat(found).containsExactlyInAnyOrder(
                "REORDERED " + C + "1 #1",
                "REORDERED " + C + "1 #2",
                "INSERTED " + C + "18 #1",
                "DELETED " + C + "12 #2",
                "MODIFIED " + C + "3 #1",
                "DELETED " + C + "5 #1");
    }

    private static void swap(String aggregate, long a, long b) {
        String cols = "eventIdentifier, payloadType, payloadRevision, payload, metaData, timeStamp, type";
        var rowA = jdbc.queryForMap("SELECT " + cols + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?", aggregate, a);
        var rowB = jdbc.queryForMap("SELECT " + cols + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?", aggregate, b);
        String set = "eventIdentifier = ?, payloadType = ?, payloadRevision = ?, payload = ?, metaData = ?, timeStamp = ?, type = ?";
        jdbc.update("UPDATE DomainEventEntry SET eventIdentifier = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                "tmp-" + UUID.randomUUID(), aggregate, a);
        jdbc.update("UPDATE DomainEventEntry SET " + set + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                rowA.values().toArray()[0], rowA.values().toArray()[1], rowA.values().toArray()[2], rowA.values().toArray()[3],
                rowA.values().toArray()[4], rowA.values().toArray()[5], rowA.values().toArray()[6], aggregate, b);
        jdbc.update("UPDATE DomainEventEntry SET " + set + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                rowB.values().toArray()[0], rowB.values().toArray()[1], rowB.values().toArray()[2], rowB.values().toArray()[3],
                rowB.values().toArray()[4], rowB.values().toArray()[5], rowB.values().toArray()[6], aggregate, a);
    }
}
