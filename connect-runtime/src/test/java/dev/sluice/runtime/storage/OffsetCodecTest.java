package dev.sluice.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetCodecTest {

    private final OffsetCodec codec = new OffsetCodec();

    @Test
    void keyIsCompactJsonArrayOfConnectorAndPartitionInIterationOrder() {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("z", "last");
        partition.put("a", 1);
        assertEquals("[\"my-conn\",{\"z\":\"last\",\"a\":1}]", text(codec.encodeKey("my-conn", partition)));
    }

    @Test
    void nullPartitionIsSerializedAsJsonNull() {
        assertEquals("[\"c\",null]", text(codec.encodeKey("c", null)));
    }

    @Test
    void valueIsCompactJsonObjectAndNullOffsetIsNull() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("position", 42L);
        offset.put("done", false);
        offset.put("ratio", 0.5);
        offset.put("missing", null);
        assertEquals("{\"position\":42,\"done\":false,\"ratio\":0.5,\"missing\":null}", text(codec.encodeValue("c", offset)));
        assertNull(codec.encodeValue("c", null), "a null offset is a deletion");
    }

    @Test
    void valueReadsBackWithIntegersAsLong() {
        Map<String, Object> decoded = codec.decodeValue("c", bytes("{\"position\":42,\"name\":\"x\",\"f\":1.25,\"n\":null}"));
        Map<String, Object> expected = new HashMap<>();
        expected.put("position", 42L);
        expected.put("name", "x");
        expected.put("f", 1.25);
        expected.put("n", null);
        assertEquals(expected, decoded);
        assertNull(codec.decodeValue("c", null), "null bytes decode to a null offset");
    }

    @Test
    void valueThatIsNotAnObjectOfPrimitivesIsRejected() {
        DataException array = assertThrows(DataException.class, () -> codec.decodeValue("c", bytes("[1,2]")));
        assertTrue(array.getMessage().contains("must be a Map"), array.getMessage());
        DataException nested = assertThrows(DataException.class, () -> codec.decodeValue("c", bytes("{\"a\":{\"b\":1}}")));
        assertTrue(nested.getMessage().contains("field 'a'"), nested.getMessage());
    }

    @Test
    void partitionWithNonStringKeyIsRejectedNamingTheKey() {
        Map<Object, Object> partition = new HashMap<>();
        partition.put(7, "x");
        DataException e = assertThrows(DataException.class, () -> codec.encodeKey("c", cast(partition)));
        assertEquals("Source partition may only use String keys, got key '7' of type java.lang.Integer", e.getMessage());
    }

    @Test
    void offsetWithNonPrimitiveValuesIsRejectedNamingTheField() {
        Schema schema = SchemaBuilder.struct().field("f", Schema.INT32_SCHEMA).build();
        for (Object bad : List.of(List.of(1), Map.of("x", 1), new Struct(schema).put("f", 1), new BigDecimal("1.5"), new Object())) {
            DataException e = assertThrows(DataException.class, () -> codec.encodeValue("c", Map.of("pos", bad)),
                "offset value " + bad.getClass().getName() + " must be rejected");
            assertTrue(e.getMessage().startsWith("Source offset field 'pos' must be null or a primitive value"), e.getMessage());
        }
    }

    @Test
    void offsetOfEveryPrimitiveTypeIsAccepted() {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("i8", (byte) 1);
        offset.put("i16", (short) 2);
        offset.put("i32", 3);
        offset.put("i64", 4L);
        offset.put("f32", 5.5f);
        offset.put("f64", 6.5);
        offset.put("b", true);
        offset.put("s", "x");
        offset.put("bytes", new byte[] {0});
        offset.put("buffer", ByteBuffer.wrap(new byte[] {1}));
        assertEquals("{\"i8\":1,\"i16\":2,\"i32\":3,\"i64\":4,\"f32\":5.5,\"f64\":6.5,\"b\":true,\"s\":\"x\",\"bytes\":\"AA==\",\"buffer\":\"AQ==\"}",
            text(codec.encodeValue("c", offset)));
    }

    @Test
    void keyReadsBackToConnectorAndPartition() {
        Optional<ConnectorPartition> decoded = codec.decodeKey(bytes("[\"my-conn\",{\"file\":\"a\",\"n\":3}]"));
        assertEquals(Optional.of(new ConnectorPartition("my-conn", Map.of("file", "a", "n", 3L))), decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"c\",null]", "{\"c\":1}", "[\"c\"]", "[\"c\",{},1]", "[1,{}]", "[\"c\",[1]]", "\"c\"", "null", "not json", "[\"c\",{\"a\""})
    void keysThatAreNotConnectorPartitionPairsAreIgnored(String key) {
        assertEquals(Optional.empty(), codec.decodeKey(bytes(key)), "key " + key);
    }

    @Test
    void encodedKeyDecodesToTheSamePartition() {
        Map<String, Object> partition = Map.of("topic", "t", "partition", 5L);
        assertEquals(Optional.of(new ConnectorPartition("x", partition)), codec.decodeKey(codec.encodeKey("x", partition)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer buffer) {
        return new String(ByteBuffers.toArray(buffer), StandardCharsets.UTF_8);
    }
}
