package io.liveview.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 1,000-row table, as a plain list and as a stream, in-process. */
class TableLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder()).secret("table-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/table", "/table/plain", "/table/stream"})
    void showsAThousandRowsInOrder(String path) {
        TestPage page = APP.live(path);
        List<String> ids = page.texts("tbody tr .id");
        assertEquals(IntStream.rangeClosed(1, 1_000).mapToObj(String::valueOf).toList(), ids);
        assertEquals("Row 1000", page.text("#row-1000 .name"));
        assertEquals(1_000, page.texts("tbody tr .value").stream().filter("0"::equals).count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/table", "/table/plain", "/table/stream"})
    void aBumpRaisesThatRowOnly(String path) {
        TestPage page = APP.live(path);
        page.click("#row-17 .bump").click("#row-17 .bump").click("#row-1000 .bump");
        List<String> values = page.texts("tbody tr .value");
        for (int id = 1; id <= 1_000; id++) {
            String expected = id == 17 ? "2" : id == 1000 ? "1" : "0";
            assertEquals(expected, values.get(id - 1), "row " + id);
        }
    }
}
