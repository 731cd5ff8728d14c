package org.monitorserver.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the page tests, driven through ChromeDriver by Selenium: Debian's
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (system properties {@code it.chrome} and
 * {@code it.chromedriver}), never a downloaded browser. It waits for a page to be drawn, reads the browser's console
 * for errors, and saves screenshots to {@code it.screenshots}.
 */
final class Chromium implements AutoCloseable {

    static final String BINARY = System.getProperty("it.chrome", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /** The view a page draws into, once it is drawn (app.js marks it). */
    static final By READY = By.cssSelector("#main > .view[data-ready]");

    private final ChromeDriver driver;

    /** Skips the calling test, with the reason, when Chromium or ChromeDriver is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER)),
                () -> "no Chromium at " + BINARY + " or no ChromeDriver at " + DRIVER + ": install Debian's chromium"
                        + " and chromium-driver (.ci/run does) to run the page tests");
    }

    Chromium() {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1360,1900", "--lang=en-US", "--no-first-run", "--disable-extensions");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads {@code url} and waits until its page is drawn. */
    void open(String url) {
        driver.get(url);
        waitUntilDrawn();
    }

    /** Waits until the current page is drawn (after a load, or a click that moved to another page). */
    void waitUntilDrawn() {
        until(d -> !d.findElements(READY).isEmpty());
    }

    /** Waits until the address contains {@code part}, then until that page is drawn. */
    void waitForAddress(String part) {
        until(d -> d.getCurrentUrl().contains(part));
        waitUntilDrawn();
    }

    /** Waits until {@code condition} gives something other than null or false, and returns it. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition::apply);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Moves the mouse to a point of the element, in CSS pixels from its top left corner, and clicks if asked. */
    void pointAt(WebElement element, double left, double top, boolean click) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        var size = element.getSize();
        var actions = new Actions(driver).moveToElement(element, (int) Math.round(left - size.getWidth() / 2.0),
                (int) Math.round(top - size.getHeight() / 2.0));
        (click ? actions.click() : actions).perform();
    }

    /**
     * The console's errors since the last call: uncaught exceptions, {@code console.error}, failed loads (a 404 of
     * a script or an API call), content security policy refusals.
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves what the window shows as {@code <name>.png} in the screenshots folder. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
