package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium, against the runtime embedded in
 * this JVM with the gateway on a free loopback port: the page lists the
 * plugins, a jar deployed through it becomes ACTIVE, a bad one shows its
 * reason, a chat streams, a refused configuration value shows why, and no
 * secret ever reaches the page.
 */
class ConsoleBrowserIT {
    private static final String SECRET = "sk-console-it-never-shown-4711";

    @TempDir
    Path work;

    private LlmRecon llm;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(Fixtures.template(), plugins.resolve("mock.jar"));
        browser = HeadlessChromium.start(work.resolve("chromium"));
        llm = LlmRecon.builder().pluginFolder(plugins).http("127.0.0.1", freePort())
                .config("mock", "apiKey", SECRET).config("mock", "param.tokenDelay", "40ms").start();
        assertEquals(List.of(), llm.awaitPlugins(Duration.ofSeconds(60)));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(50));
        browser.get(llm.httpUrl().orElseThrow().resolve("/console/").toString());
    }

    // Felix HTTP is given a port that was free a moment ago: it does not report one it chose itself
    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    void deploysStreamsAndShowsReasonsButNoSecret() throws Exception {
        assertEquals("ACTIVE", await(state("data-type", "mock")));

        upload(Fixtures.openAiSample(), "openai-sample.jar");
        assertEquals("ACTIVE", await(state("data-type", "openai")));

        Path broken = Files.write(work.resolve("broken.jar"), Fixtures.randomBytes(4096));
        upload(broken, "broken.jar");
        assertEquals("FAILED", await(state("data-name", "broken.jar")));
        String reason = browser.findElement(By.cssSelector("#plugins tr[data-name='broken.jar'] td.reason")).getText();
        assertTrue(reason.length() > 10, reason);


        browser.findElement(By.cssSelector("#targets tr[data-name='mock'] button")).click();
        await(d -> d.findElement(By.id("config-section")).isDisplayed() ? true : null);
        browser.findElement(By.id("config-key")).sendKeys("timeout");
        browser.findElement(By.id("config-value")).sendKeys("soon");
        browser.findElement(By.id("config-save")).click();
        String refused = await(d -> text(d, "config-error"));
        assertTrue(refused.contains("timeout"), refused);
        await(d -> d.findElements(By.cssSelector("#config tr[data-key='apiKey']")).isEmpty() ? null : true);

        Files.write(Path.of(System.getProperty("console.screenshot", work.resolve("console.png").toString())),
                browser.getScreenshotAs(OutputType.BYTES));
        assertFalse(browser.getPageSource().contains(SECRET), "the page shows the secret");
    }

    // Every change of the answer's text is recorded as it happens, so the test sees whether it grew in steps.
    private String chat(String model, String prompt) {
        await(d -> d.findElements(By.cssSelector("#chat-model option[value='" + model + "']")).isEmpty() ? null : true);
        new Select(browser.findElement(By.id("chat-model"))).selectByValue(model);
        browser.findElement(By.id("chat-input")).sendKeys(prompt);
        browser.executeScript("window.seen = []; new MutationObserver(() => window.seen.push("
                + "document.getElementById('chat-output').textContent)).observe("
                + "document.getElementById('chat-output'), {childList: true, characterData: true, subtree: true});");
        browser.findElement(By.id("chat-send")).click();
        await(d -> "true".equals(d.findElement(By.id("chat-output")).getDomAttribute("data-done")) ? true : null);
        assertEquals("", browser.findElement(By.id("chat-error")).getText());
        List<?> seen = (List<?>) browser.executeScript("return window.seen.filter(t => t.length > 0);");
        String answer = browser.findElement(By.id("chat-output")).getText();
        assertTrue(seen.size() > 1 && !seen.get(0).equals(answer), "the answer arrived at once: " + seen);
        return answer;
    }

    private void upload(Path jar, String name) throws Exception {
        Path named = Files.createDirectories(work.resolve("upload-" + name)).resolve(name);
        Files.copy(jar, named);
        browser.findElement(By.id("upload-file")).sendKeys(named.toString());
        browser.findElement(By.id("upload-button")).click();
        await(d -> text(d, "upload-status").startsWith("deployed " + name) ? true : null);
    }

    // a plugin's state once it is settled: PENDING is on the way to another
    private static Function<WebDriver, String> state(String attribute, String value) {
        return d -> d.findElements(By.cssSelector("#plugins tr[" + attribute + "='" + value + "'] td.state"))
                .stream().map(e -> e.getText()).filter(s -> !s.equals("PENDING")).findFirst().orElse(null);
    }

    private static String text(WebDriver d, String id) {
        String t = d.findElement(By.id(id)).getText();
        return t.isEmpty() ? null : t;
    }

    // a condition not met within the deadline fails with what the page showed then
    private <T> T await(Function<WebDriver, T> condition) {
        try {
            return wait.until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError("the console did not get there; it shows: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }
}
