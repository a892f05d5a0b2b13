package dev.shingi.rest;

import dev.shingi.testing.LedgerHttp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every read model as of both clocks, corrections, replay and rebuild, over HTTP (docs/time.md). */
class TimeTravelTest extends LedgerHttp {

    static final String D = "/api/deliberations/ict-cyber-2024";

    static String q(String instant) {
        return URLEncoder.encode(instant, StandardCharsets.UTF_8);
    }

    private List<String> commitmentRefs(JsonNode outstanding) {
        List<String> refs = new ArrayList<>();
        outstanding.get("commitments").forEach(c -> refs.add(c.get("reference").asText()));
        return refs;
    }

    @Test
    void beforeTheMeetingNothingIsOutstanding() {
        JsonNode o = get(D + "/outstanding?at=" + q("2024-06-24T13:00+09:00")).body();
        assertThat(o.get("comments")).isEmpty();
        assertThat(o.get("commitments")).isEmpty();
    }

    @Test
    void atTheEndOfTheMeetingTheFourteenCommitmentsAreOpen() {
        JsonNode o = get(D + "/outstanding?at=" + q("2024-06-24T17:00+09:00")).body();
        assertThat(o.get("comments")).isEmpty();
        assertThat(commitmentRefs(o)).containsExactly("#1.1", "#2.1", "#3.1", "#5.1", "#6.1", "#8.1", "#9.1", "#11.1",
                "#12.1", "#13.1", "#14.1", "#15.1", "#16.1", "#17.1");
    }

    @Test
    void midMeetingTheCommentsRaisedSoFarAreUnanswered() {
        // comments every 3 minutes from 14:05, responses from 15:05; #6 (14:20) is a remark and needs no answer
        JsonNode o = get(D + "/outstanding?at=" + q("2024-06-24T14:20+09:00")).body();
        List<String> refs = new ArrayList<>();
        o.get("comments").forEach(c -> refs.add(c.get("reference").asText()));
        assertThat(refs).containsExactly("#1", "#2", "#3", "#4", "#5");
        assertThat(get(D + "/comments?at=" + q("2024-06-24T14:20+09:00")).body()).hasSize(6);
        assertThat(o.get("commitments")).isEmpty();
    }

    @Test
    void nowEightStayOpen() {
        assertThat(commitmentRefs(get(D + "/outstanding").body()))
                .containsExactly("#5.1", "#6.1", "#8.1", "#9.1", "#12.1", "#15.1", "#16.1", "#17.1");
    }

    @Test
    void beforeTheDemoWasLoadedTheLedgerKnewNothing() {
        String before = q("2020-01-01T00:00Z");
        assertThat(get("/api/deliberations?knownAt=" + before).body()).isEmpty();
        JsonNode o = get(D + "/outstanding?knownAt=" + before).body();
        assertThat(o.get("comments")).isEmpty();
        assertThat(o.get("commitments")).isEmpty();
        assertThat(get(D + "/comments?knownAt=" + before).body()).isEmpty();
        assertThat(get(D + "/versions?knownAt=" + before).body()).isEmpty();
        assertThat(get(D + "/timeline?knownAt=" + before).body()).isEmpty();
        assertThat(get(D + "/answers?knownAt=" + before).body().get("byMember")).isEmpty();
    }

    @Test
    void versionsAsOfTheMeetingShowOnlyTheCirculatedDraft() {
        JsonNode v = get(D + "/versions?at=" + q("2024-06-24T17:00+09:00")).body();
        assertThat(v).hasSize(1);
        assertThat(v.get(0).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void replayStepsThroughTheLogAndAnyViewCanBeAskedAfterEventN() {
        JsonNode first = get(D + "/timeline?after=0&limit=5").body();
        assertThat(first).hasSize(5);
        assertThat(first.get(0).get("type").asText()).isEqualTo("DeliberationOpened");
        long last = first.get(4).get("position").asLong();
        JsonNode next = get(D + "/timeline?after=" + last + "&limit=5").body();
        assertThat(next.get(0).get("position").asLong()).isGreaterThan(last);

        long revision = -1;
        for (JsonNode e : get(D + "/timeline").body()) {
            if (e.get("type").asText().equals("RevisionCommitted")) {
                revision = e.get("position").asLong();
            }
        }
        assertThat(commitmentRefs(get(D + "/outstanding?afterEvent=" + (revision - 1)).body())).hasSize(14);
        assertThat(get(D + "/versions?afterEvent=" + revision).body()).hasSize(2);
    }

    @Test
    void aCorrectionShowsFromWhenItWasRecordedAndTheOldRecordBefore() {
        String d = "tt-" + UUID.randomUUID().toString().substring(0, 8);
        admin("/api/deliberations", """
                {"deliberationId":"%s","title":"Correction test","occurredAt":"2024-06-01T09:00+09:00"}""".formatted(d));
        for (String[] p : new String[][]{{"ann", "MEMBER"}, {"bob", "MEMBER"}, {"sato", "SECRETARIAT"}}) {
            admin("/api/deliberations/" + d + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s"}""".formatted(p[0], p[0].toUpperCase(), p[1]));
        }
        post("/api/deliberations/" + d + "/drafts", """
                {"version":1,"title":"v1","pageCount":10}""");
        Reply raised = post("/api/deliberations/" + d + "/comments", """
                {"authorId":"ann","draftVersion":1,"anchor":{"pageFrom":5},"kind":"QUESTION","text":"Page five?",
                 "occurredAt":"2024-07-01T10:00+09:00"}""");
        String commentId = raised.body().get("comment").get("commentId").asText();
        String knownBefore = raised.body().get("comment").get("recordedAt").asText();

        Reply corrected = post("/api/comments/" + commentId + "/corrections", """
                {"authorId":"bob","anchor":{"pageFrom":6},"reason":"Transcription: it was Bob, about page 6",
                 "correctedBy":"sato","recordOccurredAt":"2024-07-01T09:30+09:00"}""");
        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(201);

        JsonNode now = get("/api/comments/" + commentId).body();
        assertThat(now.get("comment").get("author").get("id").asText()).isEqualTo("bob");
        assertThat(now.get("comment").get("anchorText").asText()).isEqualTo("p.6");
        assertThat(now.get("comment").get("occurredAt").asText()).isEqualTo("2024-07-01T00:30:00Z");
        Map<String, String> changes = new LinkedHashMap<>();
        now.get("corrections").forEach(c -> changes.put(c.get("field").asText(),
                c.get("oldValue").asText() + " -> " + c.get("newValue").asText()));
        assertThat(changes).containsOnly(Map.entry("author", "ann -> bob"), Map.entry("anchor", "p.5 -> p.6"),
                Map.entry("occurredAt", "2024-07-01T01:00:00Z -> 2024-07-01T00:30:00Z"));
        List<String> history = new ArrayList<>();
        now.get("history").forEach(h -> history.add(h.get("type").asText()));
        assertThat(history).containsExactly("CommentRaised", "RecordCorrected");

        JsonNode then = get("/api/comments/" + commentId + "?knownAt=" + q(knownBefore)).body();
        assertThat(then.get("comment").get("author").get("id").asText()).isEqualTo("ann");
        assertThat(then.get("comment").get("anchorText").asText()).isEqualTo("p.5");
        assertThat(then.get("corrections")).isEmpty();

        // between the corrected and the original time, only the corrected record shows the comment
        String between = q("2024-07-01T09:45+09:00");
        assertThat(get("/api/deliberations/" + d + "/comments?at=" + between).body()).hasSize(1);
        assertThat(get("/api/deliberations/" + d + "/comments?at=" + between + "&knownAt=" + q(knownBefore)).body())
                .isEmpty();
    }

    @Test
    void badInstantsAndCursorsAre400NamingTheParameter() {
        assertParameter(get(D + "/outstanding?at=yesterday"), "at");
        assertParameter(get(D + "/outstanding?at=" + q("2024-06-24T17:00")), "at");
        assertParameter(get(D + "/comments?knownAt=" + q("2999-01-01T00:00Z")), "knownAt");
        assertParameter(get(D + "/timeline?after=999999999"), "after");
        assertParameter(get(D + "/answers?afterEvent=999999999"), "afterEvent");
        assertParameter(get(D + "/versions?afterEvent=-1"), "afterEvent");
    }

    private void assertParameter(Reply r, String parameter) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly(parameter);
    }

    @Test
    void aRebuildGivesIdenticalAnswersForAnyInstantOnBothClocks() throws InterruptedException {
        List<String> views = List.of("/outstanding", "/comments", "/answers", "/versions", "/timeline", "");
        List<String> instants = List.of("", "?at=" + q("2024-06-24T13:00+09:00"), "?at=" + q("2024-06-24T15:20+09:00"),
                "?at=" + q("2024-06-24T17:00+09:00"), "?at=" + q("2024-07-22T10:00+09:00"),
                "?afterEvent=40", "?afterEvent=60&at=" + q("2024-06-24T15:00+09:00"));
        Map<String, String> before = new LinkedHashMap<>();
        for (String v : views) {
            for (String i : instants) {
                before.put(v + i, get(D + v + i).raw());
            }
        }
        Reply started = admin("/api/admin/rebuild", "");
        assertThat(started.status()).isEqualTo(202);
        JsonNode progress = started.body();
        for (int i = 0; i < 300 && !progress.get("state").asText().equals("DONE"); i++) {
            Thread.sleep(100);
            progress = getAs("admin", "/api/admin/rebuild").body();
        }
        assertThat(progress.get("state").asText()).isEqualTo("DONE");
        assertThat(progress.get("eventsDone").asLong()).isEqualTo(progress.get("eventsTotal").asLong());
        for (Map.Entry<String, String> e : before.entrySet()) {
            assertThat(get(D + e.getKey()).raw()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }
}
