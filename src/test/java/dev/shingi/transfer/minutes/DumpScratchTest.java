package dev.shingi.transfer.minutes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
class DumpScratchTest {
    @Test
    void dump() throws Exception {
        String doc = System.getProperty("doc", "meeting-10");
        ObjectMapper m = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        MinutesProposal p = new MinutesParser().parse(MinutesCorpusTest.resource(doc + ".txt"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/scratch/" + doc + ".json"), m.writerWithDefaultPrettyPrinter().writeValueAsString(p));
    }
}
