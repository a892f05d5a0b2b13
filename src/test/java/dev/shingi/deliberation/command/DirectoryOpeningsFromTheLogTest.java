package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.DeliberationOpened;
import dev.shingi.deliberation.api.InvalidField;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ledger recorded before V18 gets each deliberation's opening from the DeliberationOpened events it stores. */
class DirectoryOpeningsFromTheLogTest {

    @Test
    void fillsTheOpeningsFromEveryStoredDeliberationOpened() {
        DriverManagerDataSource ds =
                new DriverManagerDataSource("jdbc:h2:mem:openings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        flyway(ds).target("18").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        for (String id : new String[]{"ict-cyber-2024", "other"}) {
            jdbc.update("INSERT INTO directory_deliberation (deliberation_id, next_comment_number) VALUES (?, 1)", id);
        }
        jdbc.update("""
                INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,
                    payloadType, timeStamp) VALUES ('ict-cyber-2024', 0, 'Deliberation', ?, ?, ?, '2024-06-24T05:00:00Z')""",
                UUID.randomUUID().toString(), """
                {"deliberationId":"ict-cyber-2024","title":"分科会","body":null,"occurredAt":"2024-06-24T05:00:00Z"}"""
                        .getBytes(StandardCharsets.UTF_8), DeliberationOpened.class.getName());

        flyway(ds).javaMigrations(new DirectoryOpeningsFromTheLog()).load().migrate();

        assertThat(jdbc.queryForObject("SELECT opened_at FROM directory_deliberation WHERE deliberation_id = 'ict-cyber-2024'",
                Long.class)).isEqualTo(Instant.parse("2024-06-24T05:00:00Z").toEpochMilli());
        Directory directory = new Directory(jdbc);
        assertThatThrownBy(() -> directory.requireAfterOpening("ict-cyber-2024", "occurredAt",
                Instant.parse("2024-06-24T04:59:59.999Z")))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo("occurredAt");
                    assertThat(e.rule()).isEqualTo("time.after-opening");
                });
        assertThatCode(() -> directory.requireAfterOpening("ict-cyber-2024", "occurredAt",
                Instant.parse("2024-06-24T05:00:00Z"))).doesNotThrowAnyException();
        // a deliberation whose opening the log does not hold is left unknown: nothing is refused by a guess
        assertThat(jdbc.queryForObject("SELECT opened_at FROM directory_deliberation WHERE deliberation_id = 'other'",
                Long.class)).isNull();
        assertThatCode(() -> directory.requireAfterOpening("other", "occurredAt", Instant.EPOCH)).doesNotThrowAnyException();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2");
    }
}
