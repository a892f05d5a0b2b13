package dev.shingi.security;

import dev.shingi.testing.LedgerHttp;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role × every endpoint (docs/security.md): allowed means "not refused" (the command may still break a rule of
 * the deliberation), refused means exactly 401 for anonymous callers and 403 for signed-in ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends LedgerHttp {

    static final String ANONYMOUS = null;
    static final List<String> EVERYONE = java.util.Arrays.asList(ANONYMOUS, OUTSIDER, "nisc", "tsuta", "goto", "sato", "admin");
    static final String M = "m-" + UUID.randomUUID().toString().substring(0, 8);
    static final String C = M + "-c1";

    @BeforeAll
    void membersOnlyDeliberation() {
        assertThat(admin("/api/deliberations", """
                {"deliberationId":"%s","title":"Members only","occurredAt":"2024-06-01T09:00+09:00"}""".formatted(M)).status()).isEqualTo(201);
        for (String[] p : new String[][]{{"tsuta", "MEMBER"}, {"goto", "CHAIR"}, {"nisc", "OBSERVER"}, {"sato", "SECRETARIAT"}}) {
            assertThat(admin("/api/deliberations/" + M + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s"}""".formatted(p[0], p[0], p[1])).status()).isEqualTo(201);
        }
        assertThat(post("/api/deliberations/" + M + "/drafts", """
                {"version":1,"title":"v1","pageCount":40}""").status()).isEqualTo(201);
        assertThat(post("/api/deliberations/" + M + "/comments", """
                {"commentId":"%s","authorId":"tsuta","draftVersion":1,"kind":"QUESTION","text":"Why?"}""".formatted(C))
                .status()).isEqualTo(201);
        assertThat(post("/api/comments/" + C + "/responses", """
                {"responseId":"r1","responderId":"sato","disposition":"CONSIDERING","text":"We will see.",
                 "commitments":[{"kind":"CONSIDER","description":"Think"},{"kind":"ACTION","description":"Act"}]}""")
                .status()).isEqualTo(201);
    }

    record Cell(String method, String path, String body, Set<String> allowed) {
    }

    static Set<String> only(String... users) {
        return Set.of(users);
    }

    static final Set<String> PARTICIPANTS_AND_ADMIN = only("nisc", "tsuta", "goto", "sato", "admin");
    static final String D = "/api/deliberations/" + M;

    static List<Cell> cells() {
        String demo = "/api/deliberations/ict-cyber-2024";
        return List.of(
                new Cell("GET", D, null, PARTICIPANTS_AND_ADMIN),
                new Cell("GET", D + "/comments", null, PARTICIPANTS_AND_ADMIN),
                new Cell("GET", D + "/outstanding", null, PARTICIPANTS_AND_ADMIN),
                new Cell("GET", D + "/answers", null, PARTICIPANTS_AND_ADMIN),
                new Cell("GET", D + "/versions", null, PARTICIPANTS_AND_ADMIN),
                new Cell("GET", D + "/timeline", null, PARTICIPANTS_AND_ADMIN),
                new Cell("GET", "/api/comments/" + C, null, PARTICIPANTS_AND_ADMIN),
                new Cell("GET", demo + "/outstanding", null, Set.copyOf(everyoneNamed())),
                new Cell("GET", "/api/comments/ict-cyber-2024-c1", null, Set.copyOf(everyoneNamed())),
                new Cell("POST", "/api/deliberations", """
                        {"deliberationId":"x-%s","title":"t"}""".formatted(UUID.randomUUID().toString().substring(0, 8)), only("admin")),
                new Cell("POST", D + "/participants", """
                        {"participantId":"p-%s","name":"P","role":"MEMBER"}""".formatted(UUID.randomUUID().toString().substring(0, 8)), only("admin")),
                new Cell("POST", D + "/meetings", """
                        {"meetingId":"mt-%s","startsAt":"2024-06-24T14:00+09:00"}""".formatted(UUID.randomUUID().toString().substring(0, 8)), only("sato", "admin")),
                new Cell("POST", D + "/drafts", """
                        {"version":7,"title":"v7"}""", only("sato", "admin")),
                new Cell("POST", D + "/visibility", """
                        {"publiclyReadable":false}""", only("sato", "admin")),
                new Cell("POST", D + "/comments", """
                        {"authorId":"tsuta","draftVersion":1,"kind":"REMARK","text":"As myself"}""", only("tsuta", "sato")),
                new Cell("POST", D + "/comments", """
                        {"authorId":"goto","draftVersion":1,"kind":"REMARK","text":"As the chair"}""", only("goto", "sato")),
                new Cell("POST", "/api/comments/" + C + "/acknowledgements", """
                        {"responseId":"r1","participantId":"tsuta","satisfied":true}""", only("tsuta", "sato")),
                new Cell("POST", "/api/comments/" + C + "/reopening", """
                        {"participantId":"tsuta","reason":"r"}""", only("tsuta", "sato")),
                new Cell("POST", "/api/comments/" + C + "/responses", """
                        {"responderId":"sato","disposition":"ANSWERED","text":"t"}""", only("sato", "admin")),
                new Cell("POST", "/api/comments/" + C + "/corrections", """
                        {"text":"Why, exactly?","reason":"typo","correctedBy":"sato"}""", only("sato", "admin")),
                new Cell("POST", "/api/commitments/" + C + ".1/conclusion", """
                        {"participantId":"sato","outcome":"done"}""", only("sato", "admin")),
                new Cell("POST", "/api/commitments/" + C + ".2/waiver", """
                        {"participantId":"sato","reason":"moot"}""", only("sato", "admin")),
                new Cell("POST", D + "/revisions", """
                        {"version":9,"title":"v9","committedBy":"sato"}""", only("sato", "admin")),
                new Cell("POST", "/api/comments/" + C + "/withdrawal", """
                        {"participantId":"tsuta"}""", only("tsuta", "sato")),
                new Cell("GET", "/api/admin/rebuild", null, only("admin")),
                new Cell("POST", "/api/admin/rebuild", "", only("admin")));
    }

    static List<String> everyoneNamed() {
        List<String> all = new ArrayList<>();
        all.add("anonymous");
        EVERYONE.stream().filter(u -> u != null).forEach(all::add);
        return all;
    }

    Stream<Arguments> matrix() {
        List<Arguments> args = new ArrayList<>();
        for (Cell cell : cells()) {
            for (String user : EVERYONE) {
                args.add(Arguments.of(cell.method() + " " + cell.path(), user == null ? "anonymous" : user, cell));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void roleByEndpoint(String endpoint, String user, Cell cell) throws InterruptedException {
        String as = user.equals("anonymous") ? null : user;
        Reply r = cell.method().equals("GET") ? getAs(as, cell.path())
                : postAs(as, cell.path(), cell.body(), "application/json");
        if (cell.allowed().contains(user)) {
            assertThat(r.status()).as(endpoint + " as " + user + ": " + r.raw()).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(r.status()).as(endpoint + " as " + user + ": " + r.raw()).isEqualTo(as == null ? 401 : 403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        if (cell.path().equals("/api/admin/rebuild") && r.status() == 202) {
            for (int i = 0; i < 300 && !"DONE".equals(getAs("admin", "/api/admin/rebuild").body().get("state").asText()); i++) {
                Thread.sleep(100);
            }
        }
    }

    @ParameterizedTest(name = "list as {0}")
    @MethodSource("users")
    void theListShowsMembersOnlyDeliberationsToTheirParticipantsAndAdmins(String user) {
        String as = user.equals("anonymous") ? null : user;
        List<String> ids = new ArrayList<>();
        getAs(as, "/api/deliberations").body().forEach(d -> ids.add(d.get("deliberationId").asText()));
        assertThat(ids).contains("ict-cyber-2024");
        if (PARTICIPANTS_AND_ADMIN.contains(user)) {
            assertThat(ids).contains(M);
        } else {
            assertThat(ids).doesNotContain(M);
        }
    }

    Stream<String> users() {
        return everyoneNamed().stream();
    }
}
