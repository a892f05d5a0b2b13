package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentRaised;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The write side's register of comments, on the project's own schema: what the edge authorises writes against. */
class RegisteredCommentsTest {
    static final Instant AT = Instant.parse("2024-06-24T05:00:00Z");

    final DriverManagerDataSource ds =
            new DriverManagerDataSource("jdbc:h2:mem:register-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    final RegisteredComments register;

    RegisteredCommentsTest() {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        register = new RegisteredComments(new JdbcTemplate(ds));
    }

    @Test
    void knowsEachCommentsDeliberationAndReferenceOnceRaised() {
        register.on(raised("ict-cyber-2024", "ict-cyber-2024-c3", "#3"));
        register.on(raised("other-2024", "other-c1", "#3"));

        assertThat(register.deliberationOf("ict-cyber-2024-c3")).contains("ict-cyber-2024");
        assertThat(register.deliberationOf("other-c1")).contains("other-2024");
        assertThat(register.commentByReference("ict-cyber-2024", "#3")).contains("ict-cyber-2024-c3");
        assertThat(register.commentByReference("other-2024", "#3")).contains("other-c1");
    }

    @Test
    void answersNothingForUnknownComments() {
        assertThat(register.deliberationOf("nobody-c9")).isEmpty();
        assertThat(register.deliberationOf(null)).isEmpty();
        assertThat(register.commentByReference("ict-cyber-2024", "#1")).isEmpty();
    }

    private static CommentRaised raised(String deliberationId, String commentId, String reference) {
        return new CommentRaised(deliberationId, commentId, reference, "tsuta", 1, Anchor.NONE, CommentKind.QUESTION,
                "text", null, AT);
    }
}
