package dev.shingi.integrity;

import dev.shingi.ShingiApplication;
import dev.shingi.platform.Ledger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision is followed by a checkpoint covering it, recorded on a thread of its own shortly afterwards (not in the
 * integrity processor, whose segments used to race for the same checkpoint sequence); revisions close together share
 * one.
 */
class CheckpointAfterRevisionTest {
    static ConfigurableApplicationContext app;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void demo() throws Exception {
        app = new SpringApplicationBuilder(ShingiApplication.class).web(WebApplicationType.NONE)
                .run("--spring.profiles.active=test",
                        "--shingi.data-dir=" + Files.createTempDirectory("shingi-checkpoints-"),
                        "--spring.datasource.url=jdbc:h2:file:${shingi.data-dir}/shingi",
                        "--shingi.integrity.after-revision-delay=500ms", "--shingi.integrity.settle=0s");
        app.getBean(Ledger.class).awaitProjections();
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Test
    void theDemosRevisionIsCheckpointedOnceWithinTheDelayAndTheProcessorNeverFails() throws Exception {
        long revision = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry WHERE payloadType LIKE ?",
                Long.class, "%RevisionCommitted");

        long deadline = System.nanoTime() + 15_000_000_000L;
        while (checkpoints() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1_000); // a second one, were the revision checkpointed twice, would be here by now

        assertThat(checkpoints()).isEqualTo(1);
        Long covered = jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, Checkpoints.AGGREGATE);
        assertThat(covered).isGreaterThan(revision);
        // recorded after the delay by its own thread, not by the processor as it handled the revision (which is what
        // let two segments race for the same checkpoint sequence)
        Instant revised = Instant.parse(jdbc.queryForObject(
                "SELECT timeStamp FROM DomainEventEntry WHERE globalIndex = ?", String.class, revision));
        Instant checkpointed = Instant.parse(jdbc.queryForObject(
                "SELECT timeStamp FROM DomainEventEntry WHERE aggregateIdentifier = ?", String.class, Checkpoints.AGGREGATE));
        assertThat(Duration.between(revised, checkpointed)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(app.getBean(Checkpoints.class).checkpointIfDue()).isFalse();
        StreamingEventProcessor integrity = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor("integrity", StreamingEventProcessor.class).orElseThrow();
        assertThat(integrity.processingStatus().values()).allSatisfy(s -> assertThat(s.isErrorState()).isFalse());
    }

    private int checkpoints() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, Checkpoints.AGGREGATE);
    }
}
