package dev.shingi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shingi.testing.LedgerHttp;
import dev.shingi.testing.MultipartBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness gate over HTTP on a deliberation of its own: #1 answered with two REVISE_DRAFT commitments, #2
 * unanswered, #3 an endorsement (needs no answer), #4 withdrawn. A revision keeping only #1.1 is refused naming #1.2
 * and #2 and stores nothing; with {@code override.reason} it is stored, and the reason is shown with the version, in
 * the timeline and in the disposition report.
 */
class RevisionReadinessTest extends LedgerHttp {

    private static final String REASON = "#1.2 waits for the legal review; #2 is answered at the next meeting.";

    String d;
    String c1;
    String c2;

    @BeforeEach
    void aDeliberationWithItemsUnresolved() {
        d = "g-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"Draft guideline","occurredAt":"2024-06-01T09:00+09:00"}""".formatted(d))
                .status()).isEqualTo(201);
        participant("ann", "MEMBER");
        participant("sato", "SECRETARIAT");
        assertThat(post(p("/drafts"), """
                {"version":1,"title":"Draft guideline v1","pageCount":20}""").status()).isEqualTo(201);
        c1 = raise(5, "CHANGE_REQUEST");
        c2 = raise(3, "QUESTION");
        raise(7, "ENDORSEMENT");
        String c4 = raise(9, "EDITORIAL");
        Reply answered = post("/api/comments/" + c1 + "/responses", """
                {"responderId":"sato","disposition":"ACCEPTED","text":"Will do.","commitments":[
                 {"kind":"REVISE_DRAFT","description":"Reword page 5"},
                 {"kind":"REVISE_DRAFT","description":"Add a footnote on page 5"}]}""");
        assertThat(answered.status()).as(answered.raw()).isEqualTo(201);
        Reply withdrawn = post("/api/comments/" + c4 + "/withdrawal", """
                {"participantId":"ann"}""");
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
    }

    @Test
    void aRevisionLeavingItemsUnresolvedIsRefusedListingEachAndNothingIsStored() {
        int events = timeline().size();

        Reply refused = post(p("/revisions"), revision(""));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().get("rule").asText()).isEqualTo("revision.unresolved-items");
        assertThat(refused.body().get("items").toString()).isEqualTo("["
                + "{\"kind\":\"COMMITMENT\",\"id\":\"" + c1 + ".2\",\"reference\":\"#1.2\",\"commentId\":\"" + c1
                + "\",\"version\":1,\"page\":5},"
                + "{\"kind\":\"COMMENT\",\"id\":\"" + c2 + "\",\"reference\":\"#2\",\"commentId\":\"" + c2
                + "\",\"version\":1,\"page\":3}]");
        assertThat(get(p("/versions")).body().size()).isEqualTo(1);
        assertThat(timeline().size()).isEqualTo(events);
        assertThat(get(p("/outstanding")).body().get("commitments").size()).isEqualTo(2);
    }

    @Test
    void theMultipartRevisionMeetsTheSameGate() {
        Reply refused = multipart(p("/revisions"), new MultipartBody()
                .json("metadata", revision(""))
                .part("file", "v2.txt", "text/plain", "第２版\f\f\f\f脚注を追加\f".getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().get("rule").asText()).isEqualTo("revision.unresolved-items");
        assertThat(refused.body().get("items").size()).isEqualTo(2);
        assertThat(get(p("/versions")).body().size()).isEqualTo(1);
    }

    @Test
    void aBlankOverrideReasonIsBadInputNamingTheField() {
        int events = timeline().size();

        Reply blank = post(p("/revisions"), revision(",\"override\":{\"reason\":\"  \"}"));

        assertThat(blank.status()).as(blank.raw()).isEqualTo(400);
        assertThat(blank.body().get("errors").get(0).get("field").asText()).isEqualTo("override.reason");
        assertThat(get(p("/versions")).body().size()).isEqualTo(1);
        assertThat(timeline().size()).isEqualTo(events);
    }

    @Test
    void anOverrideIsRecordedAndShownWithTheVersionTheTimelineAndTheReport() {
        Reply revised = post(p("/revisions"), revision(",\"override\":{\"reason\":\"" + REASON + "\"}"));

        assertThat(revised.status()).as(revised.raw()).isEqualTo(201);
        assertThat(revised.body().get(1).get("overrideReason").asText()).isEqualTo(REASON);
        assertThat(revised.body().get(0).get("overrideReason").isNull()).isTrue();
        JsonNode revisedEntry = null;
        for (JsonNode e : timeline()) {
            revisedEntry = "RevisionCommitted".equals(e.get("type").asText()) ? e : revisedEntry;
        }
        assertThat(revisedEntry).isNotNull();
        assertThat(revisedEntry.get("summary").asText()).isEqualTo("SATO committed v2 (from v1), keeping 1 commitment(s): "
                + "Page 5 reworded; committed with items unresolved because: " + REASON);
        assertThat(report("ja")).contains("第2版は未解決の項目を残して確定されました。理由：" + REASON);
        assertThat(report("en")).contains("v2 was committed with items unresolved. Reason: " + REASON);
    }

    @Test
    void aRevisionThatAnswersEverythingNeedsNoOverride() {
        assertThat(post("/api/comments/" + c2 + "/responses", """
                {"responderId":"sato","disposition":"ANSWERED","text":"See page 3."}""").status()).isEqualTo(201);

        Reply revised = post(p("/revisions"), """
                {"version":2,"title":"Draft guideline v2","summary":"Page 5 reworded",
                 "fulfils":[{"commitment":"#1.1","page":5},{"commitment":"#1.2","page":5}],"committedBy":"sato"}""");

        assertThat(revised.status()).as(revised.raw()).isEqualTo(201);
        assertThat(revised.body().get(1).get("overrideReason").isNull()).isTrue();
    }

    private String revision(String more) {
        return """
                {"version":2,"title":"Draft guideline v2","summary":"Page 5 reworded",
                 "fulfils":[{"commitment":"#1.1","page":5}],"committedBy":"sato"%s}""".formatted(more);
    }

    private JsonNode timeline() {
        return get(p("/timeline")).body();
    }

    private String report(String lang) {
        try {
            java.net.http.HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + p("/disposition?version=1&format=html&lang=" + lang)))
                    .header("Authorization", basic("sato")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void participant(String id, String role) {
        Reply r = admin(p("/participants"), """
                {"participantId":"%s","name":"%s","role":"%s"}""".formatted(id, id.toUpperCase(), role));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    private String raise(int page, String kind) {
        Reply r = post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"anchor":{"pageFrom":%d},"kind":"%s",
                 "text":"On page %d.","occurredAt":"2024-06-24T14:10:00+09:00"}""".formatted(page, kind, page));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("comment").get("commentId").asText();
    }

    private Reply multipart(String path, MultipartBody body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic("sato")).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    private String p(String suffix) {
        return "/api/deliberations/" + d + suffix;
    }
}
