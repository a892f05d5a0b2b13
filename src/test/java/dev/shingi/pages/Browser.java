package dev.shingi.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real headless Chromium, driven through the Debian chromedriver: nothing is downloaded (Selenium Manager is never
 * asked, both paths are given), nothing outside this machine is reached, and every run starts from a fresh profile.
 * Screenshots go to target/screenshots, or to the directory named by {@code -Dshingi.screenshots=docs/images}.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("shingi.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("shingi.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("shingi.screenshots", "target/screenshots"));

    final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(String base) {
        this.base = base;
        for (String path : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!new File(path).canExecute()) {
                throw new IllegalStateException(path + " is missing: apt-get install chromium chromium-driver "
                        + "(the browser tests run in the 'browser' Maven profile)");
            }
        }
        try {
            profile = Files.createTempDirectory("shingi-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US", "--hide-scrollbars");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // the console, so that a test sees what the Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** What the browser refused under the pages' Content-Security-Policy since the last call. */
    List<String> policyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }

    void open(String path) {
        driver.get(base + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Sets an input's value as a person would end up with it (date-time inputs take no reliable keystrokes). */
    void setValue(String css, String value) {
        script("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                css, value);
    }

    void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    void select(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
    }

    /** Clicks and waits for the next page to load. */
    void clickAndWait(String css) {
        markPage();
        find(css).click();
        waitForNewPage();
    }

    /** Marks the current document, so that {@link #waitForNewPage} can tell when another one has replaced it. */
    void markPage() {
        script("window.__shingiOldPage = true;");
    }

    void waitForNewPage() {
        waitFor().ignoring(org.openqa.selenium.WebDriverException.class).until(d ->
                Boolean.TRUE.equals(script("return window.__shingiOldPage === undefined && document.readyState === 'complete'")));
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** A full-page screenshot (the window grows to the page's height for it). */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Object height = script("return Math.ceil(document.documentElement.scrollHeight)");
            org.openqa.selenium.Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(),
                    Math.min(6000, Math.max(before.getHeight(), ((Number) height).intValue() + 20))));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(before);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in through the pages' form login (docs/security.md); the session cookie then carries it. */
    void logIn(String user, String password) {
        open("/login");
        type("input[name=username]", user);
        type("input[name=password]", password);
        clickAndWait("form button[type=submit], form input[type=submit]");
    }

    /** The visible form controls of the page that no label names (by name, else id, else tag). */
    @SuppressWarnings("unchecked")
    List<String> unlabelled() {
        return (List<String>) script("""
                return [...document.querySelectorAll('input, select, textarea, progress')]
                  .filter(e => e.type !== 'hidden' && !e.hidden && e.getAttribute('aria-hidden') !== 'true')
                  .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label'))
                  .map(e => e.name || e.id || e.tagName);""");
    }

    /** The class of what the first Tab from the top of the page reaches: "skip" when it is the skip link. */
    String firstTabStop() {
        find("body").sendKeys(org.openqa.selenium.Keys.TAB);
        return active().getAttribute("class");
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    /** How many pixels the page is wider than the window: more than 0 scrolls sideways. */
    int sidewaysOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .intValue();
    }

    /** What reaches past the window's right edge (the first few, innermost first), to say why a page overflows. */
    String pastTheRightEdge() {
        return String.valueOf(script("""
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > w + 0.5 && e.offsetParent !== null)
                  .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > w + 0.5))
                  .slice(0, 4)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                    + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
                  .join(', ');"""));
    }

    void logOut() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
