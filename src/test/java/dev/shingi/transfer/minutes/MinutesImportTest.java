package dev.shingi.transfer.minutes;

import dev.shingi.testing.Http;
import dev.shingi.testing.LedgerHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minutes importer over real HTTP on a real H2 file: the 議事要旨 of meeting 10 (src/test/resources/minutes) is
 * previewed, confirmed into a new deliberation and read back through the ordinary read models; bad input is refused
 * with a problem detail and leaves the ledger as it was.
 */
class MinutesImportTest extends LedgerHttp {
    static final String PREVIEW = "/api/import/minutes/preview";
    static final String IMPORT = "/api/import/minutes";

    static String meetingTen() {
        try (InputStream in = MinutesImportTest.class.getResourceAsStream("/minutes/meeting-10.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply previewBytes(String user, byte[] body, String contentType) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PREVIEW))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (user != null) {
                b.header("Authorization", basic(user));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.body().isBlank() ? null : json.readTree(r.body()), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode preview() {
        Reply r = postAs("sato", PREVIEW, meetingTen(), "text/plain; charset=UTF-8");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    String importBody(String deliberationId, JsonNode proposal) {
        ObjectNode body = json.createObjectNode();
        body.put("deliberationId", deliberationId);
        body.put("title", "ICT サイバーセキュリティ政策の中期重点方針（案）［議事要旨から］");
        body.put("draftVersion", 1);
        body.set("proposal", proposal);
        return body.toString();
    }

    @Test
    void meetingTenIsPreviewedThenRecordedIntoANewDeliberation() {
        JsonNode p = preview();
        assertThat(p.get("meeting").get("number").asInt()).isEqualTo(10);
        assertThat(p.get("meeting").get("date").asText()).isEqualTo("2024-06-24");
        assertThat(p.get("meeting").get("start").asText()).isEqualTo("14:00:00");
        assertThat(p.get("comments")).hasSize(18);
        assertThat(p.get("responses")).hasSize(17);
        assertThat(p.get("participants")).hasSize(22);
        // the parser is sure of everything; a name other tests of this store registered twice (新井) may be flagged
        assertThat(p.get("uncertain").findValuesAsText("code")).allMatch("person-unsure"::equals);
        JsonNode first = p.get("comments").get(0);
        assertThat(first.get("lines").toString()).isEqualTo("[35,36]");
        assertThat(first.get("anchor").toString()).isEqualTo("{\"pages\":[15],\"footnote\":null,\"section\":null}");

        long before = storedEvents();
        Reply done = postAs("admin", IMPORT, importBody("minutes-10", p), "application/json");
        assertThat(done.status()).as(done.raw()).isEqualTo(201);
        assertThat(done.body().get("meetingId").asText()).isEqualTo("meeting-10");
        assertThat(done.body().get("responses").asInt()).isEqualTo(17);
        // opened, visibility untouched, 22 registered, draft, meeting, 18 raised, 17 responded + 14 commitments made
        assertThat(storedEvents() - before).isEqualTo(1 + 22 + 1 + 1 + 18 + 17 + 14);

        Reply comments = getAs("admin", "/api/deliberations/minutes-10/comments");
        assertThat(comments.status()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        comments.body().forEach(c -> rows.add(c.get("reference").asText() + " " + c.get("author").get("name").asText()
                + " " + c.get("anchorText").asText() + " " + c.get("kind").asText() + " " + c.get("status").asText()
                + " " + c.get("meetingId").asText() + " " + c.get("occurredAt").asText()));
        String at = " meeting-10 2024-06-24T05:00:00Z";
        assertThat(rows).containsExactly(
                "#1 蔦 p.15 CHANGE_REQUEST AWAITING" + at,
                "#2 蔦 p.21 CHANGE_REQUEST AWAITING" + at,
                "#3 蔦 p.44 fn.40 CHANGE_REQUEST AWAITING" + at,
                "#4 蔦 — QUESTION ANSWERED" + at,
                "#5 上原 pp.18–19 CHANGE_REQUEST AWAITING" + at,
                "#6 上原 p.19 REMARK AWAITING" + at,
                "#7 上原 p.24 CHANGE_REQUEST ANSWERED" + at,
                "#8 上原 p.29 CHANGE_REQUEST AWAITING" + at,
                "#9 小山 p.52 QUESTION AWAITING" + at, // declined, but promised an action
                "#10 吉岡 p.20 REMARK ANSWERED" + at,
                "#11 後藤 p.26 CHANGE_REQUEST AWAITING" + at,
                "#12 後藤 p.29 CHANGE_REQUEST AWAITING" + at,
                "#13 盛合 p.13 fn.14 EDITORIAL AWAITING" + at,
                "#14 盛合 p.11 fn.12 EDITORIAL AWAITING" + at,
                "#15 新井 — CHANGE_REQUEST AWAITING" + at,
                "#16 後藤 §おわりに CHANGE_REQUEST AWAITING" + at,
                "#17 栗原 — REMARK AWAITING" + at,
                "#18 篠田 — ENDORSEMENT OPEN" + at);
        assertThat(comments.body().get(0).get("text").asText())
                .isEqualTo("15ページについて、今年、経済安全保障推進法が改正され、基幹インフラ事業に港湾運送が追加された。"
                        + "この点を脚注などで記載してはどうか。");

        Reply outstanding = getAs("admin", "/api/deliberations/minutes-10/outstanding");
        assertThat(outstanding.status()).isEqualTo(200);
        assertThat(outstanding.body().get("comments")).isEmpty(); // #18 is an endorsement: it needs no answer
        List<String> open = new ArrayList<>();
        outstanding.body().get("commitments").forEach(c -> open.add(c.get("reference").asText() + " "
                + c.get("kind").asText() + " " + c.get("owner").get("name").asText() + " " + c.get("status").asText()));
        assertThat(open).containsExactly(
                "#1.1 REVISE_DRAFT 佐藤 OPEN", "#2.1 REVISE_DRAFT 佐藤 OPEN", "#3.1 REVISE_DRAFT 佐藤 OPEN",
                "#5.1 ACTION 佐藤 OPEN", "#6.1 ACTION 佐藤 OPEN", "#8.1 CONSIDER 佐藤 OPEN", "#9.1 ACTION 佐藤 OPEN",
                "#11.1 CONSIDER 佐藤 OPEN", "#12.1 REVISE_DRAFT 佐藤 OPEN", "#13.1 REVISE_DRAFT 佐藤 OPEN",
                "#14.1 REVISE_DRAFT 佐藤 OPEN", "#15.1 CONSIDER 佐藤 OPEN", "#16.1 CONSIDER 佐藤 OPEN",
                "#17.1 ACTION 佐藤 OPEN");

        // the same minutes again: refused as a whole, nothing more stored
        long after = storedEvents();
        Reply again = postAs("admin", IMPORT, importBody("minutes-10", p), "application/json");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().get("errors").toString()).contains("already has meeting-10");
        assertThat(storedEvents()).isEqualTo(after);
    }

    @Test
    void anEmptyBodyIsRefused() {
        long before = storedEvents();
        Reply r = previewBytes("sato", new byte[0], "text/plain; charset=UTF-8");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("type").asText()).isEqualTo("https://shingi.dev/problems/empty-body");
        assertThat(previewBytes("sato", "  \n\f\n".getBytes(StandardCharsets.UTF_8), "text/plain").body().get("type").asText())
                .isEqualTo("https://shingi.dev/problems/empty-body");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void shiftJisBytesSentAsUtf8AreRefusedNamingTheEncoding() {
        byte[] sjis = meetingTen().getBytes(Charset.forName("Shift_JIS"));
        Reply r = previewBytes("sato", sjis, "text/plain; charset=UTF-8");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("type").asText()).isEqualTo("https://shingi.dev/problems/not-utf-8");
        assertThat(r.body().get("detail").asText()).contains("Shift_JIS");
        // already decoded wrongly by the client: U+FFFD in the text
        Reply mangled = previewBytes("sato", new String(sjis, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=UTF-8");
        assertThat(mangled.status()).isEqualTo(400);
        assertThat(mangled.body().get("detail").asText()).contains("U+FFFD");
        // declared as Shift_JIS: only UTF-8 is taken
        assertThat(previewBytes("sato", sjis, "text/plain; charset=Shift_JIS").status()).isEqualTo(415);
    }

    @Test
    void notPlainTextIsA415() {
        Reply r = postAs("sato", PREVIEW, "{\"text\":\"議事要旨\"}", "application/json");
        assertThat(r.status()).isEqualTo(415);
    }

    @Test
    void onlyTheSecretariatOrAnAdminPreviews() {
        assertThat(postAs(null, PREVIEW, meetingTen(), "text/plain; charset=UTF-8").status()).isEqualTo(401);
        assertThat(postAs("tsuta", PREVIEW, meetingTen(), "text/plain; charset=UTF-8").status()).isEqualTo(403);
        assertThat(postAs("admin", PREVIEW, meetingTen(), "text/plain; charset=UTF-8").status()).isEqualTo(200);
    }

    @Test
    void aBadProposalIsRefusedWithEveryProblemAndNothingIsWritten() {
        JsonNode p = preview().deepCopy();
        ((ObjectNode) p.get("comments").get(2)).putNull("author");
        ((ObjectNode) p.get("responses").get(0)).put("commentRef", "c99");
        ((ObjectNode) p.get("responses").get(1)).putNull("disposition");
        ((ObjectNode) p.get("responses").get(2)).put("responder", "蔦");
        ((ArrayNode) p.get("comments").get(0).get("anchor").get("pages")).removeAll().add(19).add(18);
        long before = storedEvents();
        Reply r = postAs("admin", IMPORT, importBody("minutes-bad", p), "application/json");
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("proposal.comments[0].anchor.pages", "proposal.comments[2].author",
                "proposal.responses[0].commentRef", "proposal.responses[1].disposition", "proposal.responses[2].responder");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(getAs("admin", "/api/deliberations/minutes-bad").status()).isEqualTo(404);

        // a member opens nothing; a secretary who does not say which of its secretariat they are is refused
        assertThat(postAs("tsuta", IMPORT, importBody("minutes-new-by-tsuta", preview()), "application/json").status())
                .isEqualTo(403);
        JsonNode anonymous = preview().deepCopy();
        anonymous.get("participants").forEach(x -> ((ObjectNode) x).putNull("participantId"));
        Reply notMarked = postAs("sato", IMPORT, importBody("minutes-new-by-sato", anonymous), "application/json");
        assertThat(notMarked.status()).as(notMarked.raw()).isEqualTo(400);
        assertThat(notMarked.body().get("errors").findValuesAsText("field")).containsExactly("proposal.participants");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aSecretaryOpensANewDeliberationFromMinutesAsItsSecretariatAndThePeopleAreThoseRegisteredAlready() {
        // the preview proposes, for each name the demo knows exactly once, that person (their sign-in name)
        JsonNode p = preview();
        Map<String, String> proposed = new LinkedHashMap<>();
        p.get("participants").forEach(x -> proposed.put(x.get("name").asText(), x.get("participantId").asText(null)));
        assertThat(proposed).containsEntry("佐藤", "sato").containsEntry("蔦", "tsuta").containsEntry("後藤", "goto");

        String id = "minutes-by-sato-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Reply done = postAs("sato", IMPORT, importBody(id, p), "application/json");
        assertThat(done.status()).as(done.raw()).isEqualTo(201);
        assertThat(done.body().get("participantIds").get("佐藤").asText()).isEqualTo("sato");
        assertThat(done.body().get("participantIds").get("蔦").asText()).isEqualTo("tsuta");
        // sato is its secretariat (reads it, answers in it); tsuta, a member of it, reads it and raises in it
        Reply d = getAs("sato", "/api/deliberations/" + id);
        assertThat(d.status()).isEqualTo(200);
        List<String> roles = new ArrayList<>();
        d.body().get("participants").forEach(x -> roles.add(x.get("participantId").asText() + " " + x.get("role").asText()));
        assertThat(roles).contains("sato SECRETARIAT", "tsuta MEMBER", "goto CHAIR");
        assertThat(getAs("tsuta", "/api/deliberations/" + id).status()).isEqualTo(200);

        // a person the importer cannot name from what they read is refused: no login is invented for someone
        JsonNode forged = preview().deepCopy();
        ((ObjectNode) forged.get("participants").get(1)).put("participantId", "someone-else");
        Reply refused = postAs("sato", IMPORT, importBody(id + "-x", forged), "application/json");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("proposal.participants[1].participantId");

        // nor does a secretary make someone who signs in secretariat: that grant is the administrator's
        JsonNode grant = preview().deepCopy();
        int tsuta = -1;
        for (int i = 0; i < grant.get("participants").size(); i++) {
            tsuta = "蔦".equals(grant.get("participants").get(i).get("name").asText()) ? i : tsuta;
        }
        ((ObjectNode) grant.get("participants").get(tsuta)).put("role", "SECRETARIAT");
        Reply granted = postAs("sato", IMPORT, importBody(id + "-y", grant), "application/json");
        assertThat(granted.status()).as(granted.raw()).isEqualTo(400);
        assertThat(granted.body().get("errors").findValuesAsText("field"))
                .containsExactly("proposal.participants[" + tsuta + "].participantId");
        assertThat(granted.raw()).contains("only an administrator makes 'tsuta', who signs in, secretariat");
    }

    /** An attendee listed as 「中村顧問」: the title does not tell the role, so none is guessed and none is recorded. */
    @Test
    void anAttendeeOfUnknownRoleIsFlaggedAndConfirmedOnlyWithTheReviewersChoice() {
        String minutes = """
                テスト懇談会（第２回）
                議事要旨
                １．日時：令和６年７月９日（火）１３時００分から１５時００分まで
                ２．場所：オンライン
                ３．出席者：宮崎座長、岡本構成員、中村顧問、山田参事官
                ４．議事概要
                中村顧問）
                　15ページについて、記載を見直すべき。
                山田参事官）
                　ご指摘を踏まえ修正したい。
                """;
        Reply preview = postAs("admin", PREVIEW, minutes, "text/plain; charset=UTF-8");
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        JsonNode nakamura = preview.body().get("participants").get(2);
        assertThat(nakamura.get("name").asText()).isEqualTo("中村");
        assertThat(nakamura.get("title").asText()).isEqualTo("顧問");
        assertThat(nakamura.get("role").isNull()).isTrue();
        assertThat(preview.body().get("uncertain").findValuesAsText("code")).containsExactly("role-unknown");
        assertThat(preview.body().get("comments").get(0).get("author").asText()).isEqualTo("中村");

        String id = "minutes-role-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        long before = storedEvents();
        Reply refused = postAs("admin", IMPORT, importBody(id, preview.body()), "application/json");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("proposal.participants[2].role");
        assertThat(refused.raw()).contains("is required for the new participant '中村'");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(getAs("admin", "/api/deliberations/" + id).status()).isEqualTo(404);

        JsonNode chosen = preview.body().deepCopy();
        ((ObjectNode) chosen.get("participants").get(2)).put("role", "OBSERVER");
        Reply done = postAs("admin", IMPORT, importBody(id, chosen), "application/json");
        assertThat(done.status()).as(done.raw()).isEqualTo(201);
        List<String> roles = new ArrayList<>();
        getAs("admin", "/api/deliberations/" + id).body().get("participants")
                .forEach(x -> roles.add(x.get("name").asText() + " " + x.get("role").asText()));
        assertThat(roles).containsExactlyInAnyOrder("宮崎 CHAIR", "岡本 MEMBER", "中村 OBSERVER", "山田 SECRETARIAT");
    }

    @Test
    void minutesOfAMeetingBeforeTheDeliberationOpenedAreRefusedAndNothingIsWritten() {
        String id = "minutes-late-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(postAs("admin", "/api/deliberations", """
                {"deliberationId":"%s","title":"Opened after the meeting","occurredAt":"2024-07-01T00:00+09:00"}"""
                .formatted(id), "application/json").status()).isEqualTo(201);
        assertThat(postAs("admin", "/api/deliberations/" + id + "/drafts", """
                {"version":1,"title":"v1"}""", "application/json").status()).isEqualTo(201);
        long before = storedEvents();
        Reply r = postAs("admin", IMPORT, importBody(id, preview()), "application/json");
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("proposal.meeting.date");
        assertThat(r.raw()).contains("is before '" + id + "' opened (2024-06-30T15:00:00Z)");
        assertThat(storedEvents()).isEqualTo(before);
    }

    /** A browser without a browser: a cookie jar, form posts with the page's CSRF token, no redirects followed. */
    final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        Browser signIn(String user) {
            String csrf = Jsoup.parse(get("/login").body()).select("input[name=_csrf]").val();
            HttpResponse<String> done = post("/login", Map.of("username", user, "password", Http.PASSWORD, "_csrf", csrf));
            assertThat(done.statusCode()).isEqualTo(302);
            return this;
        }

        private HttpResponse<String> send(HttpRequest r) {
            try {
                return client.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The confirm form's fields as a browser would send them (the CSRF token included). */
    static Map<String, String> formFields(Document page) {
        Map<String, String> out = new LinkedHashMap<>();
        ((org.jsoup.nodes.FormElement) page.select("form[action$=/import/minutes]").first()).formData()
                .forEach(kv -> out.put(kv.key(), kv.value()));
        return out;
    }

    @Test
    void thePageShowsTheProposalBesideItsSourceAndRecordsItOnConfirmation() {
        assertThat(new Browser().get("/import/minutes").headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(new Browser().signIn("tsuta").get("/import/minutes").statusCode()).isEqualTo(403);

        Browser admin = new Browser().signIn("admin");
        Document form = Jsoup.parse(admin.get("/import/minutes").body());
        String csrf = form.select("form input[name=_csrf]").val();
        assertThat(admin.post("/import/minutes/preview", Map.of("text", meetingTen())).statusCode())
                .as("no CSRF token").isEqualTo(403);

        HttpResponse<String> previewed = admin.post("/import/minutes/preview", Map.of("text", meetingTen(), "_csrf", csrf));
        assertThat(previewed.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(previewed.body());
        assertThat(page.select("tr[data-kind=comment]")).hasSize(18);
        assertThat(page.select("tr[data-kind=response]")).hasSize(17);
        assertThat(page.select("tr.uncertain[data-kind=comment], tr.uncertain[data-kind=response]")).isEmpty();
        assertThat(page.select("tr[data-kind=comment]").first().select("pre").first().wholeText())
                .isEqualTo("35: 　１５ ページについて、今年、経済安全保障推進法が改正され、基幹インフラ事業に港湾運送が\n"
                        + "36: 追加された。この点を脚注などで記載してはどうか。\n");

        assertThat(page.select("textarea[name=proposal]")).as("no JSON to edit any more").isEmpty();
        Map<String, String> confirm = formFields(page);
        assertThat(confirm).containsEntry("comments[0].author", "蔦").containsEntry("comments[0].anchor.pages", "15")
                .containsEntry("comments[0].kind", "CHANGE_REQUEST").containsEntry("responses[0].commentRef", "c1")
                .containsKey("participants[21].role");
        confirm.put("deliberationId", "minutes-page");
        confirm.put("title", "議事要旨の取込み（画面）");
        confirm.put("draftVersion", "1");
        long before = storedEvents();
        Map<String, String> broken = new LinkedHashMap<>(confirm);
        for (int i = 0; i < 4; i++) {
            broken.put("comments[" + i + "].author", "");
        }
        HttpResponse<String> refused = admin.post("/import/minutes", broken);
        assertThat(refused.statusCode()).isEqualTo(400);
        Document again = Jsoup.parse(refused.body());
        assertThat(again.select(".errors li").eachText())
                .containsExactly("proposal.comments[0].author: Empty: say who raised c1, or remove it.",
                        "proposal.comments[1].author: Empty: say who raised c2, or remove it.",
                        "proposal.comments[2].author: Empty: say who raised c3, or remove it.",
                        "proposal.comments[3].author: Empty: say who raised c4, or remove it.");
        assertThat(again.select("select[name=\"comments[2].author\"]").first().parent().select(".field-error").text())
                .isEqualTo("Empty: say who raised c3, or remove it.");
        assertThat(storedEvents()).isEqualTo(before);

        HttpResponse<String> recorded = admin.post("/import/minutes", confirm);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        assertThat(recorded.headers().firstValue("Location").orElse("")).endsWith("/deliberations/minutes-page");
        assertThat(getAs("admin", "/api/deliberations/minutes-page/comments").body()).hasSize(18);
    }

    /** The page's preview takes the deliberation the minutes go into, and matches the attendees against it first. */
    @Test
    void thePagesPreviewMatchesTheAttendeesAgainstTheChosenDeliberation() {
        String id = "minutes-target-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        JsonNode p = preview().deepCopy(); // デジタル庁 recorded as a new person: an id this import generates
        p.get("participants").forEach(x -> {
            if (x.get("name").asText().equals("デジタル庁")) {
                ((ObjectNode) x).putNull("participantId");
            }
        });
        Reply first = postAs("admin", IMPORT, importBody(id, p), "application/json");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        String kurihara = first.body().get("participantIds").get("栗原").asText();
        assertThat(postAs("admin", "/api/deliberations/" + id + "/participants",
                "{\"participantId\":\"kurihara-t\",\"name\":\"栗原 花子\",\"role\":\"MEMBER\",\"title\":\"構成員\"}",
                "application/json").status()).isIn(200, 201);

        Browser admin = new Browser().signIn("admin");
        Document form = Jsoup.parse(admin.get("/import/minutes").body());
        assertThat(form.select("select[name=deliberationId] option").first().val()).isEmpty(); // "new" is the default
        assertThat(form.select("select[name=deliberationId] option[value=" + id + "]")).hasSize(1);
        String csrf = form.select("form input[name=_csrf]").val();

        HttpResponse<String> previewed = admin.post("/import/minutes/preview",
                Map.of("text", meetingTen(), "deliberationId", id, "_csrf", csrf));
        assertThat(previewed.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(previewed.body());
        assertThat(page.select("input[name=deliberationId]").val()).isEqualTo(id);
        assertThat(page.select("section[aria-labelledby=unsure-h] td.reason").text())
                .contains("栗原 (" + kurihara + "), 栗原 花子 (kurihara-t)");
        Map<String, String> fields = formFields(page);
        int k = -1;
        for (int i = 0; fields.containsKey("participants[" + i + "].name"); i++) {
            k = "栗原".equals(fields.get("participants[" + i + "].name")) ? i : k;
        }
        assertThat(fields.get("participants[" + k + "].participantId")).as("chosen for no one").isEmpty();
        assertThat(page.select("select[name=\"participants[" + k + "].participantId\"] option").eachAttr("value"))
                .contains(kurihara, "kurihara-t");

        // an id the earlier import generated (an observer's) is proposed only against that deliberation, as the API does
        String digital = null;
        for (JsonNode v : first.body().get("participantIds")) {
            digital = digital == null && v.asText().startsWith("minutes-p") ? v.asText() : digital;
        }
        assertThat(digital).as(first.raw()).isNotNull();
        assertThat(fields).containsValue(digital);
        Map<String, String> fresh = formFields(Jsoup.parse(admin.post("/import/minutes/preview",
                Map.of("text", meetingTen(), "_csrf", csrf)).body()));
        assertThat(fresh).doesNotContainValue(digital);

        HttpResponse<String> unknown = admin.post("/import/minutes/preview",
                Map.of("text", meetingTen(), "deliberationId", "no-such-deliberation", "_csrf", csrf));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unknown.body()).select("p.error").text())
                .isEqualTo("“no-such-deliberation” is no deliberation you may import into.");
    }
}
