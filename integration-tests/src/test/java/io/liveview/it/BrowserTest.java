package io.liveview.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.liveview.core.LiveViewServer;
import io.liveview.demo.DemoApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Base of the browser suites: a demo server per test (port 0, a fixed key), fresh browser contexts,
 * and a screenshot of every open page under {@code target/screenshots/} when a test fails.
 */
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
abstract class BrowserTest {

    static final String SECRET = "integration-test-secret-0123456789";

    protected LiveViewServer server;
    private final List<BrowserContext> contexts = new ArrayList<>();

    /** Starts the demo with the test key on a port (0 for a free one). */
    protected LiveViewServer startServer(int port) {
        return startServer(port, SECRET, builder -> { });
    }

    /** Starts the demo with a key and extra settings or test-only routes. */
    protected LiveViewServer startServer(int port, String secret, Consumer<LiveViewServer.Builder> extra) {
        LiveViewServer.Builder builder = DemoApp.configure(LiveViewServer.builder()).secret(secret).port(port);
        extra.accept(builder);
        server = builder.start();
        return server;
    }

    protected String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    /** A page in a new browser context (own cookies, own socket). */
    protected Page newPage() {
        return newPage(new Browser.NewContextOptions());
    }

    /** A page in a new browser context with the given options. */
    protected Page newPage(Browser.NewContextOptions options) {
        BrowserContext context = Browsers.chromium().newContext(options);
        contexts.add(context);
        Page page = context.newPage();
        page.setDefaultTimeout(10_000);
        return page;
    }

    /** Opens a live path and waits until its view has joined. */
    protected Page open(String path) {
        Page page = newPage();
        return open(page, path);
    }

    protected Page open(Page page, String path) {
        page.navigate(url(path));
        page.locator("[data-lv-root].lv-connected").waitFor();
        return page;
    }

    /** Signs in to the demo through its login form and waits for the todo list to be live. */
    protected Page signIn(Page page, String name) {
        page.navigate(url("/login?next=/todo"));
        page.locator("input[name=name]").fill(name);
        page.locator(".login button[type=submit]").click();
        page.waitForURL(url("/todo"));
        page.locator("[data-lv-root].lv-connected").waitFor();
        return page;
    }

    /**
     * Waits up to 10 s until a script expression is true in the page, polled from here: the demo's
     * Content-Security-Policy refuses the eval that Playwright's waitForFunction needs.
     */
    protected static void awaitTrue(Page page, String expression) {
        for (int i = 0; i < 500 && !Boolean.TRUE.equals(page.evaluate(expression)); i++) {
            page.waitForTimeout(20);
        }
        assertEquals(true, page.evaluate(expression), expression);
    }

    protected static Locator root(Page page) {
        return page.locator("[data-lv-root]");
    }

    @AfterEach
    void closeContextsAndServer() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        if (server != null) {
            server.stop();
        }
    }

    /** Saves a screenshot of every open page of a failed test. */
    static final class ScreenshotOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isEmpty()) {
                return;
            }
            BrowserTest test = (BrowserTest) context.getRequiredTestInstance();
            int n = 0;
            for (BrowserContext browserContext : test.contexts) {
                for (Page page : browserContext.pages()) {
                    Path file = Path.of("target", "screenshots",
                            context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + "-" + n++ + ".png");
                    try {
                        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                        System.err.println("Screenshot of the failed test: " + file.toAbsolutePath());
                    } catch (RuntimeException e) {
                        System.err.println("Could not save a screenshot: " + e);
                    }
                }
            }
        }
    }
}
