package dev.shingi.platform;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.Ids;
import dev.shingi.deliberation.api.OpenDeliberation;
import dev.shingi.deliberation.api.PublishDraft;
import dev.shingi.deliberation.api.RaiseComment;
import dev.shingi.deliberation.api.RegisterParticipant;
import dev.shingi.deliberation.api.Role;
import dev.shingi.testing.LedgerHttp;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch (an import's commands) is stored whole or not at all, in the running application on a real database: a
 * batch that fails after its fourth command leaves no event, no directory row and no cached belief behind, and the
 * same batch run again is stored as if the first had never been tried (its comment is #1, not #2).
 */
class LedgerBatchAtomicityTest extends LedgerHttp {
    static final String D = "batch-atomic";
    static final Instant AT = Instant.parse("2024-06-24T05:00:00Z");
    static final MetaData MD = RecordingMetadata.of("batch-test", null, null);

    private void fourCommands() {
        ledger.record(new OpenDeliberation(D, "Batch", null, AT), MD);
        ledger.record(new RegisterParticipant(D, "m1", "Member One", Role.MEMBER, null, null, false, AT), MD);
        ledger.record(new PublishDraft(D, 1, "Draft", null, 10, AT), MD);
        ledger.record(new RaiseComment("batch-c1", D, "m1", 1, Anchor.NONE, CommentKind.QUESTION, "Why?", null, AT), MD);
    }

    private int eventsOf(String aggregate) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Integer.class,
                aggregate);
    }

    @Test
    void aBatchThatFailsAfterItsCommandsLeavesNothingAndCanBeRunAgainWhole() {
        assertThatThrownBy(() -> ledger.batch(() -> {
            fourCommands();
            throw new IllegalStateException("the import's fifth step failed");
        })).hasMessage("the import's fifth step failed");

        assertThat(eventsOf(D)).as("deliberation events stored").isZero();
        assertThat(eventsOf(Ids.draftVersion(D, 1))).as("draft events stored").isZero();
        assertThat(eventsOf("batch-c1")).as("comment events stored").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_deliberation WHERE deliberation_id = ?",
                Integer.class, D)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM directory_participant WHERE deliberation_id = ?",
                Integer.class, D)).isZero();
        assertThat(get("/api/deliberations/" + D).status()).isEqualTo(404);

        ledger.batch(() -> {
            fourCommands();
            return null;
        });
        assertThat(eventsOf(D)).as("opened, registered").isEqualTo(2);
        assertThat(eventsOf(Ids.draftVersion(D, 1))).as("published").isEqualTo(1);
        assertThat(eventsOf("batch-c1")).as("raised").isEqualTo(1);
        assertThat(ledger.awaitProjections()).isTrue();
        Reply comment = getAs("admin", "/api/comments/batch-c1");
        assertThat(comment.status()).as(comment.raw()).isEqualTo(200);
        assertThat(comment.body().get("comment").get("reference").asText()).as("no number was used up by the failed batch").isEqualTo("#1");
    }
}
