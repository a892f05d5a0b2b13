package dev.shingi.rest;

import dev.shingi.testing.LedgerHttp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command over HTTP on a deliberation of its own: a 2xx means stored and already visible to the next query
 * (read-your-writes); a refusal is a problem detail and stores nothing.
 */
class CommandApiTest extends LedgerHttp {

    String d;

    @BeforeEach
    void openDeliberationWithPeopleAndADraftOfTwentyPages() {
        d = "t-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"Draft guideline","body":"Test committee","occurredAt":"2024-06-01T09:00+09:00"}""".formatted(d)).status())
                .isEqualTo(201);
        participant("chair", "CHAIR");
        participant("ann", "MEMBER");
        participant("bob", "MEMBER");
        participant("sato", "SECRETARIAT");
        Reply draft = post(p("/drafts"), """
                {"version":1,"title":"Draft guideline v1","materialNumber":"資料1-1","pageCount":20}""");
        assertThat(draft.status()).isEqualTo(201);
    }

    private void participant(String id, String role) {
        Reply r = admin(p("/participants"), """
                {"participantId":"%s","name":"%s","role":"%s"}""".formatted(id, id.toUpperCase(), role));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    private String p(String suffix) {
        return "/api/deliberations/" + d + suffix;
    }

    private String raise(String author, int page) {
        Reply r = post(p("/comments"), """
                {"authorId":"%s","draftVersion":1,"anchor":{"pageFrom":%d},"kind":"CHANGE_REQUEST",
                 "text":"Please reword page %d.","occurredAt":"2024-06-24T14:10:00+09:00"}""".formatted(author, page, page));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("comment").get("commentId").asText();
    }

    private Reply respond(String commentId, String responder, String commitmentsJson) {
        return post("/api/comments/" + commentId + "/responses", """
                {"responderId":"%s","disposition":"ACCEPTED","text":"Will do.","commitments":%s}"""
                .formatted(responder, commitmentsJson));
    }

    @Test
    void aCommentIsAnsweredRevisedAndResolvedAndEveryStepIsReadableAtOnce() {
        String c = raise("ann", 5);
        assertThat(get(p("/outstanding")).body().get("comments").get(0).get("reference").asText()).isEqualTo("#1");

        Reply answered = respond(c, "sato", """
                [{"kind":"REVISE_DRAFT","description":"Reword page 5","dueDate":"2030-01-31"},
                 {"kind":"CONSIDER","description":"Consider an annex","ownerId":"chair"}]""");
        assertThat(answered.status()).isEqualTo(201);
        JsonNode commitments = answered.body().get("responses").get(0).get("commitments");
        assertThat(commitments.get(0).get("reference").asText()).isEqualTo("#1.1");
        assertThat(commitments.get(0).get("owner").get("id").asText()).isEqualTo("sato");
        assertThat(commitments.get(1).get("owner").get("id").asText()).isEqualTo("chair");
        assertThat(answered.body().get("comment").get("status").asText()).isEqualTo("AWAITING");

        JsonNode outstanding = get(p("/outstanding")).body();
        assertThat(outstanding.get("comments")).isEmpty();
        assertThat(outstanding.get("commitments")).hasSize(2);

        Reply revised = post(p("/revisions"), """
                {"version":2,"title":"Draft guideline v2","pageCount":21,"summary":"Page 5 reworded",
                 "changes":["Reworded p.5"],"fulfils":[{"commitment":"#1.1","page":5}],"committedBy":"sato"}""");
        assertThat(revised.status()).as(revised.raw()).isEqualTo(201);
        assertThat(revised.body().get(1).get("fulfilled").get(0).get("reference").asText()).isEqualTo("#1.1");

        Reply concluded = post("/api/commitments/" + c + ".2/conclusion", """
                {"participantId":"sato","outcome":"An annex is not needed."}""");
        assertThat(concluded.status()).as(concluded.raw()).isEqualTo(200);
        assertThat(concluded.body().get("comment").get("status").asText()).isEqualTo("RESOLVED");
        assertThat(get(p("/outstanding")).body().get("commitments")).isEmpty();

        JsonNode summary = get(p("")).body().get("summary");
        assertThat(summary.get("versions").asInt()).isEqualTo(2);
        assertThat(summary.get("openCommitments").asInt()).isZero();
    }

    @Test
    void notSatisfiedReopensAndTheCommentCanBeAnsweredAgain() {
        String c = raise("bob", 3);
        String responseId = respond(c, "sato", "[]").body().get("responses").get(0).get("responseId").asText();
        Reply ack = post("/api/comments/" + c + "/acknowledgements", """
                {"responseId":"%s","participantId":"bob","satisfied":false,"note":"That misses my point."}"""
                .formatted(responseId));
        assertThat(ack.status()).as(ack.raw()).isEqualTo(201);
        assertThat(ack.body().get("comment").get("status").asText()).isEqualTo("OPEN");
        assertThat(ack.body().get("acknowledgements").get(0).get("satisfied").asBoolean()).isFalse();
        assertThat(get(p("/outstanding")).body().get("comments")).hasSize(1);

        Reply again = respond(c, "sato", "[]");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("responses")).hasSize(2);
        assertThat(again.body().get("comment").get("status").asText()).isEqualTo("ANSWERED");
    }

    @Test
    void aWithdrawnCommentTakesNoResponseAndIsNotWithdrawnTwice() {
        String c = raise("ann", 2);
        Reply withdrawn = post("/api/comments/" + c + "/withdrawal", """
                {"participantId":"ann","reason":"Resolved offline"}""");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().get("comment").get("status").asText()).isEqualTo("WITHDRAWN");

        long before = storedEvents();
        assertRule(respond(c, "sato", "[]"), "comment.withdrawn");
        assertRule(post("/api/comments/" + c + "/withdrawal", """
                {"participantId":"ann"}"""), "comment.withdrawn-once");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void endorsementsAndRemarksAreNeverUnanswered() {
        Reply r = post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"kind":"ENDORSEMENT","text":"Well balanced."}""");
        assertThat(r.status()).isEqualTo(201);
        Reply remark = post(p("/comments"), """
                {"authorId":"bob","draftVersion":1,"kind":"REMARK","text":"For the record."}""");
        assertThat(remark.status()).isEqualTo(201);
        assertThat(get(p("/outstanding")).body().get("comments")).isEmpty();
        assertThat(get(p("")).body().get("summary").get("unansweredComments").asInt()).isZero();
    }

    @Test
    void rulesOfTheDeliberationAre409AndStoreNothing() {
        String c = raise("ann", 5);
        respond(c, "sato", """
                [{"kind":"REVISE_DRAFT","description":"Reword"}]""");
        long before = storedEvents();

        assertRule(post(p("/comments"), """
                {"authorId":"stranger","draftVersion":1,"kind":"QUESTION","text":"Who am I?"}"""),
                "comment.author-registered");
        assertRule(post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"anchor":{"pageFrom":21},"kind":"QUESTION","text":"Past the end"}"""),
                "anchor.page-within-draft");
        assertRule(respond(c, "sato", "[]"), "comment.answered-once");
        String other = raise("bob", 1);
        before = storedEvents();
        assertRule(respond(other, "ann", "[]"), "participant.secretariat-only");
        assertRule(post(p("/revisions"), """
                {"version":2,"title":"v2","fulfils":[{"commitment":"#1.1"},{"commitment":"#1.1"}],"committedBy":"sato"}"""),
                "revision.fulfils-each-once");
        assertRule(post(p("/revisions"), """
                {"version":2,"title":"v2","fulfils":[{"commitment":"#1.1"}],"committedBy":"ann"}"""),
                "participant.secretariat-only");
        assertRule(post(p("/drafts"), """
                {"version":1,"title":"again"}"""), "draft.version-once");
        assertRule(post("/api/commitments/" + c + ".1/conclusion", """
                {"participantId":"sato","outcome":"done"}"""), "commitment.revise-draft-kept-by-revision");
        assertRule(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"Same id"}""".formatted(d)), "ledger.id-once");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRevisionKeepsOnlyCommitmentsOfItsOwnDeliberation() {
        String mine = raise("ann", 4);
        respond(mine, "sato", """
                [{"kind":"REVISE_DRAFT","description":"Reword"}]""");
        // the reference deliberation's commitment #12.1 is open, but belongs to another deliberation
        long before = storedEvents();
        assertRule(post(p("/revisions"), """
                {"version":2,"title":"v2","fulfils":[{"commitment":"ict-cyber-2024-c12.1"}],"committedBy":"sato"}"""),
                "revision.own-deliberation-only");
        Reply fulfilledTwice = post(p("/revisions"), """
                {"version":2,"title":"v2","fulfils":[{"commitment":"#1.1"}],"committedBy":"sato"}""");
        assertThat(fulfilledTwice.status()).isEqualTo(201);
        before = storedEvents();
        assertRule(post(p("/revisions"), """
                {"version":3,"title":"v3","fulfils":[{"commitment":"#1.1"}],"committedBy":"sato"}"""),
                "commitment.open-only");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void malformedOrInvalidInputIs400NamingTheFieldAndStoresNothing() {
        long before = storedEvents();
        assertBadInput(post(p("/comments"), "{not json"), null);
        assertBadInput(post(p("/comments"), """
                {"authorId":"ann","draftVersion":"one","kind":"QUESTION","text":"x"}"""), "draftVersion");
        assertBadInput(post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"kind":"QUESTION","text":"x","mood":"grumpy"}"""), "mood");
        assertBadInput(post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"kind":"QUESTION"}"""), "text");
        assertBadInput(post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"kind":"SHOUT","text":"x"}"""), "kind");
        assertBadInput(post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"anchor":{"pageFrom":0},"kind":"QUESTION","text":"x"}"""),
                "anchor.pageFrom");
        assertBadInput(post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"kind":"QUESTION","text":"x","occurredAt":"2024-06-24T14:00"}"""),
                "occurredAt");
        assertBadInput(post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"kind":"QUESTION","text":"x","occurredAt":"2999-01-01T00:00Z"}"""),
                "occurredAt");
        assertBadInput(post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"kind":"QUESTION","text":"%s"}""".formatted("x".repeat(20_001))),
                "text");
        assertBadInput(post(p("/participants"), """
                {"participantId":"has space","name":"X","role":"MEMBER"}"""), "participantId");
        Reply wrongType = post(p("/comments"), "authorId=ann", "text/plain");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void unknownRecordsAre404NamingTheField() {
        long before = storedEvents();
        Reply noDeliberation = post("/api/deliberations/nope/comments", """
                {"authorId":"ann","draftVersion":1,"kind":"QUESTION","text":"x"}""");
        assertThat(noDeliberation.status()).isEqualTo(404);
        assertThat(noDeliberation.body().get("field").asText()).isEqualTo("deliberationId");
        Reply noVersion = post(p("/comments"), """
                {"authorId":"ann","draftVersion":7,"kind":"QUESTION","text":"x"}""");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.body().get("field").asText()).isEqualTo("draftVersion");
        assertThat(respond("no-such-comment", "sato", "[]").status()).isEqualTo(404);
        Reply noCommitment = post(p("/revisions"), """
                {"version":2,"title":"v2","fulfils":[{"commitment":"#9.9"}],"committedBy":"sato"}""");
        assertThat(noCommitment.status()).isEqualTo(404);
        assertThat(noCommitment.body().get("field").asText()).isEqualTo("commitment");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aCommentCarriesLinesAnElementAndAProposedChangeAsStandardsBodiesWriteThem() {
        Reply r = post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"kind":"CHANGE_REQUEST","text":"The limit is unclear.",
                 "anchor":{"pageFrom":7,"section":"5.2","element":"Table 3","lineFrom":120,"lineTo":125},
                 "proposedChange":"State the limit in seconds."}""");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        JsonNode comment = get(p("/comments")).body().get(0);
        assertThat(comment.get("anchor").get("lineFrom").asInt()).isEqualTo(120);
        assertThat(comment.get("anchor").get("lineTo").asInt()).isEqualTo(125);
        assertThat(comment.get("anchor").get("element").asText()).isEqualTo("Table 3");
        assertThat(comment.get("anchorText").asText()).isEqualTo("p.7 §5.2 Table 3 ll.120–125");
        assertThat(comment.get("proposedChange").asText()).isEqualTo("State the limit in seconds.");

        Reply oneLine = post(p("/comments"), """
                {"authorId":"bob","draftVersion":1,"kind":"EDITORIAL","text":"Typo.","anchor":{"lineFrom":9}}""");
        assertThat(oneLine.body().get("comment").get("anchor").get("lineTo").asInt()).isEqualTo(9);

        long before = storedEvents();
        assertRule(post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"kind":"QUESTION","text":"x","anchor":{"lineFrom":30,"lineTo":3}}"""),
                "anchor.line-range-ordered");
        String taken = comment.get("commentId").asText();
        Reply again = post(p("/comments"), """
                {"commentId":"%s","authorId":"bob","draftVersion":1,"kind":"QUESTION","text":"Same id."}""".formatted(taken));
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertBadInput(post(p("/comments"), """
                {"authorId":"ann","draftVersion":1,"kind":"QUESTION","text":"x","anchor":{"lineFrom":0}}"""),
                "anchor.lineFrom");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private void assertRule(Reply r, String rule) {
        assertThat(r.status()).as(r.raw()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("rule").asText()).isEqualTo(rule);
        assertThat(r.body().get("detail").asText()).isNotBlank();
    }

    private void assertBadInput(Reply r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.body().get("errors").findValuesAsText("field")).as(r.raw()).contains(field);
        }
    }
}
