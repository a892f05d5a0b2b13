package dev.shingi.transfer.minutes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shingi.testing.LedgerHttp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minutes confirmed into a deliberation that exists, over real HTTP on a real H2 file: the attendees are matched to
 * the participants registered already (ids an earlier import generated included), a name that may be one of two is
 * flagged and never chosen, the reviewer's choice among them is what is recorded, and the importing secretary stays
 * its secretariat. And minutes that name no speaker are confirmed with their points kept unattributed.
 */
class MinutesIntoExistingTest extends LedgerHttp {

    /** Meeting 10's minutes, retold as meeting 11 four weeks later (the same body and people). */
    static String meetingEleven() {
        return meetingTenWithANewcomer().replace("（第 10 回）", "（第 11 回）").replace("６月 24 日（月）", "７月 22 日（月）");
    }

    /** Meeting 10 with one member nobody has registered yet (新田 for 新井): the import generates their id. */
    static String meetingTenWithANewcomer() {
        return MinutesImportTest.meetingTen().replace("新井構成員", "新田構成員");
    }

    JsonNode preview(String user, String text, String into) {
        Reply r = postAs(user, MinutesImportTest.PREVIEW + (into == null ? "" : "?deliberationId=" + into), text,
                "text/plain; charset=UTF-8");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    String body(String id, String title, JsonNode proposal) {
        ObjectNode b = json.createObjectNode();
        b.put("deliberationId", id);
        if (title != null) {
            b.put("title", title);
        }
        b.put("draftVersion", 1);
        b.set("proposal", proposal);
        return b.toString();
    }

    static int indexOf(JsonNode participants, String name) {
        for (int i = 0; i < participants.size(); i++) {
            if (name.equals(participants.get(i).get("name").asText())) {
                return i;
            }
        }
        throw new AssertionError("no participant " + name);
    }

    List<String> roles(String user, String id) {
        List<String> roles = new ArrayList<>();
        getAs(user, "/api/deliberations/" + id).body().get("participants")
                .forEach(x -> roles.add(x.get("participantId").asText() + " " + x.get("name").asText() + " " + x.get("role").asText()));
        return roles;
    }

    @Test
    void aSecondMeetingGoesIntoTheDeliberationWithItsPeopleMatchedAndTheSecretaryStaysSecretariat() {
        String id = "minutes-existing-" + UUID.randomUUID().toString().substring(0, 8);
        Reply first = postAs("sato", MinutesImportTest.IMPORT, body(id, "中期重点方針（案）", preview("sato",
                meetingTenWithANewcomer(), null)), "application/json");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        String arai = first.body().get("participantIds").get("新田").asText(); // generated: minutes-pN
        String kurihara = first.body().get("participantIds").get("栗原").asText();
        assertThat(arai).startsWith("minutes-p");
        // someone else of the family name 栗原 joins the deliberation between the meetings (registering is an admin's)
        Reply joined = postAs("admin", "/api/deliberations/" + id + "/participants",
                "{\"participantId\":\"kurihara-h\",\"name\":\"栗原 花子\",\"role\":\"MEMBER\",\"title\":\"構成員\"}",
                "application/json");
        assertThat(joined.status()).as(joined.raw()).isIn(200, 201);
        int before = roles("sato", id).size();

        JsonNode p = preview("sato", meetingEleven(), id);
        JsonNode people = p.get("participants");
        // registered already: proposed as themselves, generated ids of the first import included
        assertThat(people.get(indexOf(people, "新田")).get("participantId").asText()).isEqualTo(arai);
        assertThat(people.get(indexOf(people, "蔦")).get("participantId").asText()).isEqualTo("tsuta");
        assertThat(people.get(indexOf(people, "佐藤")).get("participantId").asText()).isEqualTo("sato");
        // 栗原 may be 栗原 (the first import's) or 栗原 花子: flagged with both, chosen for no one
        int k = indexOf(people, "栗原");
        assertThat(people.get(k).get("participantId").isNull()).isTrue();
        List<String> unsure = new ArrayList<>();
        p.get("uncertain").forEach(u -> {
            if (u.get("code").asText().equals("person-unsure")) {
                unsure.add(u.get("reason").asText());
            }
        });
        assertThat(unsure).containsExactly("'栗原' may be one of 栗原 (" + kurihara + "), 栗原 花子 (kurihara-h) registered "
                + "already; choose who, or leave it a new person");

        // the reviewer says it was 栗原 花子 this time
        ((ObjectNode) people.get(k)).put("participantId", "kurihara-h");
        Reply done = postAs("sato", MinutesImportTest.IMPORT, body(id, null, p), "application/json");
        assertThat(done.status()).as(done.raw()).isEqualTo(201);
        assertThat(done.body().get("opened").asBoolean()).isFalse();
        assertThat(done.body().get("meetingId").asText()).isEqualTo("meeting-11");
        assertThat(done.body().get("participantIds").size()).as("nobody registered twice").isZero();
        assertThat(roles("sato", id)).hasSize(before).contains("sato 佐藤 SECRETARIAT", "kurihara-h 栗原 花子 MEMBER",
                arai + " 新田 MEMBER");
        String remark = null;
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) done.body().get("commentIds")::fields) {
            JsonNode c = getAs("sato", "/api/comments/" + e.getValue().asText()).body();
            if (c.toString().contains("地方の放送局")) {
                remark = c.get("comment").get("author").get("id").asText();
            }
        }
        assertThat(remark).isEqualTo("kurihara-h");
        // the secretary is still its secretariat: she answers in it
        assertThat(getAs("sato", "/api/deliberations/" + id).status()).isEqualTo(200);
        assertThat(done.body().get("responses").asInt()).isEqualTo(17);

        // choosing someone of the deliberation the name cannot be is refused, nothing recorded
        JsonNode wrong = preview("sato", meetingEleven().replace("第 11 回", "第 12 回"), id);
        ((ObjectNode) wrong.get("participants").get(indexOf(wrong.get("participants"), "栗原"))).put("participantId", arai);
        Reply refused = postAs("sato", MinutesImportTest.IMPORT, body(id, null, wrong), "application/json");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.raw()).contains("'" + arai + "' is neither you nor someone named '栗原' you can read");
    }

    /**
     * A national agency's 議事概要 whose turns name no one (「委員:」「委員：」「担当:」; own text in that layout, as
     * genre/SOURCES.md explains): the points become comments of the meeting's unnamed member, the answers are joined,
     * and the confirmation records them unattributed instead of refusing an empty author.
     */
    static final String AGENCY = """
            第3回 事業者登録制度検討会 議事概要
            1.日時：令和6年2月9日（金）10:00～12:00
            2.場所：オンライン
            3.出席者：
            （委員）青木座長、井上委員、上田委員
            （事務局）江藤総務課長
            4.議事概要
            委員:資料2の5ページ、対象事業者の範囲が分かりにくい。例示を追加すべき。
            担当:御指摘を踏まえ、例示を追加したい。
            委員：8ページについて、施行時期はいつを想定しているのか。
            担当:来年度中を想定しており、その旨を追記したい。
            """;

    @Test
    void pointsOfMembersTheMinutesDoNotNameAreConfirmedAsTheMeetingsUnnamedMember() {
        JsonNode p = preview("admin", AGENCY, null);
        List<String> authors = new ArrayList<>();
        p.get("comments").forEach(c -> authors.add(c.get("author").asText() + " " + c.get("anchor").get("pages")));
        assertThat(authors).containsExactly("氏名の記載のない委員（第3回） [5]", "氏名の記載のない委員（第3回） [8]");
        List<String> joined = new ArrayList<>();
        p.get("responses").forEach(r -> joined.add(r.get("commentRef").asText() + " " + r.get("disposition").asText()));
        assertThat(joined).containsExactly("c1 ACCEPTED", "c2 ACCEPTED");
        List<String> codes = new ArrayList<>();
        p.get("uncertain").forEach(u -> codes.add(u.get("code").asText()));
        assertThat(codes).contains("author-unnamed");
        // 担当 is no one named: the reviewer says who answered (a listed official), as for 「事務局）」
        p.get("responses").forEach(r -> ((ObjectNode) r).put("responder", "江藤"));

        String id = "minutes-unnamed-" + UUID.randomUUID().toString().substring(0, 8);
        Reply done = postAs("admin", MinutesImportTest.IMPORT, body(id, "事業者登録制度（案）", p), "application/json");
        assertThat(done.status()).as(done.raw()).isEqualTo(201);
        String unnamed = done.body().get("participantIds").get("氏名の記載のない委員（第3回）").asText();
        assertThat(roles("admin", id)).contains(unnamed + " 氏名の記載のない委員（第3回） MEMBER");
        JsonNode c1 = getAs("admin", "/api/comments/" + id + "-meeting-3-c1").body();
        assertThat(c1.get("comment").get("author").get("id").asText()).isEqualTo(unnamed);

        // nor may a reviewer make the unnamed member someone who signs in
        JsonNode forged = preview("admin", AGENCY.replace("第3回", "第4回"), null);
        int u = indexOf(forged.get("participants"), "氏名の記載のない委員（第4回）");
        ((ObjectNode) forged.get("participants").get(u)).put("participantId", "tsuta");
        Reply refused = postAs("admin", MinutesImportTest.IMPORT, body(id + "-x", "x", forged), "application/json");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("field"))
                .contains("proposal.participants[" + u + "].participantId");
    }
}
