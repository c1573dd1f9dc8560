package ${package};

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.liveview.core.LiveViewServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The counter in a real browser: headless Chromium clicks its buttons over the live socket. Uses
 * the Chromium installed on this machine when there is one ({@code LIVEVIEW_CHROMIUM} names it),
 * else the one Playwright downloads on first use.
 */
class CounterBrowserTest {

    private static LiveViewServer server;
    private static Playwright playwright;
    private static Browser browser;

    @Test
    void plusCountsUp() {
        Page page = open("/counter");

        page.getByText("+").click();
        page.getByText("+").click();

        assertThat(page.locator(".count")).hasText("2");
    }

    /** Opens a page of the app and waits until its socket is up, so that clicks reach the server. */
    private static Page open(String path) {
        Page page = browser.newPage();
        page.navigate("http://localhost:" + server.port() + path);
        page.locator("[data-lv-root].lv-connected").waitFor();
        return page;
    }

    @BeforeAll
    static void start() {
        server = App.routes(LiveViewServer.builder()).port(0).start(); // port 0: any free port
        Optional<Path> installed = installedChromium();
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
        if (installed.isPresent()) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            options.setExecutablePath(installed.get())
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        } else {
            playwright = Playwright.create();
        }
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static Optional<Path> installedChromium() {
        return Stream.of(System.getenv("LIVEVIEW_CHROMIUM"), "/usr/lib/chromium/chromium", "/usr/bin/chromium")
                .filter(p -> p != null && !p.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }
}
