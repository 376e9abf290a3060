package org.apache.kafka.connect.transforms.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class SingleFieldPathTest {

    private static final Schema INNER = SchemaBuilder.struct()
        .field("b", SchemaBuilder.int32().optional().defaultValue(5).build())
        .field("c", Schema.STRING_SCHEMA)
        .build();
    private static final Schema OUTER = SchemaBuilder.struct()
        .field("a", INNER)
        .field("x", Schema.OPTIONAL_STRING_SCHEMA)
        .field("a.b", Schema.INT64_SCHEMA)
        .field("opt", SchemaBuilder.struct().optional().field("q", Schema.INT32_SCHEMA).build())
        .build();
    private static final Struct VALUE = new Struct(OUTER)
        .put("a", new Struct(INNER).put("c", "cc"))
        .put("x", "xx")
        .put("a.b", 7L);

    private static String[] v2(String text) {
        return new SingleFieldPath(text, FieldSyntaxVersion.V2).path();
    }

    @Test
    void v1TreatsTheWholeTextAsOneRootField() {
        assertArrayEquals(new String[] {"a.b"}, new SingleFieldPath("a.b", FieldSyntaxVersion.V1).path());
        assertArrayEquals(new String[] {"`a`"}, new SingleFieldPath("`a`", FieldSyntaxVersion.V1).path());
        assertEquals(7L, new SingleFieldPath("a.b", FieldSyntaxVersion.V1).valueFrom(VALUE));
    }

    @Test
    void v2SplitsOnDots() {
        assertArrayEquals(new String[] {"a", "b", "c"}, v2("a.b.c"));
        assertArrayEquals(new String[] {"a", "", "b"}, v2("a..b"));
        assertArrayEquals(new String[] {"", "a"}, v2(".a"));
    }

    @Test
    void v2TrailingDotLeavesAnEmptyLastStep() {
        assertArrayEquals(new String[] {"a", ""}, v2("a."));
        assertArrayEquals(new String[] {"", ""}, v2("."));
        assertArrayEquals(new String[] {"a", ""}, v2("`a`."));
    }

    @Test
    void v2EmptyTextHasNoSteps() {
        assertArrayEquals(new String[0], v2(""));
        SingleFieldPath empty = new SingleFieldPath("", FieldSyntaxVersion.V2);
        assertThrows(IllegalArgumentException.class, () -> empty.valueFrom(VALUE));
    }

    @Test
    void v2BackticksQuoteNamesContainingDots() {
        assertArrayEquals(new String[] {"a.b", "c"}, v2("`a.b`.c"));
        assertArrayEquals(new String[] {"c", "a.b"}, v2("c.`a.b`"));
        assertArrayEquals(new String[] {"a.b", "c.d", "e"}, v2("`a.b`.`c.d`.e"));
        assertArrayEquals(new String[] {""}, v2("``"));
        assertArrayEquals(new String[] {"`"}, v2("```"));
    }

    @Test
    void v2BacktickNotBeforeDotOrEndBelongsToTheName() {
        assertArrayEquals(new String[] {"a``b"}, v2("`a``b`"));
        assertArrayEquals(new String[] {"a`b.c"}, v2("`a`b.c`"));
        assertArrayEquals(new String[] {"a`b"}, v2("a`b"));
        assertArrayEquals(new String[] {"a", "b`"}, v2("a.b`"));
    }

    @Test
    void v2BackslashEscapesAClosingBacktickAndIsDropped() {
        assertArrayEquals(new String[] {"a.b`.c"}, v2("`a.b\\`.c`"));
        // Before a backtick that could not close the step anyway, the backslash is kept.
        assertArrayEquals(new String[] {"a\\`b"}, v2("`a\\`b`"));
        assertArrayEquals(new String[] {"a\\", "b"}, v2("a\\.b"));
    }

    @Test
    void v2UnclosedBacktickIsAConfigErrorNamingItsPosition() {
        ConfigException atStart = assertThrows(ConfigException.class, () -> v2("`a.b"));
        assertEquals("Incomplete backtick pair in path: [`a.b], consider adding a backslash before backtick at"
            + " position 0 to escape it", atStart.getMessage());
        ConfigException later = assertThrows(ConfigException.class, () -> v2("a.`b"));
        assertEquals("Incomplete backtick pair in path: [a.`b], consider adding a backslash before backtick at"
            + " position 2 to escape it", later.getMessage());
        assertThrows(ConfigException.class, () -> v2("`a\\`"), "an escaped final backtick cannot close");
        assertThrows(ConfigException.class, () -> v2("`a` .b"), "a closing backtick must precede a dot");
    }

    @Test
    void nullTextOrVersionIsRejected() {
        assertThrows(NullPointerException.class, () -> new SingleFieldPath(null, FieldSyntaxVersion.V2));
        assertThrows(NullPointerException.class, () -> new SingleFieldPath("a", null));
    }

    @Test
    void fieldFromFollowsNestedStructSchemas() {
        assertEquals(INNER.field("b"), new SingleFieldPath("a.b", FieldSyntaxVersion.V2).fieldFrom(OUTER));
        assertEquals(OUTER.field("a.b"), new SingleFieldPath("`a.b`", FieldSyntaxVersion.V2).fieldFrom(OUTER));
        assertNull(new SingleFieldPath("a.zz", FieldSyntaxVersion.V2).fieldFrom(OUTER));
        assertNull(new SingleFieldPath("zz.b", FieldSyntaxVersion.V2).fieldFrom(OUTER));
        assertNull(new SingleFieldPath("a", FieldSyntaxVersion.V2).fieldFrom(null));
    }

    @Test
    void fieldFromThroughANonStructFails() {
        SingleFieldPath path = new SingleFieldPath("x.y", FieldSyntaxVersion.V2);
        assertThrows(DataException.class, () -> path.fieldFrom(OUTER));
    }

    @Test
    void valueFromStructAppliesDefaultsOnlyWhenAsked() {
        SingleFieldPath path = new SingleFieldPath("a.b", FieldSyntaxVersion.V2);
        assertEquals(5, path.valueFrom(VALUE));
        assertEquals(5, path.valueFrom(VALUE, true));
        assertNull(path.valueFrom(VALUE, false));
        assertEquals("cc", new SingleFieldPath("a.c", FieldSyntaxVersion.V2).valueFrom(VALUE, false));
    }

    @Test
    void valueFromStructIsNullForMissingStepsAndNullParents() {
        assertNull(new SingleFieldPath("a.zz", FieldSyntaxVersion.V2).valueFrom(VALUE));
        assertNull(new SingleFieldPath("zz", FieldSyntaxVersion.V2).valueFrom(VALUE));
        assertNull(new SingleFieldPath("opt.q", FieldSyntaxVersion.V2).valueFrom(VALUE));
        assertNull(new SingleFieldPath("a", FieldSyntaxVersion.V2).valueFrom((Struct) null));
    }

    @Test
    void valueFromStructThroughANonStructFails() {
        DataException e = assertThrows(DataException.class,
            () -> new SingleFieldPath("x.y", FieldSyntaxVersion.V2).valueFrom(VALUE));
        assertEquals("Only Struct objects supported for [nested field access], found: java.lang.String",
            e.getMessage());
    }

    @Test
    void valueFromMapFollowsNestedMaps() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("b", 1);
        Map<String, Object> map = new HashMap<>();
        map.put("a", inner);
        map.put("a.b", "dotted");
        map.put("x", "xx");
        assertEquals(1, new SingleFieldPath("a.b", FieldSyntaxVersion.V2).valueFrom(map));
        assertEquals("dotted", new SingleFieldPath("`a.b`", FieldSyntaxVersion.V2).valueFrom(map));
        assertEquals("dotted", new SingleFieldPath("a.b", FieldSyntaxVersion.V1).valueFrom(map));
        assertNull(new SingleFieldPath("zz.b", FieldSyntaxVersion.V2).valueFrom(map));
        assertNull(new SingleFieldPath("a", FieldSyntaxVersion.V2).valueFrom((Map<String, Object>) null));
        DataException e = assertThrows(DataException.class,
            () -> new SingleFieldPath("x.y", FieldSyntaxVersion.V2).valueFrom(map));
        assertEquals("Only Map objects supported in absence of schema for [nested field access], found:"
            + " java.lang.String", e.getMessage());
    }

    @Test
    void equalityDependsOnStepsOnly() {
        SingleFieldPath dotted = new SingleFieldPath("a.b", FieldSyntaxVersion.V2);
        assertEquals(dotted, new SingleFieldPath("`a`.b", FieldSyntaxVersion.V2));
        assertEquals(dotted.hashCode(), new SingleFieldPath("`a`.b", FieldSyntaxVersion.V2).hashCode());
        assertEquals(new SingleFieldPath("a.b", FieldSyntaxVersion.V1), new SingleFieldPath("`a.b`",
            FieldSyntaxVersion.V2));
        assertNotEquals(dotted, new SingleFieldPath("a.b", FieldSyntaxVersion.V1));
        assertEquals(159, new SingleFieldPath("a", FieldSyntaxVersion.V1).hashCode(), "31 + hash of [a]");
    }

    @Test
    void toStringShowsVersionAndDottedSteps() {
        assertEquals("SingleFieldPath{version=V2, path=a.b.c}", new SingleFieldPath("`a.b`.c",
            FieldSyntaxVersion.V2).toString());
        assertEquals("SingleFieldPath{version=V1, path=`a.b`.c}", new SingleFieldPath("`a.b`.c",
            FieldSyntaxVersion.V1).toString());
    }

    @Test
    void pathIsACopy() {
        SingleFieldPath path = new SingleFieldPath("a.b", FieldSyntaxVersion.V2);
        path.path()[0] = "changed";
        assertEquals("a", path.path()[0]);
        assertSame(INNER.field("b"), path.fieldFrom(OUTER));
    }
}
