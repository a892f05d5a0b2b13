package dev.shingi.demo;

import dev.shingi.testing.LedgerHttp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference deliberation (shared/demo/meeting-10.md), loaded at start through the command path, read over HTTP. */
class ReferenceDeliberationTest extends LedgerHttp {

    static final String D = "/api/deliberations/ict-cyber-2024";

    @Test
    void summaryCountsTheMeeting() {
        JsonNode s = get(D).body().get("summary");
        assertThat(s.get("comments").asInt()).isEqualTo(18);
        assertThat(s.get("responses").asInt()).isEqualTo(17);
        assertThat(s.get("commitmentsMade").asInt()).isEqualTo(14);
        assertThat(s.get("openCommitments").asInt()).isEqualTo(8);
        assertThat(s.get("unansweredComments").asInt()).isEqualTo(0);
        assertThat(s.get("versions").asInt()).isEqualTo(2);
        assertThat(s.get("participants").asInt()).isEqualTo(22);
        assertThat(s.get("meetings").asInt()).isEqualTo(1);
    }

    @Test
    void outstandingListsTheEightOpenCommitmentsAndNoUnansweredComment() {
        Reply r = get(D + "/outstanding");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("comments")).isEmpty();
        List<String> lines = new ArrayList<>();
        r.body().get("commitments").forEach(c -> lines.add(
                c.get("reference").asText() + " " + c.get("kind").asText() + " " + c.get("owner").get("name").asText()
                        + " " + c.get("status").asText()));
        assertThat(lines).containsExactly(
                "#5.1 ACTION 佐藤 OPEN",
                "#6.1 ACTION 佐藤 OPEN",
                "#8.1 CONSIDER 佐藤 OPEN",
                "#9.1 ACTION 佐藤 OPEN",
                "#12.1 REVISE_DRAFT 佐藤 OPEN",
                "#15.1 CONSIDER 佐藤 OPEN",
                "#16.1 CONSIDER 佐藤 OPEN",
                "#17.1 ACTION 佐藤 OPEN");
    }

    @Test
    void versionsShowTheIllustrativeRevisionAndWhatItKept() {
        JsonNode versions = get(D + "/versions").body();
        assertThat(versions).hasSize(2);
        JsonNode v1 = versions.get(0);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("revision").asBoolean()).isFalse();
        assertThat(v1.get("materialNumber").asText()).isEqualTo("資料10-1");
        assertThat(v1.get("commentsRaised").asInt()).isEqualTo(18);
        assertThat(v1.get("illustrative").asBoolean()).isFalse();

        JsonNode v2 = versions.get(1);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("basedOn").asInt()).isEqualTo(1);
        assertThat(v2.get("illustrative").asBoolean()).isTrue();
        assertThat(v2.get("label").asText()).startsWith("ILLUSTRATIVE EXAMPLE");
        assertThat(v2.get("committedBy").get("name").asText()).isEqualTo("佐藤");
        List<String> kept = new ArrayList<>();
        v2.get("fulfilled").forEach(f -> kept.add(f.get("reference").asText() + "@" + f.get("location").get("page").asInt()));
        assertThat(kept).containsExactly("#1.1@15", "#2.1@21", "#3.1@44", "#13.1@13", "#14.1@11");
        List<String> addressed = new ArrayList<>();
        v2.get("commentsAddressed").forEach(c -> addressed.add(c.asText()));
        assertThat(addressed).containsExactly("#1", "#2", "#3", "#13", "#14");
    }

    @Test
    void whoAnsweredWhat() {
        JsonNode answers = get(D + "/answers").body();
        JsonNode byResponder = answers.get("byResponder");
        assertThat(byResponder).hasSize(1);
        assertThat(byResponder.get(0).get("responder").get("name").asText()).isEqualTo("佐藤");
        assertThat(byResponder.get(0).get("answered")).hasSize(17);

        Map<String, List<String>> byMember = new LinkedHashMap<>();
        answers.get("byMember").forEach(m -> {
            List<String> raised = new ArrayList<>();
            m.get("raised").forEach(l -> raised.add(l.get("commentReference").asText() + ":"
                    + (l.get("disposition").isNull() ? "-" : l.get("disposition").asText())));
            byMember.put(m.get("member").get("name").asText(), raised);
        });
        assertThat(byMember).containsExactly(
                Map.entry("蔦", List.of("#1:ACCEPTED", "#2:ACCEPTED", "#3:ACCEPTED", "#4:NOTED")),
                Map.entry("上原", List.of("#5:NOTED", "#6:NOTED", "#7:ANSWERED", "#8:CONSIDERING")),
                Map.entry("小山", List.of("#9:DECLINED")),
                Map.entry("吉岡", List.of("#10:ANSWERED")),
                Map.entry("後藤", List.of("#11:CONSIDERING", "#12:ACCEPTED", "#16:CONSIDERING")),
                Map.entry("盛合", List.of("#13:ACCEPTED", "#14:ACCEPTED")),
                Map.entry("新井", List.of("#15:CONSIDERING")),
                Map.entry("栗原", List.of("#17:NOTED")),
                Map.entry("篠田", List.of("#18:-")));
    }

    @Test
    void commentsCarryReferenceAuthorAnchorKindAndDerivedStatus() {
        JsonNode comments = get(D + "/comments").body();
        assertThat(comments).hasSize(18);
        Map<String, String> line = new LinkedHashMap<>();
        comments.forEach(c -> line.put(c.get("reference").asText(), c.get("author").get("name").asText() + " "
                + c.get("anchorText").asText() + " " + c.get("kind").asText() + " " + c.get("status").asText()));
        assertThat(line.get("#1")).isEqualTo("蔦 p.15 CHANGE_REQUEST RESOLVED");
        assertThat(line.get("#3")).isEqualTo("蔦 p.44 fn.40 CHANGE_REQUEST RESOLVED");
        assertThat(line.get("#4")).isEqualTo("蔦 — QUESTION ANSWERED");
        assertThat(line.get("#5")).isEqualTo("上原 pp.18–19 CHANGE_REQUEST AWAITING");
        assertThat(line.get("#9")).isEqualTo("小山 p.52 QUESTION AWAITING");
        assertThat(line.get("#11")).isEqualTo("後藤 p.26 CHANGE_REQUEST RESOLVED");
        assertThat(line.get("#13")).isEqualTo("盛合 p.13 fn.14 EDITORIAL RESOLVED");
        assertThat(line.get("#16")).isEqualTo("後藤 §おわりに CHANGE_REQUEST AWAITING");
        assertThat(line.get("#18")).isEqualTo("篠田 — ENDORSEMENT OPEN");
        assertThat(comments.get(17).get("needsResponse").asBoolean()).isFalse();
    }

    @Test
    void threadShowsResponseCommitmentAndTheRevisionThatKeptIt() {
        JsonNode t = get("/api/comments/ict-cyber-2024-c3").body();
        assertThat(t.get("comment").get("reference").asText()).isEqualTo("#3");
        JsonNode response = t.get("responses").get(0);
        assertThat(response.get("disposition").asText()).isEqualTo("ACCEPTED");
        assertThat(response.get("responder").get("title").asText()).isEqualTo("企画官");
        JsonNode commitment = response.get("commitments").get(0);
        assertThat(commitment.get("reference").asText()).isEqualTo("#3.1");
        assertThat(commitment.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(commitment.get("fulfilledInVersion").asInt()).isEqualTo(2);
        assertThat(commitment.get("location").get("footnote").asText()).isEqualTo("40");
        List<String> history = new ArrayList<>();
        t.get("history").forEach(h -> history.add(h.get("type").asText()));
        assertThat(history).containsExactly("CommentRaised", "CommentResponded", "CommitmentMade", "CommitmentFulfilled");
        assertThat(t.get("history").get(0).get("recordedBy").asText()).isEqualTo("demo-loader");
    }

    @Test
    void timelineTellsEveryEventInOccurredOrder() {
        JsonNode timeline = get(D + "/timeline").body();
        // 1 opening + 1 made public + 22 participants + 1 meeting + 1 draft + 18 comments + 17 responses
        // + 14 commitments + 1 revision + 5 fulfilments + 1 conclusion
        assertThat(timeline).hasSize(82);
        assertThat(timeline.get(0).get("summary").asText()).startsWith("Deliberation opened: ICT サイバーセキュリティ政策");
        assertThat(timeline.get(timeline.size() - 1).get("type").asText()).isEqualTo("CommitmentConcluded");
        String previous = "";
        for (JsonNode e : timeline) {
            assertThat(e.get("occurredAt").asText()).isGreaterThanOrEqualTo(previous);
            previous = e.get("occurredAt").asText();
        }
    }

    @Test
    void unknownIdsAre404ProblemDetails() {
        Reply r = get("/api/deliberations/no-such-thing/outstanding");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("field").asText()).isEqualTo("deliberationId");
        assertThat(get("/api/comments/no-such-comment").status()).isEqualTo(404);
    }

    @Test
    void openApiAndHealthAreServed() {
        Reply api = get("/v3/api-docs");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body().get("paths").has("/api/deliberations/{id}/outstanding")).isTrue();
        assertThat(get("/actuator/health").body().get("status").asText()).isEqualTo("UP");
        Reply ready = get("/actuator/health/readiness");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().get("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").body().get("status").asText()).isEqualTo("UP");
    }
}
