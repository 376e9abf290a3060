package org.apache.kafka.connect.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.junit.jupiter.api.Test;

/** Behaviour of our converter beyond byte identity with Apache (which the differential test covers). */
class JsonConverterTest {

    private static JsonConverter converter(Map<String, Object> config) {
        JsonConverter converter = new JsonConverter();
        converter.configure(config, false);
        return converter;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesAndReadsAStructInsideTheEnvelope() {
        JsonConverter converter = converter(Map.of());
        Schema schema = SchemaBuilder.struct().name("Point").field("x", Schema.INT32_SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build()).build();
        Struct point = new Struct(schema).put("x", 3).put("tags", List.of("a"));

        byte[] json = converter.fromConnectData("t", schema, point);

        assertEquals("{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"x\"},"
            + "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"optional\":false},\"optional\":false,\"field\":\"tags\"}],"
            + "\"optional\":false,\"name\":\"Point\"},\"payload\":{\"x\":3,\"tags\":[\"a\"]}}",
            new String(json, StandardCharsets.UTF_8));
        SchemaAndValue back = converter.toConnectData("t", json);
        assertEquals(schema, back.schema());
        assertEquals(point, back.value());
    }

    @Test
    void schemaCachesAreBoundedBySchemasCacheSize() {
        JsonConverter converter = converter(Map.of(JsonConverterConfig.SCHEMAS_CACHE_SIZE_CONFIG, 2));
        for (int version = 1; version <= 5; version++) {
            Schema schema = SchemaBuilder.int32().version(version).build();
            byte[] json = converter.fromConnectData("t", schema, 1);
            converter.toConnectData("t", json);
        }
        assertEquals(2, converter.sizeOfFromConnectSchemaCache(), "schema to JSON cache");
        assertEquals(2, converter.sizeOfToConnectSchemaCache(), "JSON to schema cache");
    }

    @Test
    void repeatedSchemaTextYieldsTheCachedSchema() {
        JsonConverter converter = converter(Map.of());
        byte[] first = utf8("{\"schema\":{\"type\":\"int64\",\"optional\":true},\"payload\":1}");
        byte[] second = utf8("{\"schema\":{\"type\":\"int64\",\"optional\":true},\"payload\":2}");
        assertSame(converter.toConnectData("t", first).schema(), converter.toConnectData("t", second).schema());
    }

    @Test
    void payloadBeforeSchemaReadsLikeSchemaFirst() {
        JsonConverter converter = converter(Map.of());
        SchemaAndValue schemaFirst = converter.toConnectData("t",
            utf8("{\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},\"values\":{\"type\":\"string\"}},"
                + "\"payload\":[[1,\"a\"]]}"));
        SchemaAndValue payloadFirst = converter.toConnectData("t",
            utf8("{\"payload\":[[1,\"a\"]],\"schema\":{\"type\":\"map\",\"keys\":{\"type\":\"int32\"},"
                + "\"values\":{\"type\":\"string\"}}}"));
        assertEquals(schemaFirst, payloadFirst);
        assertEquals(Map.of(1, "a"), payloadFirst.value());
    }

    @Test
    void truncatedJsonIsADataExceptionNamingSerialization() {
        JsonConverter converter = converter(Map.of());
        DataException e = assertThrows(DataException.class,
            () -> converter.toConnectData("t", utf8("{\"schema\":{\"type\":\"int32\"},\"payload\":[1,")));
        assertTrue(e.getMessage().contains("serialization error"), e.getMessage());
    }

    @Test
    void unknownSchemaTypeIsNamed() {
        JsonConverter converter = converter(Map.of());
        DataException e = assertThrows(DataException.class,
            () -> converter.toConnectData("t", utf8("{\"schema\":{\"type\":\"int128\"},\"payload\":1}")));
        assertEquals("Unknown schema type: int128", e.getMessage());
    }

    @Test
    void plainJsonWithSchemasEnabledExplainsTheEnvelope() {
        JsonConverter converter = converter(Map.of());
        DataException e = assertThrows(DataException.class, () -> converter.toConnectData("t", utf8("{\"a\":1}")));
        assertTrue(e.getMessage().contains("schemas.enable=false"), e.getMessage());
    }

    @Test
    void schemaContentIsUsedForPayloadsWithoutEnvelope() {
        JsonConverter converter = converter(Map.of(JsonConverterConfig.SCHEMA_CONTENT_CONFIG, "{\"type\":\"int16\"}"));
        SchemaAndValue read = converter.toConnectData("t", utf8("12"));
        assertEquals(Schema.INT16_SCHEMA, read.schema());
        assertEquals((short) 12, read.value());
    }

    @Test
    void malformedSchemaContentFailsConfiguration() {
        DataException e = assertThrows(DataException.class,
            () -> converter(Map.of(JsonConverterConfig.SCHEMA_CONTENT_CONFIG, "{\"type\":")));
        assertTrue(e.getMessage().contains("schema"), e.getMessage());
    }

    @Test
    void schemalessJsonBecomesJavaCollections() {
        JsonConverter converter = converter(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, false));
        SchemaAndValue read = converter.toConnectData("t", utf8("{\"a\":[1,2.5,true,null,\"x\"]}"));
        assertNull(read.schema());
        assertEquals(Map.of("a", java.util.Arrays.asList(1L, 2.5, true, null, "x")), read.value());
    }

    @Test
    void nullsAreTombstones() {
        JsonConverter converter = converter(Map.of());
        assertNull(converter.fromConnectData("t", null, null));
        assertSame(SchemaAndValue.NULL, converter.toConnectData("t", null));
    }

    @Test
    void unconfiguredConverterSaysItMustBeConfigured() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> new JsonConverter().fromConnectData("t", Schema.INT32_SCHEMA, 1));
        assertTrue(e.getMessage().contains("configured"), e.getMessage());
    }

    @Test
    void serviceManifestsRegisterTheConverterForValuesAndHeaders() {
        List<String> converters = ServiceLoader.load(Converter.class).stream()
            .map(p -> p.type().getName()).collect(Collectors.toList());
        List<String> headerConverters = ServiceLoader.load(HeaderConverter.class).stream()
            .map(p -> p.type().getName()).collect(Collectors.toList());
        assertTrue(converters.contains(JsonConverter.class.getName()), converters.toString());
        assertTrue(headerConverters.contains(JsonConverter.class.getName()), headerConverters.toString());
    }

    @Test
    void schemaJsonTreeHasTheSameShapeAsTheBytes() {
        JsonConverter converter = converter(Map.of());
        Schema schema = SchemaBuilder.int16().optional().defaultValue((short) 4).doc("d").build();
        String tree = converter.asJsonSchema(schema).toString();
        String bytes = new String(converter.fromConnectData("t", schema, (short) 1), StandardCharsets.UTF_8);
        assertTrue(bytes.startsWith("{\"schema\":" + tree + ","), bytes + " vs " + tree);
        assertFalse(converter.asJsonSchema(schema) == converter.asJsonSchema(schema),
            "callers get their own tree, so changing one cannot corrupt the cache");
    }
}
