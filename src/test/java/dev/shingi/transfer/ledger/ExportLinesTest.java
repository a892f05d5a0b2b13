package dev.shingi.transfer.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The form of an export's lines, refused with the line number and the reason. */
class ExportLinesTest {
    final ExportLines form = new ExportLines();

    static final String EVENT = """
            {"position":3,"eventIdentifier":"e-3","aggregateType":"Comment","aggregateIdentifier":"d-c1",\
            "sequenceNumber":0,"payloadType":"dev.shingi.deliberation.api.CommentRaised","payloadRevision":"%s",\
            "recordedAt":"2024-06-24T05:05:00.000Z","occurredAt":"2024-06-24T05:00:00Z","metaData":{"recordedBy":"sato"},\
            "payload":{"text":"Why?"}}""";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String revision() {
        return dev.shingi.deliberation.api.CommentRaised.class
                .getAnnotation(org.axonframework.serialization.Revision.class).value();
    }

    @Test
    void anEventLineIsReadWithItsPayloadAndMetadataAsTheyAreWritten() {
        EventLine e = form.parse(bytes(EVENT.formatted(revision())), 5);
        assertThat(e.position()).isEqualTo(3);
        assertThat(e.eventId()).isEqualTo("e-3");
        assertThat(e.aggregateType()).isEqualTo("Comment");
        assertThat(e.aggregateId()).isEqualTo("d-c1");
        assertThat(e.sequence()).isZero();
        assertThat(e.payloadRevision()).isEqualTo(revision());
        assertThat(e.recordedAt()).isEqualTo("2024-06-24T05:05:00.000Z");
        assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"Why?\"}");
        assertThat(new String(e.metaData(), StandardCharsets.UTF_8)).isEqualTo("{\"recordedBy\":\"sato\"}");
    }

    @Test
    void eachFaultOfFormNamesTheLineAndTheField() {
        String ok = EVENT.formatted(revision());
        assertRefused(ok.replace("\"position\":3", "\"position\":\"3\""), "line 5: position must be an integer");
        assertRefused(ok.replace("\"eventIdentifier\":\"e-3\",", ""), "line 5: field 'eventIdentifier' is missing");
        assertRefused(ok.replace("\"position\":3", "\"position\":0"), "line 5: position must be 1 or more");
        assertRefused(ok.replace("\"aggregateIdentifier\":\"d-c1\"", "\"aggregateIdentifier\":\" \""),
                "line 5: aggregateIdentifier must be 1 to 255 characters");
        assertRefused(ok.replace("{\"position\"", "{\"colour\":1,\"position\""), "line 5: unknown field 'colour'");
        assertRefused(ok.replace("\"payload\":{\"text\":\"Why?\"}", "\"payload\":[1]"),
                "line 5: payload must be a JSON object");
        assertRefused(ok.replace("2024-06-24T05:05:00.000Z", "2024-06-24T14:05:00+09:00"),
                "line 5: recordedAt '2024-06-24T14:05:00+09:00' is not in the store's form, e.g. 2024-06-24T05:05:00.000Z");
        assertRefused(ok.replace("2024-06-24T05:05:00.000Z", "yesterday"),
                "line 5: recordedAt 'yesterday' is not an ISO-8601 instant");
        assertRefused(ok + " {}", "line 5: an event line is one JSON object");
        assertRefused(ok.replace("\"e-3\"", "\"e-3\",\"eventIdentifier\":\"e-4\""), "line 5: not JSON: "
                + "Duplicate field 'eventIdentifier'");
    }

    @Test
    void onlyTheLedgersOwnEventsAtTheirRevisionAreRead() {
        String ok = EVENT.formatted(revision());
        assertRefused(ok.replace("dev.shingi.deliberation.api.CommentRaised", "java.lang.Runtime"),
                "line 5: payloadType 'java.lang.Runtime' is not an event of this ledger");
        assertRefused(ok.replace("dev.shingi.deliberation.api.CommentRaised", "dev.shingi.deliberation.api.Ids"),
                "line 5: payloadType 'dev.shingi.deliberation.api.Ids' is not an event of this ledger");
        assertRefused(EVENT.formatted("99"), "line 5: dev.shingi.deliberation.api.CommentRaised revision 99 is not "
                + "supported (this ledger stores revision " + revision() + ")");
    }

    @Test
    void theHeaderAndTheEndLineHaveTheirOwnForm() {
        assertThat(form.header(bytes("{\"format\":\"shingi-ledger\",\"version\":1}"), 1)).as("without documents").isEqualTo(1);
        assertThat(form.header(bytes("{\"format\":\"shingi-ledger\",\"version\":2}"), 1)).isEqualTo(2);
        assertThatThrownBy(() -> form.header(bytes("{\"format\":\"shingi-ledger\",\"version\":3}"), 1))
                .hasMessage("line 1: format version 3 is not supported; this ledger reads versions 1 to 2");
        assertThatThrownBy(() -> form.header(bytes("{\"format\":\"csv\"}"), 1)).hasMessage(
                "line 1: the first line must be the header {\"format\":\"shingi-ledger\",\"version\":2,…}");
        assertThat(form.isEnd(bytes("{\"end\":\"shingi-ledger\",\"events\":7}"))).isTrue();
        assertThat(form.isEnd(bytes(EVENT.formatted(revision())))).isFalse();
        assertThat(form.end(bytes("{\"end\":\"shingi-ledger\",\"events\":7}"), 9)).isEqualTo(7);
        assertThatThrownBy(() -> form.end(bytes("{\"end\":\"shingi-ledger\",\"events\":\"7\"}"), 9))
                .hasMessage("line 9: the end line must be {\"end\":\"shingi-ledger\",\"events\":N,\"lines\":…,\"head\":…,"
                        + "\"fingerprints\":…,\"signature\":…}");
    }

    private void assertRefused(String line, String message) {
        assertThatThrownBy(() -> form.parse(bytes(line), 5)).as(line).isInstanceOf(ImportRefused.class)
                .hasMessage(message);
    }
}
