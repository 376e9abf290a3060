package org.apache.kafka.connect.data;

import org.apache.kafka.connect.errors.SchemaBuilderException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pins the public behaviour of the nested helper classes Values.Parser and Values.SchemaDetector. */
class ValuesTokenizerTest {

    private static List<String> tokens(String text) {
        Values.Parser parser = new Values.Parser(text);
        List<String> tokens = new ArrayList<>();
        while (parser.hasNext()) {
            tokens.add(parser.next());
        }
        return tokens;
    }

    @Test
    void delimitersAreTokensOfTheirOwnAndWhitespaceIsKept() {
        assertEquals(List.of("[", "1", ",", " 2", "]"), tokens("[1, 2]"));
        assertEquals(List.of(" a ", ",", " b "), tokens(" a , b "));
        assertEquals(List.of("{", "a", ":", "b", "}"), tokens("{a:b}"));
        assertEquals(List.of("  "), tokens("  "));
        assertEquals(List.of(), tokens(""));
    }

    @Test
    void backslashEscapesADelimiter() {
        assertEquals(List.of("x\\,y", ":", "z"), tokens("x\\,y:z"));
        assertEquals(List.of("\\\\", ",", "q"), tokens("\\\\,q"), "an escaped backslash escapes nothing");
        assertEquals(List.of("\"", "q\\\"r", "\""), tokens("\"q\\\"r\""));
    }

    @Test
    void positionMarkAndPreviousTrackConsumedTokens() {
        Values.Parser parser = new Values.Parser("a,b");
        assertEquals(0, parser.position());
        assertNull(parser.previous());
        assertEquals("a", parser.next());
        assertEquals(1, parser.position());
        assertEquals(1, parser.mark());
        assertEquals("a", parser.previous());
        parser.next();
        parser.next();
        assertFalse(parser.hasNext());
        assertEquals("", parser.next(), "past the end next() returns the empty string");
    }

    @Test
    void canConsumeLooksAheadWithoutConsumingOnMismatch() {
        Values.Parser parser = new Values.Parser("a,b,c,d");
        assertFalse(parser.canConsume("x"));
        assertEquals(0, parser.mark(), "the looked-at token is still to be consumed");
        assertEquals(1, parser.position());
        assertEquals("a,", parser.next(2));
        assertEquals(",", parser.previous());
    }

    @Test
    void canConsumeTrimsAndSkipsBlankTokensUnlessAskedNotTo() {
        Values.Parser parser = new Values.Parser(" a , b ");
        assertTrue(parser.canConsume("a"));
        assertFalse(parser.canConsume("b"));
        assertEquals(",", parser.next());
        assertTrue(parser.canConsume("b"));
        assertFalse(parser.hasNext());

        Values.Parser exact = new Values.Parser(" a , b ");
        assertTrue(exact.canConsume(" a ", false));
        assertTrue(exact.canConsume(",", false));
        assertFalse(exact.canConsume(" b", false));
        assertTrue(exact.canConsume("b", true));

        Values.Parser blanks = new Values.Parser("   ,x");
        assertTrue(blanks.canConsume(","));
        assertEquals(4, blanks.position());
        assertEquals("x", blanks.next());
    }

    @Test
    void nextWithCountReturnsTheSpannedTextOrNullWithoutConsuming() {
        Values.Parser parser = new Values.Parser("a,b,c,d");
        assertEquals("a,", parser.next(2));
        assertEquals("b,c,d", parser.next(5));
        assertEquals(7, parser.position());
        Values.Parser shortInput = new Values.Parser("a,b");
        assertNull(shortInput.next(4));
        assertEquals(0, shortInput.position());
        assertEquals("a", shortInput.next());
    }

    @Test
    void rewindForgetsLookAheadAndPrevious() {
        Values.Parser parser = new Values.Parser("a,b,c,d");
        parser.next(2);
        parser.rewindTo(1);
        assertEquals(1, parser.position());
        assertNull(parser.previous());
        assertEquals(",", parser.next());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.rewindTo(99));
        assertEquals("Invalid index", e.getMessage());
    }

    @Test
    void schemaDetectorFindsOneTypeAndNullsMakeItOptional() {
        Values.SchemaDetector detector = new Values.SchemaDetector();
        assertTrue(detector.canDetect(1));
        assertTrue(detector.canDetect(null));
        assertTrue(detector.canDetect(2));
        assertEquals(Schema.OPTIONAL_INT32_SCHEMA, detector.schema());

        Values.SchemaDetector mixed = new Values.SchemaDetector();
        assertTrue(mixed.canDetect(1));
        assertFalse(mixed.canDetect(2L), "no widening");
        assertEquals(Schema.INT32_SCHEMA, mixed.schema());

        Values.SchemaDetector containers = new Values.SchemaDetector();
        assertTrue(containers.canDetect(List.of(1)));
        assertTrue(containers.canDetect(List.of("a")), "only the container type is compared");
        assertEquals(SchemaBuilder.type(Schema.Type.ARRAY).build(), containers.schema());

        assertFalse(new Values.SchemaDetector().canDetect(new java.math.BigDecimal("1")));
        Values.SchemaDetector onlyNulls = new Values.SchemaDetector();
        onlyNulls.canDetect(null);
        assertThrows(SchemaBuilderException.class, onlyNulls::schema);
    }
}
