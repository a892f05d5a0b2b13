package dev.shingi.transfer.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.drafttext.api.DocumentText;
import dev.shingi.drafttext.api.ReadDocument;
import dev.shingi.drafttext.api.TextPage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A document line of an export, written and read back; each fault refused naming the line and what is wrong. */
class DocumentLinesTest {
    final DocumentLines lines = new DocumentLines();
    final ObjectMapper json = new ObjectMapper();

    static final byte[] BYTES = "## ２．現状と課題\n脆弱性対策の強化が求められている。\n".getBytes(StandardCharsets.UTF_8);
    static final String SHA = DocumentLines.sha256(BYTES);
    static final ReadDocument DOC = new ReadDocument(SHA, "draft-v1.md", "text/markdown", BYTES,
            new DocumentText(SHA, List.of(new TextPage(1, List.of("## ２．現状と課題", "脆弱性対策の強化が求められている。")))));

    String written() throws Exception {
        return json.writeValueAsString(lines.line(DOC));
    }

    @Test
    void aDocumentLineReadsBackAsTheDocumentItWasWrittenFrom() throws Exception {
        String line = written();
        assertThat(line).isEqualTo("{\"document\":{\"sha256\":\"" + SHA + "\",\"fileName\":\"draft-v1.md\","
                + "\"mediaType\":\"text/markdown\",\"size\":" + BYTES.length + ",\"bytes\":\""
                + Base64.getEncoder().encodeToString(BYTES) + "\",\"text\":{\"sha256\":\"" + SHA + "\",\"pages\":"
                + "[{\"page\":1,\"lines\":[\"## ２．現状と課題\",\"脆弱性対策の強化が求められている。\"]}]}}}");
        assertThat(lines.isDocument(bytes(line))).isTrue();
        assertThat(lines.isDocument(bytes("{\"position\":1}"))).isFalse();
        DocumentLines.Carried c = lines.parse(bytes(line), 7);
        assertThat(c.sha256()).isEqualTo(SHA);
        assertThat(c.document().bytes()).isEqualTo(BYTES);
        assertThat(c.document().text()).isEqualTo(DOC.text());
        assertThat(c.document().fileName()).isEqualTo("draft-v1.md");
        assertThat(c.document().mediaType()).isEqualTo("text/markdown");
    }

    @Test
    void aDocumentTheSourceNamedButDidNotKeepIsReadAsAbsent() throws Exception {
        String line = json.writeValueAsString(lines.absent(SHA));
        assertThat(line).isEqualTo("{\"document\":{\"sha256\":\"" + SHA + "\",\"absent\":true}}");
        assertThat(lines.parse(bytes(line), 3)).isEqualTo(new DocumentLines.Carried(SHA, null));
    }

    @Test
    void eachFaultIsRefusedNamingTheLine() throws Exception {
        String ok = written();
        String otherBytes = Base64.getEncoder().encodeToString("## ２．現状と課題\n脆弱性対策の弱化が求められている。\n"
                .getBytes(StandardCharsets.UTF_8));
        String edited = ok.replace(Base64.getEncoder().encodeToString(BYTES), otherBytes);
        refused(edited, "line 7: document " + SHA + ": its bytes hash to "
                + DocumentLines.sha256(Base64.getDecoder().decode(otherBytes)) + ", not to its sha256: the document "
                + "was changed");
        refused(ok.replace("\"size\":" + BYTES.length, "\"size\":3"), "line 7: document.size says 3 bytes; "
                + "document.bytes holds " + BYTES.length);
        refused(ok.replace("\"bytes\":\"", "\"bytes\":\"%%"), "line 7: document.bytes is not base64: "
                + "Illegal base64 character 25");
        refused(ok.replace("\"text\":{\"sha256\":\"" + SHA, "\"text\":{\"sha256\":\"" + "0".repeat(64)),
                "line 7: document.text.sha256 is " + "0".repeat(64) + ", not the document's " + SHA);
        refused(ok.replace("\"page\":1", "\"page\":2"), "line 7: document.text.pages[0] must be page 1");
        refused(ok.replace("\"fileName\"", "\"colour\":1,\"fileName\""), "line 7: document has an unknown field 'colour'");
        refused(ok.replace("\"sha256\":\"" + SHA + "\",\"fileName\"", "\"sha256\":\"ABC\",\"fileName\""),
                "line 7: document.sha256 must be 64 lower-case hex digits");
        refused(ok.replace("}}}", "}},\"more\":1}"), "line 7: a document line is one JSON object with the one field "
                + "'document'");
        refused("{\"document\":{\"sha256\":\"" + SHA + "\",\"absent\":false}}", "line 7: an absent document is "
                + "{\"sha256\":…,\"absent\":true} and nothing else");
    }

    private void refused(String line, String message) {
        assertThatThrownBy(() -> lines.parse(bytes(line), 7)).as(line).isInstanceOf(ImportRefused.class)
                .hasMessage(message);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
