package io.liveview.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void aLiteralPathMatchesOnlyItself() {
        PathTemplate counter = PathTemplate.parse("/counter");
        assertTrue(counter.isLiteral());
        assertEquals(Map.of(), counter.match("/counter"));
        assertNull(counter.match("/counter/"));
        assertNull(counter.match("/count"));
        assertEquals(Map.of(), PathTemplate.parse("/").match("/"));
        assertNull(PathTemplate.parse("/").match("/x"));
    }

    @Test
    void aParameterMatchesOneNonEmptySegment() {
        PathTemplate item = PathTemplate.parse("/todo/{id}/notes/{note}");
        assertFalse(item.isLiteral());
        assertEquals(Map.of("id", "42", "note", "a b"), item.match("/todo/42/notes/a b"));
        assertNull(item.match("/todo//notes/1"), "empty segment");
        assertNull(item.match("/todo/42/notes"), "too short");
        assertNull(item.match("/todo/42/notes/1/2"), "too long");
        assertNull(item.match("/todo/42/comments/1"), "literal differs");
        assertEquals(Map.of("id", "a%2Fb", "note", "x"), item.match("/todo/a%2Fb/notes/x"),
                "an encoded slash Undertow left encoded stays inside one value");
    }

    @Test
    void templatesOfTheSameShapeAreTheSameRoute() {
        assertEquals(PathTemplate.parse("/todo/{id}").shape(), PathTemplate.parse("/todo/{item}").shape());
        assertFalse(PathTemplate.parse("/todo/{id}").shape().equals(PathTemplate.parse("/todo/new").shape()));
    }

    @Test
    void malformedTemplatesAreRefused() {
        for (String bad : new String[] {"todo", "/todo/{id", "/todo/x{id}", "/todo/{}", "/a/{id}/{id}", "/a//b", "/{1x}"}) {
            assertThrows(IllegalArgumentException.class, () -> PathTemplate.parse(bad), bad);
        }
    }
}
