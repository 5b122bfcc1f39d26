package org.llmrecon.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium, against the runtime embedded in
 * this JVM with the gateway on a free loopback port: the page lists the
 * plugins, a jar deployed through it becomes ACTIVE, a bad one shows its
 * reason, a chat streams, a refused configuration value shows why, and no
 * secret ever reaches the page; with gateway keys, its data needs one.
 */
class ConsoleBrowserIT {
    private static final String SECRET = "sk-console-it-never-shown-4711";
    private static final String KEY = "gw-console-it-key-0815";

    @TempDir
    Path work;

    private LlmRecon llm;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(work.resolve("plugins"));
        Files.copy(Fixtures.template(), work.resolve("plugins/mock.jar"));
        browser = HeadlessChromium.start(work.resolve("chromium"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(50));
        // the page redraws its tables every few seconds: an element found just before may be gone
        wait.ignoring(StaleElementReferenceException.class);
    }

    private LlmRecon.Builder runtime() {
        return LlmRecon.builder().pluginFolder(work.resolve("plugins")).http("127.0.0.1", 0)
                .config("mock", "apiKey", SECRET).config("mock", "param.tokenDelay", "40ms");
    }

    private URI open(LlmRecon.Builder runtime) {
        llm = runtime.start();
        assertEquals(List.of(), llm.awaitPlugins(Duration.ofSeconds(60)));
        return llm.httpUrl().orElseThrow();
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
        browser.get(open(runtime()).resolve("/console/").toString());
        assertEquals("ACTIVE", await(state("data-type", "mock")));

        upload(Fixtures.openAiSample(), "openai-sample.jar");
        assertEquals("ACTIVE", await(state("data-type", "openai")));

        Path broken = Files.write(work.resolve("broken.jar"), Fixtures.randomBytes(4096));
        upload(broken, "broken.jar");
        assertEquals("FAILED", await(state("data-name", "broken.jar")));
        String reason = await(d -> d.findElement(By.cssSelector("#plugins tr[data-name='broken.jar'] td.reason"))
                .getText());
        assertTrue(reason.length() > 10, reason);

        String answer = chat("mock/mock-chat", "console says hello");
        assertTrue(answer.contains("console says hello"), answer);


        // found and clicked in one step, again if the table was redrawn in between
        await(d -> {
            d.findElement(By.cssSelector("#targets tr[data-name='mock'] button")).click();
            return true;
        });
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

    @Test
    void withGatewayKeysTheDataNeedsOneAndChangesTheConsolesHeader() throws Exception {
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(etc.resolve("org.llmrecon.gateway.cfg"), "keys=" + KEY + "\n");
        URI url = open(LlmRecon.builder().pluginFolder(work.resolve("plugins")).etcFolder(etc).http("127.0.0.1", 0));
        HttpClient http = HttpClient.newHttpClient();
        URI plugins = url.resolve("/console/api/plugins");
        new FluentWait<>(http).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(50))
                .withMessage(() -> "the console's data is still open without the key: GET " + plugins + " answers "
                        + status(http, HttpRequest.newBuilder(plugins).build()))
                .until(c -> status(c, HttpRequest.newBuilder(plugins).build()) == 401 ? true : null);
        URI reload = url.resolve("/console/api/plugins/mock/reload");
        assertEquals(403, status(http, HttpRequest.newBuilder(reload).POST(BodyPublishers.noBody())
                .header("Authorization", "Bearer " + KEY).build()));

        browser.get(url.resolve("/console/").toString());
        await(d -> d.findElement(By.id("auth")).isDisplayed() ? true : null);
        assertTrue(browser.findElements(By.cssSelector("#plugins tbody tr")).isEmpty());
        browser.findElement(By.id("auth-key")).sendKeys(KEY);
        browser.findElement(By.cssSelector("#auth button")).click();
        assertEquals("ACTIVE", await(state("data-type", "mock")));
        assertFalse(browser.getPageSource().contains(KEY), "the page shows the key");
    }

    private static int status(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
