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
        for (String action : List.of("withdraw", "acknowledge", "conclude", "waive")) {
            for (String part : List.of("title", "who", "text", "submit")) words.add("form." + action + "." + part);
        }
        for (int speed : ReplayPage.SPEEDS) words.add("replay.speed." + speed);
        used.addAll(words);
        for (String file : List.of("messages_ja.properties", "messages_en.properties")) {
            assertThat(load(file).stringPropertyNames()).as(file).containsAll(used);
        }
    }
}
