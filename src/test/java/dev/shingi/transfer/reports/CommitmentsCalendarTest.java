package dev.shingi.transfer.reports;

import dev.shingi.testing.TransferHttp;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The commitments calendar over HTTP, parsed back with ical4j. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitmentsCalendarTest extends TransferHttp {
    static final String D = "cal-test";

    @BeforeAll
    void commitmentsWithDueDates() {
        projectionsCaughtUp();
        openDeliberation(D, null);
        ok(admin("/api/deliberations/" + D + "/participants", """
                {"participantId":"cal-owner","name":"鈴木","role":"SECRETARIAT","title":"課長補佐"}"""));
        raise(D, "cal-c1", "m1", 1, "{\"pageFrom\":12,\"pageTo\":13}", "CHANGE_REQUEST",
                "Table 3 is wrong; the totals, the units; and the footnotes do not match the text of section 4.2 at all.");
        raise(D, "cal-c2", "m2", 1, "null", "QUESTION", "Why?");
        raise(D, "cal-c3", "m2", 1, "{\"section\":\"7\"}", "EDITORIAL", "Typo.");
        ok(post("/api/comments/cal-c1/responses", """
                {"responseId":"r1","responderId":"sato","disposition":"ACCEPTED","text":"We will fix it; thanks.",
                 "commitments":[{"kind":"REVISE_DRAFT","description":"Fix table 3","dueDate":"2031-01-15"},
                                {"kind":"ACTION","description":"Ask the statistics office","ownerId":"cal-owner","dueDate":"2031-02-01"},
                                {"kind":"CONSIDER","description":"No due date, so not in the calendar"}]}"""));
        ok(post("/api/comments/cal-c2/responses", """
                {"responseId":"r1","responderId":"sato","disposition":"NOTED","text":"Noted.",
                 "commitments":[{"kind":"ACTION","description":"Waived before it was due","dueDate":"2030-11-01"}]}"""));
        ok(post("/api/commitments/cal-c2.1/waiver", """
                {"participantId":"sato","reason":"Overtaken by events"}"""));
        ok(post("/api/comments/cal-c3/responses", """
                {"responseId":"r1","responderId":"sato","disposition":"ACCEPTED","text":"Fixed.",
                 "commitments":[{"kind":"REVISE_DRAFT","description":"Fix the typo","dueDate":"2030-12-01"}]}"""));
    }

    @Test
    void oneAllDayEventPerOpenCommitmentWithADueDateInDueDateOrder() {
        Raw r = raw("sato", "/api/deliberations/" + D + "/commitments.ics?lang=en");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/calendar;charset=UTF-8");
        List<VEvent> events = events(r.text());
        assertThat(events).extracting(e -> value(e, Property.UID))
                .containsExactly("cal-c3.1@shingi", "cal-c1.1@shingi", "cal-c1.2@shingi");
        assertThat(events).extracting(e -> value(e, Property.SUMMARY))
                .containsExactly("#3.1 Fix the typo", "#1.1 Fix table 3", "#1.2 Ask the statistics office");
        VEvent first = events.get(1);
        assertThat(value(first, Property.DTSTART)).isEqualTo("20310115");
        assertThat(first.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue())
                .isEqualTo("DATE");
        assertThat(value(first, Property.DTEND)).isEqualTo("20310116");
        assertThat(value(first, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(first, Property.CATEGORIES)).isEqualTo("REVISE_DRAFT");
        assertThat(value(first, Property.URL)).isEqualTo("http://localhost:" + port + "/comments/cal-c1");
        assertThat(value(first, Property.DESCRIPTION)).isEqualTo(
                "Comment #1 (新井 構成員, pp.12–13): Table 3 is wrong; the totals, the units; and the footnotes do not "
                        + "match the text of section 4.2 at all.\n"
                        + "Response (佐藤 企画官, Accepted): We will fix it; thanks.\n"
                        + "Commitment: Revise the draft, owner 佐藤, due 2031-01-15");
        assertThat(value(first, Property.DTSTAMP)).matches("\\d{8}T\\d{6}Z");
    }

    @Test
    void theFeedIsFoldedAndEscapedAsRfc5545Says() {
        String text = raw("sato", "/api/deliberations/" + D + "/commitments.ics?lang=en").text();
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = text.replace("\r\n ", "");
        assertThat(unfolded).contains("DESCRIPTION:Comment #1 (新井 構成員\\, pp.12–13): Table 3 is wrong\\; the "
                + "totals\\, the units\\; and the footnotes do not match the text of section 4.2 at all.\\nResponse");
        assertThat(unfolded).contains("\r\nSUMMARY:#1.2 Ask the statistics office\r\n");
        assertThat(text).contains("\r\nVERSION:2.0\r\n").contains("\r\nPRODID:-//Shingi//Commitments//EN\r\n");
    }

    @Test
    void aStableUidAndStampSoThatCalendarsUpdateRatherThanDuplicate() {
        String once = raw("sato", "/api/deliberations/" + D + "/commitments.ics?lang=en").text();
        String again = raw("sato", "/api/deliberations/" + D + "/commitments.ics?lang=en").text();
        assertThat(again).isEqualTo(once);
    }

    @Test
    void perOwnerInOneDeliberationAndAcrossDeliberations() {
        assertThat(events(raw("sato", "/api/deliberations/" + D + "/commitments.ics?owner=sato").text()))
                .extracting(e -> value(e, Property.UID)).containsExactly("cal-c3.1@shingi", "cal-c1.1@shingi");
        assertThat(events(raw("sato", "/api/deliberations/" + D + "/commitments.ics?owner=cal-owner").text()))
                .extracting(e -> value(e, Property.UID)).containsExactly("cal-c1.2@shingi");
        assertThat(events(raw("sato", "/api/participants/cal-owner/commitments.ics").text()))
                .extracting(e -> value(e, Property.UID)).containsExactly("cal-c1.2@shingi");
        Raw nobody = raw("sato", "/api/deliberations/" + D + "/commitments.ics?owner=nobody");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.json().get("field").asText()).isEqualTo("owner");
        assertThat(raw("sato", "/api/participants/nobody/commitments.ics").status()).isEqualTo(404);
        // the japanese description by default
        assertThat(value(events(raw("sato", "/api/participants/cal-owner/commitments.ics").text()).get(0), Property.DESCRIPTION))
                .endsWith("対応事項: 案外の対応、担当: 鈴木、期限: 2031-02-01");
    }

    @Test
    void theDemoHasEightOpenCommitmentsButNoneWithADueDateSoItsFeedIsEmpty() {
        Reply outstanding = get("/api/deliberations/ict-cyber-2024/outstanding");
        assertThat(outstanding.body().get("commitments")).hasSize(8);
        outstanding.body().get("commitments").forEach(c -> assertThat(c.get("dueDate").isNull()).isTrue());
        Raw feed = raw(null, "/api/deliberations/ict-cyber-2024/commitments.ics");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(events(feed.text())).isEmpty();
    }

    @Test
    void aPrivateDeliberationsFeedNeedsSigningInAndUnknownOnesAre404() {
        assertThat(raw(null, "/api/deliberations/" + D + "/commitments.ics").status()).isEqualTo(401);
        assertThat(raw("kimura", "/api/deliberations/" + D + "/commitments.ics").status()).isEqualTo(403);
        assertThat(raw("sato", "/api/deliberations/nope/commitments.ics").status()).isEqualTo(404);
        assertThat(raw("sato", "/api/deliberations/" + D + "/commitments.ics?lang=xx").status()).isEqualTo(400);
    }

    static List<VEvent> events(String text) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(text));
            return calendar.getComponents(Component.VEVENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new AssertionError("not iCalendar: " + e.getMessage() + "\n" + text, e);
        }
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    @Test
    void aFeedAskedForWithAForgedHostStillLinksToThisServer() throws java.io.IOException {
        String answer;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("GET /api/deliberations/" + D + "/commitments.ics HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Authorization: " + basic("sato") + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            answer = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 200").contains("URL:http://localhost:" + port + "/comments/")
                .doesNotContain("evil.example");
    }
}
