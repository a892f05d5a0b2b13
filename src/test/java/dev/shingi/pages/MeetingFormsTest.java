package dev.shingi.pages;

import dev.shingi.pages.PageReader.Page;
import dev.shingi.testing.LedgerHttp;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording a meeting from the pages ({@code /deliberations/{id}/meetings/new}): the secretariat's and the
 * administrator's only, the RecordMeeting command's fields, each refusal beside its field in both languages, and the
 * meeting on the dashboard afterwards. On a deliberation of its own, so the demo's numbers stay.
 */
class MeetingFormsTest extends LedgerHttp {

    PageReader reader() {
        return new PageReader(port);
    }

    /** A deliberation opened on 2024-06-01 10:00 JST with sato as its secretariat and tsuta as a member. */
    static String openDeliberation(BiFunction<String, String, Reply> admin, String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.apply("/api/deliberations", """
                {"deliberationId":"%s","title":"地域防災計画（素案）","body":"市防災会議","occurredAt":"2024-06-01T10:00:00+09:00"}"""
                .formatted(id)).status()).isEqualTo(201);
        for (String[] p : new String[][]{{"sato", "佐藤", "SECRETARIAT"}, {"tsuta", "蔦", "MEMBER"}}) {
            assertThat(admin.apply("/api/deliberations/" + id + "/participants", """
                    {"participantId":"%s","name":"%s","role":"%s","occurredAt":"2024-06-01T10:00:00+09:00"}"""
                    .formatted(p[0], p[1], p[2])).status()).isEqualTo(201);
        }
        return id;
    }

    private static Map<String, String> meeting(String meetingId, String startsAt, String endsAt) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("meetingId", meetingId);
        f.put("number", "1");
        f.put("title", "第1回 <会合>");
        f.put("startsAt", startsAt);
        f.put("endsAt", endsAt);
        f.put("venue", "市役所 大会議室");
        f.put("occurredAt", "");
        return f;
    }

    @Test
    void theSecretariatRecordsAMeetingWithItsAttendeesAndMaterialsAndRefusalsComeBackBesideTheirFields() throws Exception {
        String id = openDeliberation(this::admin, "meetings");
        String base = "/deliberations/" + id;
        String form = base + "/meetings/new";

        // the secretariat's (and an admin's) only; the dashboard offers it to them only
        assertThat(reader().get(form).location()).endsWith("/login");
        PageReader tsuta = reader().signedInAs("tsuta");
        assertThat(tsuta.get(form).status()).isEqualTo(403);
        assertThat(tsuta.get(base).html().select("a[href=" + form + "]")).isEmpty();
        assertThat(reader().signedInAs("admin").get(form).status()).isEqualTo(200);
        PageReader sato = reader().signedInAs("sato");
        assertThat(sato.get(base).html().select("a[href=" + form + "]").text()).isEqualTo("Record a meeting");

        Page page = sato.get(form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("h1")).isEqualTo("Record a meeting");
        assertThat(page.all("input[type=checkbox][name=attendeeIds]", "value")).containsExactly("sato", "tsuta");
        assertThat(page.text("label[for=" + page.html().select("input[value=tsuta]").attr("id") + "]")).contains("蔦");
        assertThat(page.html().select("input[name^=materials][name$=.number]")).hasSize(MeetingForm.MATERIAL_ROWS);
        assertThat(page.html().select("input[name='materials[0].title']")).hasSize(1);
        assertThat(page.text("label[for=startsAt]")).isEqualTo("Starts (JST)");

        // refusals, nothing stored
        long stored = storedEvents();
        Page early = sato.submit(form, form, meeting("m1", "2024-05-31T14:00", ""));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text("[data-error-for=startsAt]"))
                .isEqualTo("This is before the deliberation opened: nothing of a deliberation is dated before it opened.");
        Page backwards = sato.submit(form, form, meeting("m1", "2024-06-24T14:00", "2024-06-24T13:00"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text("[data-error-for=endsAt]")).isEqualTo("The meeting ends before it starts.");
        assertThat(backwards.html().select("#venue").val()).isEqualTo("市役所 大会議室");
        Map<String, String> badId = meeting("has space", "", "");
        Page blank = sato.submit(form, form, badId);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.html().select("[data-error-for=meetingId]")).hasSize(1);
        assertThat(blank.html().select("[data-error-for=startsAt]")).hasSize(1);
        assertThat(storedEvents()).isEqualTo(stored);

        // recorded: who attended, what was circulated; the dashboard shows it with a notice
        Map<String, String> good = meeting("m1", "2024-06-24T14:00", "2024-06-24T16:00");
        good.put("attendeeIds", "tsuta");
        good.put("materials[0].number", "資料1-1");
        good.put("materials[0].title", "素案の概要");
        good.put("materials[1].number", "資料1-2");
        good.put("materials[1].title", "");
        good.put("materials[2].number", "");
        good.put("materials[2].title", "");
        Page recorded = sato.submit(form, form, good);
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(recorded.location()).isEqualTo(base + "#meetings");
        Page dashboard = sato.get(base);
        assertThat(dashboard.text(".notice")).isEqualTo("The meeting was recorded.");
        assertThat(dashboard.text("li[data-meeting=m1]")).contains("第1回 <会合>").contains("市役所 大会議室");
        assertThat(dashboard.raw()).contains("第1回 &lt;会合&gt;");
        var m = getAs("sato", "/api/deliberations/" + id).body().get("meetings").get(0);
        assertThat(m.get("meetingId").asText()).isEqualTo("m1");
        assertThat(m.get("startsAt").asText()).isEqualTo("2024-06-24T05:00:00Z");
        assertThat(m.get("endsAt").asText()).isEqualTo("2024-06-24T07:00:00Z");
        assertThat(m.get("attendeeIds").toString()).isEqualTo("[\"tsuta\"]");
        assertThat(m.get("materials").toString())
                .isEqualTo("[{\"number\":\"資料1-1\",\"title\":\"素案の概要\"},{\"number\":\"資料1-2\",\"title\":null}]");

        // once only, said in Japanese beside the id
        sato.language = "ja";
        stored = storedEvents();
        Page again = sato.submit(form, form, meeting("m1", "2024-07-01T14:00", ""));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("[data-error-for=meetingId]")).isEqualTo("この会合はすでに記録されています。");
        assertThat(again.text("h1")).isEqualTo("会合の記録");
        assertThat(again.text("label[for=startsAt]")).isEqualTo("開始（JST）");
        assertThat(storedEvents()).isEqualTo(stored);
    }
}
