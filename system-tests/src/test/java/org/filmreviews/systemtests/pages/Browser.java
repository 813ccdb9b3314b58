package org.filmreviews.systemtests.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a browser test: started the same way for every test, closed by
 * try-with-resources. Page objects use it to reach the driver; tests use it for what belongs to no page
 * (window size, screenshots, alerts, where the page loaded things from).
 */
public final class Browser implements AutoCloseable {

    /** Where screenshots go; tests write their figures beside them. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** Chromium at its own default window size. */
    public static Browser chromium() throws IOException {
        return start(List.of());
    }

    /** Chromium whose window has this size from the start (the console's screenshots are taken at it). */
    public static Browser chromium(int width, int height) throws IOException {
        return start(List.of("--window-size=" + width + "," + height));
    }

    private static Browser start(List<String> extra) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // Quiet and self-contained: no sandbox (root in a container), nothing fetched in the background,
        // a profile of its own so that two browsers never share cookies.
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run"));
        arguments.addAll(extra);
        arguments.add("--user-data-dir=" + Files.createTempDirectory("chromium-profile").toAbsolutePath());
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    @Override
    public void close() {
        driver.quit();
    }

    void get(String url) {
        driver.get(url);
    }

    /** Waits up to {@code within} for a condition on the page; a timeout fails the test. */
    <T> T until(Duration within, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, within).until(condition);
    }

    /** Keys typed to whatever has the focus, as a person presses them: the console's shortcuts. */
    void press(String keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    @SuppressWarnings("unchecked")
    <T> T script(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * The text as the browser renders it ({@code innerText}): what a reader sees. WebDriver's own
     * getText() counts the content of a closed {@code <details>} as visible.
     */
    String shown(WebElement element) {
        return script("return arguments[0].innerText", element);
    }

    /** All the text the page shows a reader. */
    public String shownText() {
        return shown(driver.findElement(By.tagName("body")));
    }

    public String title() {
        return driver.getTitle();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public void scrollToTop() {
        script("window.scrollTo(0, 0)");
    }

    /** Whether the document is wider than the window, so that a reader would have to scroll sideways. */
    public Boolean overflowsSideways() {
        return script("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /** The text of an alert that a script opened, if one is open. */
    public Optional<String> openAlert() {
        try {
            return Optional.of(driver.switchTo().alert().getText());
        } catch (NoAlertPresentException expected) {
            return Optional.empty();
        }
    }

    /** Elements in {@code <main>} of the kinds a payload in client text would make (the start of each). */
    public List<?> elementsFromClientText() {
        return script("return Array.from(document.querySelectorAll('main iframe, main img, main svg, main style,"
                + " main script, main [onerror], main [onload], main [onmouseover], main [style*=javascript], main a[href^=javascript]'))"
                + ".map(e => e.outerHTML.substring(0, 120))");
    }

    /** Every resource the page loaded from anywhere but {@code origin}. */
    public List<?> requestsOutside(String origin) {
        return script("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => !n.startsWith(arguments[0]))", origin);
    }

    /** The body's computed {@code display}: an injected style could hide the whole page. */
    public String bodyDisplay() {
        return script("return getComputedStyle(document.body).display");
    }

    /** The window as it is, to {@code target/screenshots/NAME.png}. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page: for the shot the window is as tall as the document, then as it was. */
    public void fullPageScreenshot(String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        Number height = script("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(), height.intValue() + 140));
        screenshot(name);
        driver.manage().window().setSize(before);
    }
}
