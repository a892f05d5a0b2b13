package dev.shingi.pages;

import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.CommitmentStatus;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages speak both languages everywhere: every message they use exists in Japanese and in English. */
class MessagesTest {
    static final Path RESOURCES = Path.of("src/main/resources");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void japaneseAndEnglishHaveTheSameMessages() throws IOException {
        assertThat(load("messages_ja.properties").stringPropertyNames())
                .isEqualTo(load("messages_en.properties").stringPropertyNames());
    }

    /**
     * Every rule the comment pages can be refused by has its sentence: Records shows a refusal as {@code rule.<name>},
     * and a missing one would show the exception's English on a Japanese page.
     */
    @Test
    void everyRuleOfTheLedgerHasAMessage() throws IOException {
        Set<String> rules = new TreeSet<>();
        Pattern named = Pattern.compile("new (?:RuleViolation|InvalidField)\\((?:\\w+, )?\"([a-z]+\\.[a-z.-]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/dev/shingi/deliberation"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = named.matcher(Files.readString(source));
                while (m.find()) {
                    rules.add("rule." + m.group(1));
                }
            }
        }
        assertThat(rules).contains("rule.correction.changes-something", "rule.comment.reopen-answered-only");
        // Rules.requireRange names its rules from the unit: "anchor." + unit + "-positive"
        for (String unit : List.of("page", "line")) {
            rules.add("rule.anchor." + unit + "-positive");
            rules.add("rule.anchor." + unit + "-range-ordered");
        }
        for (String file : List.of("messages_ja.properties", "messages_en.properties")) {
            assertThat(load(file).stringPropertyNames()).as(file).containsAll(rules);
        }
    }

    /**
     * A file the publish or revise form refuses is shown by its rule ({@code upload.<rule>}, FormUploads); the
     * passages' statuses and the provenance's causes are named from their enums.
     */
    @Test
    void everyRefusedFileAndEveryPassageStatusHasItsWords() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (java.lang.reflect.Field f : dev.shingi.drafttext.api.RefusedDocument.class.getFields()) {
            if (f.getType() == String.class) {
                keys.add("upload." + readConstant(f));
            }
        }
        assertThat(keys).contains("upload.document.not-encrypted", "upload.document.not-empty").hasSize(6);
        for (Enum<?> e : dev.shingi.drafttext.api.AnchorStatus.values()) keys.add("anchoring.status." + e);
        for (Enum<?> e : dev.shingi.drafttext.api.Cause.Kind.values()) keys.add("provenance.cause." + e);
        for (String file : List.of("messages_ja.properties", "messages_en.properties")) {
            assertThat(load(file).stringPropertyNames()).as(file).containsAll(keys);
        }
    }

    private static String readConstant(java.lang.reflect.Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyMessageATemplateNamesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path t : templates.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(t));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // keys made from the model's words
        List<String> words = new ArrayList<>();
        for (Enum<?> e : CommentKind.values()) words.add("kind." + e);
        for (Enum<?> e : Disposition.values()) {
            words.add("disposition." + e);
            words.add("disposition." + e + ".help");
        }
        for (Enum<?> e : CommentStatus.values()) words.add("commentStatus." + e);
        for (Enum<?> e : CommitmentKind.values()) words.add("commitmentKind." + e);
        for (Enum<?> e : CommitmentStatus.values()) words.add("commitmentStatus." + e);
        for (Enum<?> e : Role.values()) words.add("role." + e);
        for (String action : List.of("withdraw", "acknowledge", "reopen", "conclude", "waive")) {
            for (String part : List.of("title", "who", "text", "submit")) words.add("form." + action + "." + part);
        }
        // the anchor's inputs (forms/parts :: anchorFields and the correct page) label themselves from their names
        for (String part : List.of("pageFrom", "pageTo", "lineFrom", "lineTo", "footnote", "section", "element", "quote")) {
            words.add("form." + part);
        }
        // what a correction changed, as the views name the fields (CorrectedComment.changes)
        for (String field : List.of("author", "anchor", "kind", "text", "occurredAt", "responder", "disposition")) {
            words.add("correction.field." + field);
        }
        for (int speed : ReplayPage.SPEEDS) words.add("replay.speed." + speed);
        used.addAll(words);
        for (String file : List.of("messages_ja.properties", "messages_en.properties")) {
            assertThat(load(file).stringPropertyNames()).as(file).containsAll(used);
        }
    }
}
