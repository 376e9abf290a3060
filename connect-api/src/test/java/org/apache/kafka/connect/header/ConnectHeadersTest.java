package org.apache.kafka.connect.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ConnectHeadersTest {

    private static final long DAY_MS = 24L * 60 * 60 * 1000;

    private static ConnectHeaders sample() {
        // a1 b2 a3 c a4 b5: keys repeat and interleave
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("a", "1").addInt("b", 2).addString("a", "3").addBoolean("c", true)
            .addString("a", "4").addInt("b", 5);
        return headers;
    }

    private static List<String> keysAndValues(Headers headers) {
        List<String> result = new ArrayList<>();
        for (Header header : headers) {
            result.add(header.key() + "=" + header.value());
        }
        return result;
    }

    private static List<Header> toList(Iterator<Header> it) {
        List<Header> result = new ArrayList<>();
        it.forEachRemaining(result::add);
        return result;
    }

    @Test
    void typedAddsUseTheMatchingPrimitiveSchemas() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("s", "x").addBoolean("bo", true).addByte("i8", (byte) 1).addShort("i16", (short) 2)
            .addInt("i32", 3).addLong("i64", 4L).addFloat("f32", 1.5f).addDouble("f64", 2.5)
            .addBytes("by", new byte[] {1});

        assertEquals(Schema.STRING_SCHEMA, headers.lastWithName("s").schema());
        assertEquals(Schema.BOOLEAN_SCHEMA, headers.lastWithName("bo").schema());
        assertEquals(Schema.INT8_SCHEMA, headers.lastWithName("i8").schema());
        assertEquals(Schema.INT16_SCHEMA, headers.lastWithName("i16").schema());
        assertEquals(Schema.INT32_SCHEMA, headers.lastWithName("i32").schema());
        assertEquals(Schema.INT64_SCHEMA, headers.lastWithName("i64").schema());
        assertEquals(Schema.FLOAT32_SCHEMA, headers.lastWithName("f32").schema());
        assertEquals(Schema.FLOAT64_SCHEMA, headers.lastWithName("f64").schema());
        assertEquals(Schema.BYTES_SCHEMA, headers.lastWithName("by").schema());
        assertEquals((short) 2, headers.lastWithName("i16").value());
        assertEquals(9, headers.size());
    }

    @Test
    void typedAddsAcceptNullValuesWithTheirRequiredSchema() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("s", null).addBytes("b", null).addDate("d", null).addTime("t", null).addTimestamp("ts", null);

        assertEquals(Schema.STRING_SCHEMA, headers.lastWithName("s").schema());
        assertEquals(Schema.BYTES_SCHEMA, headers.lastWithName("b").schema());
        assertEquals(Date.SCHEMA, headers.lastWithName("d").schema());
        assertEquals(Time.SCHEMA, headers.lastWithName("t").schema());
        assertEquals(Timestamp.SCHEMA, headers.lastWithName("ts").schema());
        assertNull(headers.lastWithName("ts").value());
    }

    @Test
    void nullCompositeAndDecimalValuesAreStoredWithoutSchema() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addList("l", null, SchemaBuilder.array(Schema.INT32_SCHEMA).build())
            .addMap("m", null, null)
            .addStruct("st", null)
            .addDecimal("dec", null);

        for (Header header : headers) {
            assertNull(header.schema(), "schema of null " + header.key());
            assertNull(header.value(), "value of null " + header.key());
        }
    }

    @Test
    void addDecimalUsesTheDecimalSchemaOfTheValuesScale() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addDecimal("d", new BigDecimal("12.345")).addDecimal("neg", new BigDecimal("1E+3"));

        assertEquals(Decimal.schema(3), headers.lastWithName("d").schema());
        assertEquals(Map.of(Decimal.SCALE_FIELD, "3"), headers.lastWithName("d").schema().parameters());
        assertEquals(Decimal.schema(-3), headers.lastWithName("neg").schema());
    }

    @Test
    void addDateTimeAndTimestampUseTheLogicalSchemas() {
        java.util.Date midnight = new java.util.Date(3 * DAY_MS);
        java.util.Date timeOfDay = new java.util.Date(5000);
        java.util.Date instant = new java.util.Date(1700000000123L);
        ConnectHeaders headers = new ConnectHeaders();
        headers.addDate("d", midnight).addTime("t", timeOfDay).addTimestamp("ts", instant);

        assertEquals(new SchemaAndValue(Date.SCHEMA, midnight), schemaAndValue(headers.lastWithName("d")));
        assertEquals(new SchemaAndValue(Time.SCHEMA, timeOfDay), schemaAndValue(headers.lastWithName("t")));
        assertEquals(new SchemaAndValue(Timestamp.SCHEMA, instant), schemaAndValue(headers.lastWithName("ts")));
    }

    private static SchemaAndValue schemaAndValue(Header header) {
        return new SchemaAndValue(header.schema(), header.value());
    }

    @Test
    void addDateRejectsATimeOfDayAndAddTimeRejectsADate() {
        ConnectHeaders headers = new ConnectHeaders();
        assertThrows(DataException.class, () -> headers.addDate("d", new java.util.Date(5)));
        assertThrows(DataException.class, () -> headers.addTime("t", new java.util.Date(DAY_MS + 5)));
        assertTrue(headers.isEmpty(), "rejected values must not be added");
    }

    @Test
    void addStructUsesTheStructsSchema() {
        Schema schema = SchemaBuilder.struct().name("S").field("a", Schema.INT32_SCHEMA).build();
        Struct struct = new Struct(schema).put("a", 1);

        Header header = new ConnectHeaders().addStruct("k", struct).lastWithName("k");

        assertSame(schema, header.schema());
        assertSame(struct, header.value());
    }

    @Test
    void addListAndAddMapRequireAMatchingSchemaType() {
        ConnectHeaders headers = new ConnectHeaders();

        DataException list = assertThrows(DataException.class, () -> headers.addList("k", List.of(1), Schema.INT32_SCHEMA));
        assertEquals("Expecting ARRAY but instead found INT32", list.getMessage());
        DataException map = assertThrows(DataException.class, () -> headers.addMap("k", Map.of(), Schema.STRING_SCHEMA));
        assertEquals("Expecting MAP but instead found STRING", map.getMessage());
        assertThrows(DataException.class, () -> headers.addList("k", List.of(1), null));

        Schema arraySchema = SchemaBuilder.array(Schema.INT32_SCHEMA).build();
        headers.addList("ok", List.of(1, 2), arraySchema);
        assertEquals(new SchemaAndValue(arraySchema, List.of(1, 2)), schemaAndValue(headers.lastWithName("ok")));
    }

    @Test
    void addWithSchemaRejectsValuesOfTheWrongClass() {
        ConnectHeaders headers = new ConnectHeaders();

        DataException wrong = assertThrows(DataException.class, () -> headers.add("k", 5, Schema.STRING_SCHEMA));
        assertEquals("The value 5 is not compatible with the schema Schema{STRING}", wrong.getMessage());
        assertThrows(DataException.class, () -> headers.add("k", 5L, Schema.INT32_SCHEMA));
        assertThrows(DataException.class, () -> headers.add("k", new SchemaAndValue(Schema.INT32_SCHEMA, "x")));
        assertThrows(DataException.class, () -> headers.add("k", new java.util.Date(0), Schema.INT64_SCHEMA));
        assertThrows(DataException.class, () -> headers.add("k", new BigDecimal("1.5"), Schema.BYTES_SCHEMA));
        assertTrue(headers.isEmpty(), "rejected values must not be added");
    }

    @Test
    void addWithSchemaRejectsNullForARequiredSchema() {
        DataException e = assertThrows(DataException.class,
            () -> new ConnectHeaders().add("k", null, Schema.STRING_SCHEMA));
        assertEquals("A null value requires an optional schema but was Schema{STRING}", e.getMessage());

        Header ok = new ConnectHeaders().add("k", null, Schema.OPTIONAL_STRING_SCHEMA).lastWithName("k");
        assertEquals(Schema.OPTIONAL_STRING_SCHEMA, ok.schema());
    }

    @Test
    void addWithSchemaAcceptsLogicalClassesAndTheirPrimitives() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.add("d1", new java.util.Date(0), Date.SCHEMA)
            .add("d2", 5, Date.SCHEMA)
            .add("t", new java.util.Date(0), Time.SCHEMA)
            .add("ts1", new java.util.Date(0), Timestamp.SCHEMA)
            .add("ts2", 5L, Timestamp.SCHEMA)
            .add("dec1", new BigDecimal("1.5"), Decimal.schema(1))
            .add("dec2", new byte[] {1}, Decimal.schema(1))
            .add("bb", ByteBuffer.wrap(new byte[] {1}), Schema.BYTES_SCHEMA);

        assertEquals(8, headers.size());
    }

    @Test
    void addWithSchemaChecksOnlyTheOuterClassOfCompositeValues() {
        Schema intArray = SchemaBuilder.array(Schema.INT32_SCHEMA).build();
        Schema intMap = SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA).build();
        Schema structA = SchemaBuilder.struct().name("A").build();
        Schema structB = SchemaBuilder.struct().name("B").field("f", Schema.INT32_SCHEMA).build();

        ConnectHeaders headers = new ConnectHeaders();
        headers.add("l", List.of("not an int"), intArray)
            .add("m", Map.of("a", "b"), intMap)
            .add("s", new Struct(structB), structA);

        assertEquals(3, headers.size());
        assertThrows(DataException.class, () -> headers.add("l", Map.of(), intArray));
    }

    @Test
    void addWithoutSchemaAcceptsAnyValue() {
        ConnectHeaders headers = new ConnectHeaders();
        headers.add("k", "v", null).add("n", SchemaAndValue.NULL).add("none", (SchemaAndValue) null);

        assertEquals("v", headers.lastWithName("k").value());
        assertNull(headers.lastWithName("k").schema());
        assertNull(headers.lastWithName("none").schema());
        assertNull(headers.lastWithName("none").value());
    }

    @Test
    void addWithoutValidatingIsAvailableToSubclasses() {
        ConnectHeaders headers = new ConnectHeaders() {
            {
                addWithoutValidating("k", 5, Schema.STRING_SCHEMA);
            }
        };
        assertEquals(5, headers.lastWithName("k").value());
    }

    @Test
    void addOfAHeaderDoesNotValidateIt() {
        Header inconsistent = new ConnectHeaders().addString("k", "v").lastWithName("k").with(Schema.INT32_SCHEMA, "x");
        assertEquals(1, new ConnectHeaders().add(inconsistent).size());
    }

    @Test
    void nullKeysAndNullHeadersAreRejected() {
        ConnectHeaders headers = new ConnectHeaders();
        NullPointerException key = assertThrows(NullPointerException.class, () -> headers.addString(null, "x"));
        assertEquals("Null header keys are not permitted", key.getMessage());
        NullPointerException header = assertThrows(NullPointerException.class, () -> headers.add((Header) null));
        assertEquals("Unable to add a null header.", header.getMessage());
        List<Header> withNull = Arrays.asList((Header) null);
        assertThrows(NullPointerException.class, () -> new ConnectHeaders(withNull));

        NullPointerException lookup = assertThrows(NullPointerException.class, () -> headers.lastWithName(null));
        assertEquals("Header key cannot be null", lookup.getMessage());
        assertThrows(NullPointerException.class, () -> headers.remove(null));
        assertThrows(NullPointerException.class, () -> headers.retainLatest(null));
        assertThrows(NullPointerException.class, () -> headers.apply(null, h -> h));
    }

    @Test
    void emptyKeysAreAllowed() {
        assertEquals("x", new ConnectHeaders().addString("", "x").lastWithName("").value());
    }

    @Test
    void lastWithNameFindsTheLatestHeaderOfAKey() {
        ConnectHeaders headers = sample();
        assertEquals("4", headers.lastWithName("a").value());
        assertEquals(5, headers.lastWithName("b").value());
        assertNull(headers.lastWithName("missing"));
        assertNull(new ConnectHeaders().lastWithName("a"));
    }

    @Test
    void allWithNameReturnsTheHeadersOfAKeyInOrder() {
        ConnectHeaders headers = sample();
        List<Header> as = toList(headers.allWithName("a"));

        assertEquals(List.of("1", "3", "4"), as.stream().map(Header::value).toList());
        assertTrue(toList(headers.allWithName("missing")).isEmpty());
        assertTrue(toList(headers.allWithName(null)).isEmpty(), "a null key matches nothing");
        assertTrue(toList(new ConnectHeaders().allWithName("a")).isEmpty());
    }

    @Test
    void allWithNameDoesNotSupportRemoval() {
        Iterator<Header> it = sample().allWithName("a");
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
    }

    @Test
    void iteratorSupportsRemoval() {
        ConnectHeaders headers = sample();
        Iterator<Header> it = headers.iterator();
        it.next();
        it.remove();
        assertEquals(List.of("b=2", "a=3", "c=true", "a=4", "b=5"), keysAndValues(headers));
    }

    @Test
    void removeDropsEveryHeaderOfAKey() {
        ConnectHeaders headers = sample();
        assertSame(headers, headers.remove("b"));
        assertEquals(List.of("a=1", "a=3", "c=true", "a=4"), keysAndValues(headers));
        headers.remove("missing");
        assertEquals(4, headers.size());
    }

    @Test
    void retainLatestOfAKeyKeepsOnlyItsLastHeaderInPlace() {
        ConnectHeaders headers = sample();
        headers.retainLatest("a");
        assertEquals(List.of("b=2", "c=true", "a=4", "b=5"), keysAndValues(headers));
    }

    @Test
    void retainLatestKeepsTheLastHeaderOfEveryKeyInPlace() {
        ConnectHeaders headers = sample();
        headers.retainLatest();
        assertEquals(List.of("c=true", "a=4", "b=5"), keysAndValues(headers));
    }

    @Test
    void applyReplacesEveryHeaderAndDropsNullResults() {
        ConnectHeaders headers = sample();
        headers.apply(h -> h.key().equals("b") ? null : h.rename(h.key().toUpperCase()));
        assertEquals(List.of("A=1", "A=3", "C=true", "A=4"), keysAndValues(headers));
    }

    @Test
    void applyWithAKeyTouchesOnlyThatKey() {
        ConnectHeaders headers = sample();
        headers.apply("a", h -> "3".equals(h.value()) ? null : h.with(Schema.INT32_SCHEMA, 9));
        assertEquals(List.of("a=9", "b=2", "c=true", "a=9", "b=5"), keysAndValues(headers));
        assertEquals(Schema.INT32_SCHEMA, headers.lastWithName("a").schema());
    }

    @Test
    void duplicateIsIndependentOfTheOriginal() {
        ConnectHeaders original = sample();
        ConnectHeaders copy = original.duplicate();

        assertNotSame(original, copy);
        assertEquals(original, copy);
        copy.addString("new", "x");
        copy.remove("a");
        original.clear();

        assertEquals(0, original.size());
        assertEquals(List.of("b=2", "c=true", "b=5", "new=x"), keysAndValues(copy));
    }

    @Test
    void copyConstructorCopiesAnyIterable() {
        ConnectHeaders original = sample();
        List<Header> list = new ArrayList<>();
        original.forEach(list::add);

        assertEquals(original, new ConnectHeaders(list));
        assertEquals(original, new ConnectHeaders(original));
        assertTrue(new ConnectHeaders(null).isEmpty());
    }

    @Test
    void clearEmptiesTheCollection() {
        ConnectHeaders headers = sample();
        assertSame(headers, headers.clear());
        assertTrue(headers.isEmpty());
        assertEquals(0, headers.size());
        assertFalse(headers.iterator().hasNext());
    }

    @Test
    void equalityDependsOnHeadersAndOrder() {
        Headers ab = new ConnectHeaders().addInt("a", 1).addInt("b", 2).duplicate();
        Headers ba = new ConnectHeaders().addInt("b", 2).addInt("a", 1).duplicate();
        ConnectHeaders ab2 = new ConnectHeaders();
        ab2.addInt("a", 1).addInt("b", 2);

        assertEquals(ab, ab2);
        assertEquals(ab.hashCode(), ab2.hashCode());
        assertNotEquals(ab, ba);
        assertNotEquals(ab, new ConnectHeaders().addInt("a", 1).addLong("b", 2L));
        assertFalse(ab.equals(null));
    }

    @Test
    void clearedAndNeverUsedCollectionsAreEqualWithApachesHash() {
        ConnectHeaders cleared = sample();
        cleared.clear();
        ConnectHeaders fresh = new ConnectHeaders();

        assertEquals(fresh, cleared);
        assertEquals(cleared, fresh);
        assertEquals(32, fresh.hashCode());
        assertEquals(32, cleared.hashCode());
    }

    @Test
    void hashCodeMatchesApache() {
        // Values printed by Apache connect-api 4.3.1 for the same headers. Schemas are left out on
        // purpose: a schema's hash includes an enum's identity hash, which differs between JVMs.
        ConnectHeaders headers = new ConnectHeaders();
        headers.add("a", "1", null).add("b", 2, null).add("a", "3", null);
        assertEquals(4972482, headers.hashCode());
        assertEquals(4980, headers.lastWithName("a").hashCode());
    }

    @Test
    void toStringMatchesApache() {
        Headers headers = new ConnectHeaders().addString("a", "1").addInt("b", 2).duplicate();
        assertEquals("ConnectHeaders(headers=[ConnectHeader(key=a, value=1, schema=Schema{STRING}), "
            + "ConnectHeader(key=b, value=2, schema=Schema{INT32})])", headers.toString());
        assertEquals("ConnectHeaders(headers=)", new ConnectHeaders().toString());
        ConnectHeaders emptied = new ConnectHeaders();
        emptied.addInt("x", 1).remove("x");
        assertEquals("ConnectHeaders(headers=[])", emptied.toString());
        assertEquals("ConnectHeaders(headers=[])", new ConnectHeaders(new ArrayList<>()).toString());
    }

    @Test
    void headersAreImmutableValues() {
        Header header = new ConnectHeaders().addString("a", "1").lastWithName("a");

        assertSame(header, header.rename("a"));
        Header renamed = header.rename("b");
        assertEquals("b", renamed.key());
        assertEquals("a", header.key());
        Header changed = header.with(Schema.INT32_SCHEMA, 1);
        assertEquals(new SchemaAndValue(Schema.STRING_SCHEMA, "1"), schemaAndValue(header));
        assertEquals(new SchemaAndValue(Schema.INT32_SCHEMA, 1), schemaAndValue(changed));
        assertThrows(NullPointerException.class, () -> header.rename(null));
    }

    @Test
    void headersEqualAnyHeaderWithTheSameKeySchemaAndValue() {
        Header header = new ConnectHeaders().addString("a", "1").lastWithName("a");
        Header foreign = new Header() {
            public String key() {
                return "a";
            }

            public Schema schema() {
                return Schema.STRING_SCHEMA;
            }

            public Object value() {
                return "1";
            }

            public Header with(Schema schema, Object value) {
                return this;
            }

            public Header rename(String key) {
                return this;
            }
        };

        assertEquals(header, foreign);
        assertNotEquals(header, new ConnectHeaders().add("a", "1", Schema.OPTIONAL_STRING_SCHEMA).lastWithName("a"));
        assertNotEquals(header, header.rename("b"));
        assertEquals("ConnectHeader(key=a, value=1, schema=Schema{STRING})", header.toString());
    }
}
