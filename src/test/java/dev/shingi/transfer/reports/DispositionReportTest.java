package dev.shingi.transfer.reports;

import dev.shingi.testing.TransferHttp;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The disposition of comments over HTTP, on the reference deliberation and on one of the test's own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispositionReportTest extends TransferHttp {

    static final String DEMO = "/api/deliberations/ict-cyber-2024/disposition";
    static final String OWN = "disp-escape";
    static final List<String> JA = List.of("番号", "意見提出者", "該当箇所", "種別", "意見", "対応区分", "回答（考え方）", "対応事項", "反映箇所");
    static final List<String> EN = List.of("No.", "Submitted by", "Location", "Kind", "Comment", "Disposition", "Response",
            "Commitments", "Reflected in");

    static final List<String> ROW_1_NOW = List.of("#1", "蔦 構成員", "p.15", "修正意見",
            "本年、経済安全保障推進法が改正され、基幹インフラの対象に港湾運送が追加された。脚注等で言及してはどうか。",
            "反映", "佐藤 企画官: 法改正について脚注で追記する。",
            "#1.1 案の修正: 経済安全保障推進法の改正（港湾運送の追加）について脚注を追記（担当: 佐藤、反映済み）",
            "#1.1 v2 p.15 （例示）");
    static final List<String> ROW_9 = List.of("#9", "小山 構成員", "p.52", "質問",
            "「国家安全保障戦略等」には、能動的サイバー防御に関する有識者会議の取りまとめも含まれるのか。取りまとめが出た際には方針を見直すべき。",
            "反映せず", "佐藤 企画官: 記載はこのままとし、政府の方針が示された際に中期重点方針を見直す。",
            "#9.1 案外の対応: 政府の方針が示された際に中期重点方針を見直す（担当: 佐藤、未了）", "");
    static final List<String> ROW_18 = List.of("#18", "篠田 構成員", "—", "賛同",
            "国際連携に関する記載はちょうどよい。", "回答不要", "", "", "");

    @BeforeAll
    void ownDeliberation() {
        projectionsCaughtUp();
        openDeliberation(OWN, 40);
        ok(post("/api/deliberations/" + OWN + "/revisions", """
                {"version":2,"title":"Draft v2","committedBy":"sato"}"""));
        raise(OWN, "esc-1", "m1", 1, "{\"pageFrom\":3,\"footnote\":\"7\"}", "CHANGE_REQUEST",
                "Say <script>alert(1)</script> & \"quote\" | not a cell\nsecond line, with a comma");
        raise(OWN, "esc-2", "m2", 2, "{\"section\":\"5.2\"}", "QUESTION", "On v2.");
        ok(post("/api/comments/esc-1/responses", """
                {"responseId":"r1","responderId":"sato","disposition":"CONSIDERING","text":"Line one.\\nLine | two.",
                 "commitments":[{"kind":"CONSIDER","description":"Think about it","dueDate":"2031-03-31"}]}"""));
    }

    @Test
    void csvOfVersionOneHasTheExactRowsInJapaneseAndParsesBack() {
        Raw r = raw(null, DEMO + "?version=1&format=csv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"ict-cyber-2024-disposition-v1-ja.csv\"");
        assertThat(new byte[]{r.bytes()[0], r.bytes()[1], r.bytes()[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(r.text()).contains("\r\n");
        List<List<String>> rows = csv(r.text());
        assertThat(rows.get(0)).containsExactlyElementsOf(JA);
        Map<String, List<String>> byRef = byReference(rows);
        assertThat(byRef).hasSize(18);
        assertThat(byRef.keySet()).startsWith("#1", "#2", "#3").endsWith("#17", "#18");
        assertThat(byRef.get("#1")).containsExactlyElementsOf(ROW_1_NOW);
        assertThat(byRef.get("#9")).containsExactlyElementsOf(ROW_9);
        assertThat(byRef.get("#18")).containsExactlyElementsOf(ROW_18);
        assertThat(byRef.get("#3").get(2)).isEqualTo("p.44 fn.40");
        assertThat(byRef.get("#5").get(2)).isEqualTo("pp.18–19");
        assertThat(byRef.get("#16").get(2)).isEqualTo("§おわりに");
        assertThat(byRef.get("#11").get(7)).isEqualTo("#11.1 検討: SBOMや設計段階の取組の最終版への反映を検討"
                + "（担当: 佐藤、結論済み） — 反映済み：SBOMと設計段階の取組を第2版に反映（例示）。");
        assertThat(byRef.get("#11").get(8)).isEmpty();
    }

    @Test
    void asOfTheEveningOfTheMeetingNothingWasYetKept() {
        Raw r = raw(null, DEMO + "?version=1&format=csv&at=2024-06-24T17:00%2B09:00");
        assertThat(r.status()).isEqualTo(200);
        Map<String, List<String>> byRef = byReference(csv(r.text()));
        assertThat(byRef).hasSize(18);
        assertThat(byRef.get("#1")).containsExactly("#1", "蔦 構成員", "p.15", "修正意見", ROW_1_NOW.get(4), "反映",
                "佐藤 企画官: 法改正について脚注で追記する。",
                "#1.1 案の修正: 経済安全保障推進法の改正（港湾運送の追加）について脚注を追記（担当: 佐藤、未了）",
                "");
        assertThat(byRef.get("#9")).containsExactlyElementsOf(ROW_9);
        assertThat(byRef.get("#18")).containsExactlyElementsOf(ROW_18);
        assertThat(byRef.get("#11").get(7)).endsWith("（担当: 佐藤、未了）");

        // an hour into the meeting, #9 had been raised but not answered
        Map<String, List<String>> early = byReference(csv(raw(null, DEMO + "?version=1&format=csv&at=2024-06-24T14:40%2B09:00").text()));
        assertThat(early.keySet()).containsExactly("#1", "#2", "#3", "#4", "#5", "#6", "#7", "#8", "#9", "#10", "#11", "#12");
        assertThat(early.get("#9")).containsExactly("#9", "小山 構成員", "p.52", "質問", ROW_9.get(4), "未回答", "", "", "");
    }

    @Test
    void englishHeadingsByLangAndByAcceptLanguage() {
        List<List<String>> byParam = csv(raw(null, DEMO + "?version=1&format=csv&lang=en").text());
        assertThat(byParam.get(0)).containsExactlyElementsOf(EN);
        assertThat(byReference(byParam).get("#1")).containsExactly("#1", "蔦 構成員", "p.15", "Change request",
                ROW_1_NOW.get(4), "Accepted", "佐藤 企画官: 法改正について脚注で追記する。",
                "#1.1 Revise the draft: 経済安全保障推進法の改正（港湾運送の追加）について脚注を追記 "
                        + "(owner: 佐藤, Fulfilled)", "#1.1 v2 p.15 (illustrative)");
        assertThat(byReference(byParam).get("#18")).containsExactly("#18", "篠田 構成員", "—", "Endorsement",
                ROW_18.get(4), "No answer needed", "", "", "");

        assertThat(csv(raw(null, DEMO + "?version=1&format=csv", "Accept-Language", "en-US,en;q=0.9,ja;q=0.8").text())
                .get(0)).containsExactlyElementsOf(EN);
        assertThat(csv(raw(null, DEMO + "?version=1&format=csv", "Accept-Language", "fr, en;q=0.5").text())
                .get(0)).containsExactlyElementsOf(EN);
        assertThat(csv(raw(null, DEMO + "?version=1&format=csv", "Accept-Language", "ja,en;q=0.9").text())
                .get(0)).containsExactlyElementsOf(JA);
        assertThat(csv(raw(null, DEMO + "?version=1&format=csv", "Accept-Language", "de").text())
                .get(0)).containsExactlyElementsOf(JA);
        assertThat(csv(raw(null, DEMO + "?version=1&format=csv").text()).get(0)).containsExactlyElementsOf(JA);
        assertThat(raw(null, DEMO + "?version=1&format=csv&lang=en").header("Content-Language")).isEqualTo("en");
    }

    @Test
    void formatByAcceptHeaderAndTheParameterWins() {
        assertThat(raw(null, DEMO + "?version=1", "Accept", "text/markdown").contentType()).isEqualTo("text/markdown;charset=UTF-8");
        assertThat(raw(null, DEMO + "?version=1", "Accept", "text/csv").contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(raw(null, DEMO + "?version=1", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8").contentType())
                .isEqualTo("text/html;charset=UTF-8");
        assertThat(raw(null, DEMO + "?version=1").contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(raw(null, DEMO + "?version=1&format=md", "Accept", "text/csv").contentType())
                .isEqualTo("text/markdown;charset=UTF-8");
    }

    @Test
    void htmlIsStandalonePrintableAndEscaped() {
        Raw demo = raw(null, DEMO + "?version=1&format=html");
        assertThat(demo.status()).isEqualTo(200);
        String html = demo.text();
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"ja\">").contains("<title>第1版に対する意見と考え方</title>")
                .contains("@media print").contains("@page { size: A4 landscape;")
                .contains("第2版は例示です。").doesNotContain("<link").doesNotContain("<script");
        assertThat(html).contains("<tr><th scope=\"row\">#1</th><td>蔦 構成員</td><td>p.15</td><td>修正意見</td>");
        assertThat(html.split("<tr><th scope=\"row\">", -1)).hasSize(19);

        String own = raw("sato", "/api/deliberations/" + OWN + "/disposition?version=1&format=html&lang=en").text();
        assertThat(own).contains("<td>Say &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quote&quot; | not a cell<br>"
                + "second line, with a comma</td>");
        assertThat(own).doesNotContain("<script>");
        assertThat(own).contains("<html lang=\"en\">").contains("<h1>Disposition of comments on v1</h1>");
    }

    @Test
    void markdownEscapesPipesAndLineBreaksSoThatEachCommentIsOneRow() {
        Raw r = raw("sato", "/api/deliberations/" + OWN + "/disposition?version=1&format=md&lang=en");
        assertThat(r.status()).isEqualTo(200);
        List<String> lines = r.text().lines().toList();
        assertThat(lines.get(0)).isEqualTo("# Disposition of comments on v1");
        int header = lines.indexOf("| No. | Submitted by | Location | Kind | Comment | Disposition | Response | Commitments | Reflected in |");
        assertThat(header).isPositive();
        assertThat(lines.get(header + 1)).isEqualTo("|---|---|---|---|---|---|---|---|---|");
        assertThat(lines.subList(header + 2, lines.size())).containsExactly(
                "| #1 | 新井 構成員 | p.3 fn.7 | Change request | Say &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quote\" "
                        + "\\| not a cell<br>second line, with a comma | Considering | 佐藤 企画官: Line one.<br>Line \\| two. "
                        + "| #1.1 Consider: Think about it (owner: 佐藤, due 2031-03-31, Open) |  |");
    }

    @Test
    void csvKeepsCommasQuotesAndLineBreaksInOneCell() {
        List<List<String>> rows = csv(raw("sato", "/api/deliberations/" + OWN + "/disposition?version=1&format=csv&lang=en").text());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("#1", "新井 構成員", "p.3 fn.7", "Change request",
                "Say <script>alert(1)</script> & \"quote\" | not a cell\nsecond line, with a comma", "Considering",
                "佐藤 企画官: Line one.\nLine | two.", "#1.1 Consider: Think about it (owner: 佐藤, due 2031-03-31, Open)", "");
    }

    @Test
    void aRangeOfVersionsNamesEachCommentsVersion() {
        List<List<String>> rows = csv(raw("sato", "/api/deliberations/" + OWN + "/disposition?from=1&to=2&format=csv&lang=en").text());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).subList(0, 3)).containsExactly("#1", "新井 構成員", "v1 p.3 fn.7");
        assertThat(rows.get(2)).containsExactly("#2", "Müller", "v2 §5.2", "Question", "On v2.", "Unanswered", "", "", "");
        List<List<String>> onlyTwo = csv(raw("sato", "/api/deliberations/" + OWN + "/disposition?version=2&format=csv&lang=en").text());
        assertThat(onlyTwo).hasSize(2);
        assertThat(onlyTwo.get(1).get(2)).isEqualTo("§5.2");
        assertThat(raw("sato", "/api/deliberations/" + OWN + "/disposition?from=1&to=2&format=md&lang=en").text())
                .startsWith("# Disposition of comments on v1–v2\n");
    }

    @Test
    void theDispositionPageLinksTheReportsAtItsMomentAndInItsLanguage() {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(raw(null,
                "/deliberations/ict-cyber-2024/versions/1/disposition?at=2024-06-24T17:00%2B09:00",
                "Accept-Language", "en").text());
        String csvLink = page.select("a[data-report=csv]").attr("href");
        assertThat(csvLink).isEqualTo("/api/deliberations/ict-cyber-2024/disposition?at=2024-06-24T17:00%2B09:00"
                + "&version=1&format=csv&lang=en");
        assertThat(page.select("a[data-report=md]").attr("href")).endsWith("&version=1&format=md&lang=en");
        Map<String, List<String>> linked = byReference(csv(raw(null, csvLink).text()));
        assertThat(linked.get("#1").get(8)).isEmpty(); // as of that evening, nothing was kept yet
        assertThat(linked.get("#1").get(3)).isEqualTo("Change request");
    }

    @Test
    void badRequestsAreProblemDetails() {
        Raw unknownVersion = raw(null, DEMO + "?version=9&format=csv");
        assertThat(unknownVersion.status()).isEqualTo(404);
        assertThat(unknownVersion.json().get("field").asText()).isEqualTo("version");
        // v2 did not exist yet on the evening of the meeting
        assertThat(raw(null, DEMO + "?version=2&at=2024-06-24T17:00%2B09:00").status()).isEqualTo(404);
        assertThat(raw(null, "/api/deliberations/nope/disposition?version=1").status()).isEqualTo(404);
        assertProblem(raw(null, DEMO + "?from=2&to=1"), "from");
        assertProblem(raw(null, DEMO + "?from=1"), "to");
        assertProblem(raw(null, DEMO), "version");
        assertProblem(raw(null, DEMO + "?version=0"), "version");
        assertProblem(raw(null, DEMO + "?version=1&from=1&to=1"), "version");
        assertProblem(raw(null, DEMO + "?version=1&lang=fr"), "lang");
        assertProblem(raw(null, DEMO + "?version=1&format=pdf"), "format");
        assertProblem(raw(null, DEMO + "?version=1&at=yesterday"), "at");
        assertProblem(raw(null, DEMO + "?version=x"), "version");
    }

    private static void assertProblem(Raw r, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    static Map<String, List<String>> byReference(List<List<String>> rows) {
        Map<String, List<String>> byRef = new LinkedHashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byRef.put(row.get(0), row));
        return byRef;
    }
}
