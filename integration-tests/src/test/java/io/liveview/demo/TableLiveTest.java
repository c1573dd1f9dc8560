package io.liveview.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.TestPage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The 1,000-row table, in-process. */
class TableLiveTest {

    private static final LiveViewTest APP = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder()).secret("table-live-test"));

    @AfterAll
    static void close() {
        APP.close();
    }

    @Test
    void showsAThousandRowsInOrder() {
        TestPage page = APP.live("/table");
        List<String> ids = page.texts("tbody tr .id");
        assertEquals(IntStream.rangeClosed(1, 1_000).mapToObj(String::valueOf).toList(), ids);
        assertEquals("Row 1000", page.text("#row-1000 .name"));
        assertEquals(1_000, page.texts("tbody tr .value").stream().filter("0"::equals).count());
    }

    @Test
    void aBumpRaisesThatRowOnly() {
        TestPage page = APP.live("/table");
        page.click("#row-17 .bump").click("#row-17 .bump").click("#row-1000 .bump");
        List<String> values = page.texts("tbody tr .value");
        for (int id = 1; id <= 1_000; id++) {
            String expected = id == 17 ? "2" : id == 1000 ? "1" : "0";
            assertEquals(expected, values.get(id - 1), "row " + id);
        }
    }
}
