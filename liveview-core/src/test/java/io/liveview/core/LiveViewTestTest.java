package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The harness itself: driving, reading, and a clear failure for each thing a page could not do. */
class LiveViewTestTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String PROFILE = "{\"name\":\"Ada\",\"id\":\"7\",\"code\":\"X1\",\"color\":\"blue\","
            + "\"tags\":[\"a\",\"b\"],\"size\":\"m\",\"bio\":\"Hi\"}";

    private static LiveViewTest app;

    @BeforeAll
    static void build() {
        OnMount requireUser = (params, session, socket) -> {
            Optional<String> user = session.get("user");
            user.ifPresentOrElse(u -> socket.assign("user", u), () -> socket.redirect("/login?next=" + params.path()));
            return user.isPresent();
        };
        app = LiveViewTest.of(LiveViewServer.builder()
                .secret("harness-test-secret")
                .live("/harness", HarnessLive::new)
                .live("/elsewhere", HarnessLive::new)
                .live("/items/{id}", ItemLive::new)
                .live("/away", AwayLive::new)
                .live("/flash", FlashLive::new)
                .live("/failing", FailingMountLive::new)
                .group(requireUser, signedIn -> signedIn.live("/private", HarnessLive::new)));
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private static AssertionError fails(Executable action, String... parts) {
        AssertionError failure = assertThrows(AssertionError.class, action);
        for (String part : parts) {
            assertTrue(failure.getMessage().contains(part), () -> "no '" + part + "' in: " + failure.getMessage());
        }
        return failure;
    }

    @Test
    void aBindingOfJsCommandsSendsItsPushesInOrderAndNothingElse() {
        TestPage page = app.live("/harness");
        page.click("#js-adds");
        assertEquals("11", page.text("#count"), "add by lv-value-by (9), then add by the push's own value (2)");
        page.click("#js-dom");
        assertEquals("11", page.text("#count"), "DOM commands send nothing");
        page.submit("#js-form");
        assertEquals("submit {\"name\":\"Bo\",\"via\":\"js\"}", page.text("#sent"), "the form's fields and the push's value");
        page.keydown("#js-key", "Enter");
        assertEquals("keydown {\"key\":\"Enter\",\"value\":\"typed\"}", page.text("#sent"));
        fails(() -> page.click("#js-typo"), "click on '#js-typo': the binding has an unknown JS command 'hdie'");
    }

    @Test
    void clicksSendTheBindingOfTheElementOrTheOneAroundItWithItsValues() {
        TestPage page = app.live("/harness");
        assertEquals("0", page.text("#count"));
        page.click("#inc").click("#inc").click("#add b");
        assertEquals("7", page.text("#count"));
        assertEquals("Count: 7", page.element("h1").text());
        assertTrue(page.html().startsWith("<section>"), page.html());
    }

    @Test
    void theTitleIsTheServersUntilTheViewSetsOne() {
        TestPage page = app.live("/harness");
        assertEquals("LiveView", page.title());
        page.click("#rename");
        assertEquals("Renamed", page.title());
    }

    @Test
    void listsFollowThePatches() {
        TestPage page = app.live("/harness");
        assertFalse(page.has(".item"));
        page.click("#item").click("#item").click("#item");
        assertEquals(List.of("item 1", "item 2", "item 3"), page.texts("li.item"));
    }

    @Test
    void anElementReadIsACopy() {
        TestPage page = app.live("/harness");
        page.element("#count").text("99");
        assertEquals("0", page.text("#count"));
    }

    @Test
    void aSelectorMustMatchExactlyOneElement() {
        TestPage page = app.live("/harness");
        fails(() -> page.click("#missing"), "click on '#missing'", "no element of the view matches", "<h1>Count:");
        fails(() -> page.click("button"), "15 elements of the view match the selector; it must match one");
        fails(() -> page.text(".item"), "text('.item'): no element");
    }

    @Test
    void anElementWithoutLvClickOrDisabledSendsNothing() {
        TestPage page = app.live("/harness");
        fails(() -> page.click("#plain"), "click on '#plain': neither the element nor one around it has lv-click");
        fails(() -> page.click("#off"), "the element is disabled");
        fails(() -> page.click("#profile button"), "to send its form's lv-submit, use submit(formSelector, values)");
        assertEquals("0", page.text("#count"));
    }

    @Test
    void anUnknownEventOrABadPayloadIsAViewErrorAndTheViewGoesOn() {
        TestPage page = app.live("/harness");
        LiveViewTest.ViewError unknown = assertThrows(LiveViewTest.ViewError.class, () -> page.click("#unknown"));
        assertEquals("unknown_event", unknown.reason());
        assertTrue(unknown.getMessage().contains("the view answered unknown_event"), unknown.getMessage());
        assertEquals("bad_payload", assertThrows(LiveViewTest.ViewError.class, () -> page.click("#bad")).reason());
        page.click("#inc");
        assertEquals("1", page.text("#count"));
    }

    @Test
    void aCrashFailsWithItsCauseAndThePageRejoinsTheViewMountedAfresh() {
        TestPage page = app.live("/harness");
        page.click("#inc");
        LiveViewTest.ViewError crash = assertThrows(LiveViewTest.ViewError.class, () -> page.click("#boom"));
        assertEquals("handler_crashed", crash.reason());
        assertEquals("boom on purpose", assertInstanceOf(IllegalStateException.class, crash.getCause()).getMessage());
        assertTrue(crash.getMessage().contains("the page rejoined it, mounted afresh"), crash.getMessage());
        assertEquals("0", page.text("#count"));
        page.click("#inc");
        assertEquals("1", page.text("#count"));
    }

    @Test
    void aCrashInAMessageFailsTheSend() {
        TestPage page = app.live("/harness");
        LiveViewTest.ViewError crash = assertThrows(LiveViewTest.ViewError.class, () -> page.send("crash"));
        assertEquals("handler_crashed", crash.reason());
        assertInstanceOf(IllegalStateException.class, crash.getCause());
        page.send("after");
        assertEquals("after", page.text("#heard"));
    }

    @Test
    void anEventRedirectIsReadAndFollowedAndThePageTakesNoMoreActions() {
        TestPage page = app.live("/harness");
        assertNull(page.redirectedTo());
        page.click("#away");
        assertEquals("/elsewhere", page.redirectedTo());
        assertFalse(page.navigated(), "socket.redirect is a full load");
        fails(() -> page.click("#inc"), "the view already sent the page to /elsewhere");
        TestPage next = page.follow();
        next.click("#inc");
        assertEquals("1", next.text("#count"));
        fails(next::follow, "follow(): the view sent the page nowhere");
    }

    @Test
    void liveNavigationsAreToldApartAndTheFlashGoesAlong() {
        TestPage page = app.live("/flash");
        page.click("#onward");
        assertEquals("/flash?from=link", page.redirectedTo());
        assertTrue(page.navigated(), "an lv-navigate link");
        fails(() -> page.click("#go"), "the view already sent the page to /flash?from=link");
        TestPage linked = page.follow();
        assertEquals(Map.of(), linked.flash());
        linked.click("#go");
        assertEquals("/flash?from=go", linked.redirectedTo());
        assertTrue(linked.navigated(), "socket.pushNavigate");
        assertEquals(Map.of("info", "Moved"), linked.follow().flash(), "the flash put before leaving shows on the next page");
    }

    @Test
    void messagesReachTheViewAndMayRedirectIt() {
        TestPage page = app.live("/harness");
        page.send("hello");
        assertEquals("hello", page.text("#heard"));
        page.send("go");
        assertEquals("/gone", page.redirectedTo());
    }

    @Test
    void timersAndAsyncTasksArriveOnTheirOwn() {
        TestPage page = app.live("/harness");
        page.click("#later").awaitText("#heard", "late", WAIT);
        page.click("#load").awaitText("#loaded", "load: loaded", WAIT);
        fails(() -> page.awaitText("#heard", "never", Duration.ofMillis(20)),
                "waited 20 ms for '#heard' to contain 'never'; it holds [late]");
    }

    @Test
    void broadcastsReachEveryPageOnceSynced() {
        TestPage first = app.live("/harness");
        TestPage second = app.live("/harness");
        app.server().pubSub().broadcast(HarnessLive.TOPIC, "news");
        assertEquals("news", first.sync().text("#heard"));
        assertEquals("news", second.sync().text("#heard"));
    }

    @Test
    void formsSendTheirRenderedFieldsAsTheBrowserWould() {
        TestPage page = app.live("/harness");
        page.submit("#profile");
        assertEquals("submit " + PROFILE, page.text("#sent"));
        page.submit("#profile", Map.of("name", "Bob", "color", "red", "size", "s", "news", "on", "tags", "b"));
        assertEquals("submit {\"name\":\"Bob\",\"id\":\"7\",\"code\":\"X1\",\"color\":\"red\",\"tags\":\"b\","
                + "\"news\":\"on\",\"size\":\"s\",\"bio\":\"Hi\"}", page.text("#sent"));
        page.change("#search", "q", "milk");
        assertEquals("change {\"q\":\"milk\",\"page\":\"1\"} target q", page.text("#sent"));
    }

    @Test
    void aValueNoUserCouldEnterFails() {
        TestPage page = app.live("/harness");
        fails(() -> page.submit("#profile", Map.of("age", "3")), "submit of '#profile': the form has no field 'age'", "name, id, code");
        fails(() -> page.submit("#profile", Map.of("id", "8")), "field 'id' is hidden: a user cannot change it from '7'");
        fails(() -> page.submit("#profile", Map.of("nick", "x")), "field 'nick' is disabled");
        fails(() -> page.submit("#profile", Map.of("code", "X2")), "field 'code' is read-only");
        fails(() -> page.submit("#profile", Map.of("color", "green")), "field 'color' offers no 'green' (it offers [red, blue])");
        fails(() -> page.submit("#profile", Map.of("size", "xl")), "field 'size' offers no 'xl'");
        fails(() -> page.submit("#post"), "the form has no lv-submit");
        fails(() -> page.submit("#plain"), "the element is a <p>, not a form");
        fails(() -> page.change("#profile", "name", "x"), "the form has no lv-change");
        page.submit("#profile", Map.of("id", "7"));
        assertEquals("submit " + PROFILE, page.text("#sent"), "an unchanged hidden value is what the form sends anyway");
    }

    @Test
    void aGuardedRouteRedirectsAVisitorWithoutTheSessionItNeeds() {
        LiveViewTest.Redirected redirect = assertThrows(LiveViewTest.Redirected.class, () -> app.live("/private"));
        assertEquals("/login?next=/private", redirect.to());
        TestPage page = app.live("/private", LiveViewTest.session(Map.of("user", "ada")));
        assertEquals("ada", page.text("#user"));
    }

    @Test
    void aMountRedirectIsARedirectToo() {
        assertEquals("/elsewhere", assertThrows(LiveViewTest.Redirected.class, () -> app.live("/away?to=/elsewhere")).to());
    }

    @Test
    void pathParametersAndTheQueryReachTheMount() {
        TestPage page = app.live("/items/42?tab=notes");
        assertEquals("42", page.text("#id"));
        assertEquals("notes", page.text("#tab"));
        fails(() -> app.live("/items/abc"), "GET /items/abc: not found (404)");
        fails(() -> app.live("/nowhere"), "GET /nowhere: no live route matches the path");
    }

    @Test
    void aConnectedMountThatFailsIsAViewErrorWithItsCause() {
        LiveViewTest.ViewError failed = assertThrows(LiveViewTest.ViewError.class, () -> app.live("/failing"));
        assertEquals("mount_failed", failed.reason());
        assertEquals("the database is down, on purpose", failed.getCause().getMessage());
    }

    @Test
    void aClosedPageTakesNoMoreActions() {
        TestPage page = app.live("/harness");
        page.close();
        fails(() -> page.click("#inc"), "the page is closed");
        page.close();
    }
}
