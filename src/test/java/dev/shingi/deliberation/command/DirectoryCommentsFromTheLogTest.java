package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.CommentRaised;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A ledger recorded before V16 gets its register of comments from the CommentRaised events it stores. */
class DirectoryCommentsFromTheLogTest {

    @Test
    void fillsTheRegisterFromEveryStoredCommentRaised() {
        DriverManagerDataSource ds =
                new DriverManagerDataSource("jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        flyway(ds).target("16").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        store(jdbc, 0, CommentRaised.class.getName(), """
                {"deliberationId":"ict-cyber-2024","commentId":"ict-cyber-2024-c1","reference":"#1","authorId":"tsuta"}""");
        store(jdbc, 1, "dev.shingi.deliberation.api.CommentResponded", """
                {"deliberationId":"ict-cyber-2024","commentId":"ict-cyber-2024-c1","responseId":"r1"}""");
        store(jdbc, 0, CommentRaised.class.getName(), """
                {"deliberationId":"ict-cyber-2024","commentId":"ict-cyber-2024-c2","reference":"#2","authorId":"goto"}""");

        flyway(ds).javaMigrations(new DirectoryCommentsFromTheLog()).load().migrate();

        RegisteredComments register = new RegisteredComments(jdbc);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_comment", Integer.class)).isEqualTo(2);
        assertThat(register.deliberationOf("ict-cyber-2024-c2")).contains("ict-cyber-2024");
        assertThat(register.commentByReference("ict-cyber-2024", "#1")).contains("ict-cyber-2024-c1");
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2");
    }

    private static void store(JdbcTemplate jdbc, int sequence, String type, String json) {
        String aggregate = json.replaceAll(".*\"commentId\":\"([^\"]+)\".*", "$1");
        jdbc.update("""
                INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,
                    payloadType, timeStamp) VALUES (?, ?, 'Comment', ?, ?, ?, '2024-06-24T05:00:00Z')""",
                aggregate, sequence, UUID.randomUUID().toString(), json.getBytes(StandardCharsets.UTF_8), type);
    }
}
