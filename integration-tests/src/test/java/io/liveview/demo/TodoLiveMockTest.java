package io.liveview.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.liveview.core.LiveViewServer;
import io.liveview.core.LiveViewTest;
import io.liveview.core.Session;
import io.liveview.core.TestPage;
import io.liveview.demo.TodoStore.Todo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The todo list with a mocked store, handed in through the view's constructor by DemoApp. */
class TodoLiveMockTest {

    private final TodoStore store = mock(TodoStore.class);
    private final LiveViewTest app = LiveViewTest.of(DemoApp.configure(LiveViewServer.builder(), store).secret("todo-mock-test"));
    private final Session ada = LiveViewTest.session(Map.of("user", "ada"));

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theListShowsWhatTheStoreHoldsAndAFullListRefusesAnItem() {
        when(store.list("ada")).thenReturn(List.of(new Todo(1, "Water plants", false), new Todo(2, "Pay rent", true)));
        when(store.add(anyString(), anyString())).thenReturn(false);

        TestPage page = app.live("/todo", ada);
        assertEquals(List.of("Water plants", "Pay rent"), page.texts("ul.items .title"));
        assertEquals("1 items left", page.text("footer .left"));

        page.submit(".new-todo", Map.of("title", "Buy milk"));
        assertEquals("The list is full (100 items)", page.text(".error"));
        verify(store).add("ada", "Buy milk");

        page.click("#todo-2 button.delete");
        verify(store).delete("ada", 2);
    }
}
