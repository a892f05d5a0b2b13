package dev.shingi.transfer.iso;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.testing.TransferHttp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aliases over HTTP (POST …/participants/{p}/aliases, RegisterAlias): a table's commenter written as an alias is the
 * participant who goes by it; an alias that would name two participants is a 400 naming it, nothing stored.
 */
class ImportByAliasTest extends TransferHttp {
    static final String D = "alias-table";
    static final String CSV = "MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table,Type of comment,Comments,"
            + "Proposed change,Observations of the secretariat\r\n"
            + "TS,,,,te,Clause 5 needs a definition,,\r\n"
            + "ｔｓ,,,,ed,Typo in the title,,\r\n";

    @Test
    void aRowWrittenAsAnAliasIsTheParticipantWhoGoesByItAndAnAliasOfTwoIsRefused() {
        ok(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"Aliases","occurredAt":"2020-01-01T00:00:00Z"}""".formatted(D)));
        ok(admin("/api/deliberations/" + D + "/participants", """
                {"participantId":"sato","name":"佐藤","role":"SECRETARIAT","occurredAt":"2020-01-01T00:00:00Z"}"""));
        ok(admin("/api/deliberations/" + D + "/participants", """
                {"participantId":"schmidt","name":"Thomas Schmidt","role":"MEMBER","affiliation":"DIN","occurredAt":"2020-01-01T00:00:00Z"}"""));
        ok(admin("/api/deliberations/" + D + "/participants", """
                {"participantId":"tanaka","name":"Taro Suzuki","role":"MEMBER","occurredAt":"2020-01-01T00:00:00Z"}"""));
        ok(post("/api/deliberations/" + D + "/drafts", """
                {"version":1,"title":"Draft","occurredAt":"2020-01-01T00:00:00Z"}"""));

        Reply alias = post("/api/deliberations/" + D + "/participants/schmidt/aliases", """
                {"alias":"TS"}""");
        assertThat(alias.status()).as(alias.raw()).isEqualTo(201);
        JsonNode aliases = alias.body().get("aliases");
        assertThat(aliases).hasSize(1);
        assertThat(aliases.get(0).get("participantId").asText()).isEqualTo("schmidt");
        assertThat(aliases.get(0).get("alias").asText()).isEqualTo("TS");

        long before = storedEvents();
        for (String taken : new String[]{"ts", "Thomas  Schmidt", "DIN"}) {
            Reply refused = post("/api/deliberations/" + D + "/participants/tanaka/aliases", """
                    {"alias":"%s"}""".formatted(taken));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.raw()).contains("participant.alias-names-one").contains("'" + taken + "'")
                    .contains("'schmidt'");
        }
        Reply unknown = post("/api/deliberations/" + D + "/participants/nobody/aliases", """
                {"alias":"NB"}""");
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);

        Raw r = rawPost("sato", "/api/deliberations/" + D + "/iso-comments?version=1",
                CSV.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("commentersCreated")).isEmpty();
        JsonNode comments = get("/api/deliberations/" + D + "/comments").body();
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).get("author").get("id").asText()).isEqualTo("schmidt");
        assertThat(comments.get(1).get("author").get("id").asText()).isEqualTo("schmidt");
    }
}
