package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.DeliberationOpened;
import dev.shingi.deliberation.api.DraftPublished;
import dev.shingi.deliberation.api.MeetingRecorded;
import dev.shingi.deliberation.api.ParticipantRegistered;
import dev.shingi.deliberation.api.Role;
import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.deliberation.api.UnknownRecord;
import ch.qos.logback.classic.Level;
import org.flywaydb.core.Flyway;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A real {@link Directory} on a fresh in-memory H2 database migrated by the project's own Flyway scripts, seeded the
 * way production seeds it: by handing its event handlers the events. Aggregate fixtures never feed their given events
 * to it, so each test states what the directory knows.
 */
final class TestDirectory {

    static final String DELIBERATION = "ict-cyber-2024";
    static final String OTHER_DELIBERATION = "other-2024";
    static final String MEETING = "meeting-10";
    static final String CHAIR = "goto";
    static final String MEMBER = "tsuta";
    static final String OTHER_MEMBER = "arai";
    static final String OBSERVER = "nisc";
    static final String SECRETARY = "sato";
    static final String OTHER_SECRETARY = "ogawa";
    /** Secretariat of {@link #OTHER_DELIBERATION} only: registered, but not here. */
    static final String OUTSIDER = "kimura";
    static final String STRANGER = "nobody";
    static final String OTHER_MEETING = "meeting-3";
    static final int PAGES = 60;
    static final Instant AT = Instant.parse("2024-06-24T05:00:00Z");

    static {
        // A fresh schema per test would otherwise print a dozen Flyway lines each time.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.flywaydb")).setLevel(Level.WARN);
    }

    private final Directory directory;
    private final CommentNumbers numbers;
    private final RegisteredComments comments;
    private final TestDocuments documents = new TestDocuments();

    private TestDirectory(Directory directory, CommentNumbers numbers, RegisteredComments comments) {
        this.directory = directory;
        this.numbers = numbers;
        this.comments = comments;
    }

    /** A directory that knows nothing yet. */
    static TestDirectory empty() {
        DriverManagerDataSource ds =
                new DriverManagerDataSource("jdbc:h2:mem:directory-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        return new TestDirectory(new Directory(jdbc), new CommentNumbers(jdbc, new DataSourceTransactionManager(ds), ds),
                new RegisteredComments(jdbc));
    }

    /**
     * The reference deliberation as far as rules care: opened, one participant of each role (two members, two
     * secretaries), meeting 10 and v1 of {@link #PAGES} pages; plus a second deliberation with its own secretary
     * ({@link #OUTSIDER}) and meeting, to show that participants and meetings belong to one deliberation.
     */
    static TestDirectory reference() {
        return empty()
                .opened(DELIBERATION)
                .registered(DELIBERATION, CHAIR, Role.CHAIR)
                .registered(DELIBERATION, MEMBER, Role.MEMBER)
                .registered(DELIBERATION, OTHER_MEMBER, Role.MEMBER)
                .registered(DELIBERATION, OBSERVER, Role.OBSERVER)
                .registered(DELIBERATION, SECRETARY, Role.SECRETARIAT)
                .registered(DELIBERATION, OTHER_SECRETARY, Role.SECRETARIAT)
                .meeting(DELIBERATION, MEETING)
                .draft(DELIBERATION, 1, PAGES)
                .opened(OTHER_DELIBERATION)
                .registered(OTHER_DELIBERATION, OUTSIDER, Role.SECRETARIAT)
                .meeting(OTHER_DELIBERATION, OTHER_MEETING)
                .draft(OTHER_DELIBERATION, 1, PAGES);
    }

    TestDirectory opened(String deliberationId) {
        directory.on(new DeliberationOpened(deliberationId, "title of " + deliberationId, "body", AT));
        return this;
    }

    TestDirectory registered(String deliberationId, String participantId, Role role) {
        directory.on(new ParticipantRegistered(deliberationId, participantId, participantId, role, null, null, false, AT));
        return this;
    }

    TestDirectory meeting(String deliberationId, String meetingId) {
        directory.on(new MeetingRecorded(deliberationId, meetingId, 10, meetingId, AT, AT, "WEB開催", List.of(),
                List.of(), AT));
        return this;
    }

    TestDirectory draft(String deliberationId, int version, Integer pageCount) {
        directory.on(new DraftPublished(deliberationId, version, "v" + version, null, pageCount, AT));
        return this;
    }

    Directory directory() {
        return directory;
    }

    /** directory_comment, as the directory's processor fills it from each CommentRaised. */
    RegisteredComments comments() {
        return comments;
    }

    CommentNumbers numbers() {
        return numbers;
    }

    /** The versions' documents the directory's drafts name ({@link #draftWithText}). */
    TestDocuments documents() {
        return documents;
    }

    /** Version {@code version} published with {@code text} as its document (kept, as its command would). */
    TestDirectory draftWithText(String deliberationId, int version, dev.shingi.drafttext.api.DocumentText text) {
        dev.shingi.drafttext.api.ReadDocument d = new dev.shingi.drafttext.api.ReadDocument(text.sha256(), "v.txt",
                "text/plain", new byte[]{1}, text);
        documents.put(d);
        directory.on(new DraftPublished(deliberationId, version, "v" + version, null, text.pages().size(), AT,
                new dev.shingi.deliberation.api.DraftDocument(text.sha256(), "v.txt", "text/plain", 1,
                        text.pages().size())));
        return this;
    }

    /** A {@link RuleViolation} naming exactly {@code rule}. */
    static Matcher<Object> violates(String rule) {
        return new TypeSafeDiagnosingMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                if (!(item instanceof RuleViolation violation)) {
                    mismatch.appendText("was ").appendValue(item);
                    return false;
                }
                if (!rule.equals(violation.rule())) {
                    mismatch.appendText("broke rule ").appendValue(violation.rule());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of rule ").appendValue(rule);
            }
        };
    }

    /** An {@link UnknownRecord} naming exactly {@code field}. */
    static Matcher<Object> unknown(String field) {
        return new TypeSafeDiagnosingMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item, Description mismatch) {
                if (!(item instanceof UnknownRecord unknown)) {
                    mismatch.appendText("was ").appendValue(item);
                    return false;
                }
                if (!field.equals(unknown.field())) {
                    mismatch.appendText("named field ").appendValue(unknown.field());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an UnknownRecord of field ").appendValue(field);
            }
        };
    }
}
