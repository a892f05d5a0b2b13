package dev.shingi.pages;

import dev.shingi.pages.PageReader.Page;
import dev.shingi.platform.Ledger;
import dev.shingi.testing.TestDatabase;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a Japanese reader can reach from the home page, signed in as the secretary and as the administrator,
 * says its sentences in Japanese: a crawl over every link (and the forms' own pages) that finds no English sentence —
 * three English words in a row — in what the page shows. What the record itself says (names, a comment's words) is
 * the demo's, which is Japanese; code, sample input and language switches (marked {@code lang="en"}) are not sentences.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JapanesePagesScanTest {
    /** A store of its own: only the demo, as a new user meets it. */
    static final java.util.Map<String, String> STORE = TestDatabase.fresh("scan-ja");
    /** Three English words in a row (a capitalised word and two more): a sentence, not a name or an acronym. */
    static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z][a-z]+(?:[ ,'’-]+[A-Za-z][a-z]+){2,}");
    static final int MOST_PAGES = 150;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Test
    void noJapanesePageShowsAnEnglishSentence() {
        assertThat(ledger.awaitProjections()).isTrue();
        List<String> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String user : List.of("sato", "admin")) {
            PageReader reader = new PageReader(port).signedInAs(user);
            reader.language = "ja";
            crawl(reader, user, seen, found);
        }
        // and as the public meets it, from the sign-in page (refused, and signed out, too)
        PageReader anonymous = new PageReader(port);
        anonymous.language = "ja";
        crawl(anonymous, "anonymous", seen, found);
        assertThat(seen.size()).as("pages scanned").isGreaterThan(20);
        assertThat(found).as("English sentences on Japanese pages").isEmpty();
    }

    private void crawl(PageReader reader, String user, Set<String> seen, List<String> found) {
        Deque<String> queue = new ArrayDeque<>(List.of("/login", "/login?error", "/login?logout", "/",
                "/deliberations/ict-cyber-2024", "/import/minutes",
                "/deliberations/new", "/comments/ict-cyber-2024-c1/respond", "/deliberations/ict-cyber-2024/comments/new",
                "/comments/ict-cyber-2024-c1/correct", "/comments/ict-cyber-2024-c1/reopen",
                "/deliberations/ict-cyber-2024/drafts/new", "/deliberations/ict-cyber-2024/participants",
                "/deliberations/ict-cyber-2024/versions", "/deliberations/ict-cyber-2024/replay",
                "/deliberations/ict-cyber-2024/versions/2/anchoring",
                "/deliberations/unknown", "/deliberations/ict-cyber-2024?at=bad",
                "/deliberations/ict-cyber-2024/versions/1/text", "/deliberations/ict-cyber-2024/versions/2/diff",
                "/deliberations/ict-cyber-2024/versions/2/diff?from=5"));
        Set<String> shapes = new LinkedHashSet<>();
        while (!queue.isEmpty() && shapes.size() < MOST_PAGES) {
            String path = queue.poll();
            if (!shapes.add(user + " " + shape(path))) {
                continue;
            }
            seen.add(path);
            Page page = reader.get(path);
            if (page.status() >= 300 && page.status() < 400 || page.html() == null) {
                continue;
            }
            for (String sentence : english(page.html().body())) {
                found.add(user + " " + path + ": " + sentence);
            }
            for (Element a : page.html().select("a[href]")) {
                String href = a.attr("href");
                if (href.startsWith("/") && !href.startsWith("/api/") && !href.startsWith("/logout")
                        && !href.contains("lang=en") && !href.contains("format=") && !href.endsWith(".ics")) {
                    queue.add(href.replaceFirst("#.*$", ""));
                }
            }
        }
    }

    /** A page's path with its parameters' names, not their values: one of each kind of page is enough. */
    private static String shape(String path) {
        int q = path.indexOf('?');
        String p = (q < 0 ? path : path.substring(0, q)).replaceAll("-c\\d+", "-cN").replaceAll("/\\d+", "/N");
        if (q < 0) {
            return p;
        }
        List<String> names = new ArrayList<>();
        for (String pair : path.substring(q + 1).split("&")) {
            names.add(pair.split("=", 2)[0]);
        }
        return p + "?" + String.join("&", new java.util.TreeSet<>(names));
    }

    /** The English sentences among what an element shows, leaving out code, sample input and English marked so. */
    static List<String> english(Element root) {
        List<String> sentences = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode text && !excluded(text.parent())) {
                Matcher m = ENGLISH.matcher(text.text());
                while (m.find()) {
                    sentences.add(m.group());
                }
            }
        });
        for (Element e : root.select("[placeholder], [title], [aria-label], img[alt]")) {
            for (String attr : List.of("placeholder", "title", "aria-label", "alt")) {
                Matcher m = ENGLISH.matcher(e.attr(attr));
                if (!excluded(e) && m.find()) {
                    sentences.add(attr + "=" + m.group());
                }
            }
        }
        return sentences;
    }

    private static boolean excluded(org.jsoup.nodes.Node node) {
        for (org.jsoup.nodes.Node n = node; n instanceof Element e; n = n.parent()) {
            String tag = e.tagName();
            if (tag.equals("code") || tag.equals("pre") || tag.equals("kbd") || tag.equals("script")
                    || tag.equals("style") || tag.equals("textarea") || e.attr("lang").startsWith("en")) {
                return true;
            }
        }
        return false;
    }
}
