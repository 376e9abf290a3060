package org.apache.kafka.connect.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.junit.jupiter.api.Test;

class StringConverterTest {

    private static final String TEXT = "h\u00e9";
    private static final byte[] TEXT_UTF8 = {104, -61, -87};
    private static final byte[] TEXT_UTF16 = {-2, -1, 0, 104, 0, -23};

    private static StringConverter configured(Map<String, ?> configs, boolean isKey) {
        StringConverter converter = new StringConverter();
        converter.configure(configs, isKey);
        return converter;
    }

    @Test
    void usesUtf8WhenUnconfiguredOrByDefault() {
        assertArrayEquals(TEXT_UTF8, new StringConverter().fromConnectData("t", null, TEXT));
        assertArrayEquals(TEXT_UTF8, configured(Map.of(), false).fromConnectData("t", Schema.STRING_SCHEMA, TEXT));
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, TEXT),
            configured(Map.of(), true).toConnectData("t", TEXT_UTF8));
    }

    @Test
    void converterEncodingAppliesToKeysAndValues() {
        Map<String, String> utf16 = Map.of("converter.encoding", "UTF-16");
        assertArrayEquals(TEXT_UTF16, configured(utf16, false).fromConnectData("t", null, TEXT));
        assertArrayEquals(TEXT_UTF16, configured(utf16, true).fromConnectData("t", null, TEXT));
        assertEquals(TEXT, configured(utf16, true).toConnectData("t", TEXT_UTF16).value());
        assertArrayEquals(new byte[] {104, -23},
            configured(Map.of("converter.encoding", "ISO-8859-1"), false).fromConnectData("t", null, TEXT));
    }

    @Test
    void prefixedConverterKeysAreNotReadBecauseTheWorkerStripsThePrefix() {
        // The worker passes "key.converter.encoding" to the key converter as "converter.encoding".
        assertArrayEquals(TEXT_UTF8,
            configured(Map.of("key.converter.encoding", "UTF-16"), true).fromConnectData("t", null, TEXT));
        assertArrayEquals(TEXT_UTF8,
            configured(Map.of("value.converter.encoding", "UTF-16"), false).fromConnectData("t", null, TEXT));
    }

    @Test
    void serializerEncodingKeysForTheConvertersRoleWinOverConverterEncoding() {
        assertArrayEquals(TEXT_UTF16,
            configured(Map.of("key.serializer.encoding", "UTF-16"), true).fromConnectData("t", null, TEXT));
        assertArrayEquals(TEXT_UTF8,
            configured(Map.of("key.serializer.encoding", "UTF-16"), false).fromConnectData("t", null, TEXT));
        assertArrayEquals(TEXT_UTF16, configured(Map.of("value.serializer.encoding", "UTF-16",
            "converter.encoding", "ISO-8859-1"), false).fromConnectData("t", null, TEXT));
        assertArrayEquals(TEXT_UTF8,
            configured(Map.of("serializer.encoding", "UTF-16"), false).fromConnectData("t", null, TEXT),
            "converter.encoding (default UTF-8) replaces a plain serializer.encoding");
    }

    @Test
    void configureWithoutIsKeyReadsTheConverterType() {
        StringConverter header = new StringConverter();
        header.configure(Map.of("converter.type", "header", "converter.encoding", "UTF-16"));
        assertArrayEquals(TEXT_UTF16, header.fromConnectHeader("t", "h", null, TEXT));
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, TEXT), header.toConnectHeader("t", "h", TEXT_UTF16));

        StringConverter key = new StringConverter();
        key.configure(Map.of("converter.type", "key", "key.serializer.encoding", "UTF-16"));
        assertArrayEquals(TEXT_UTF16, key.fromConnectData("t", null, TEXT));

        assertThrows(ConfigException.class, () -> new StringConverter().configure(Map.of()));
        assertThrows(ConfigException.class, () -> new StringConverter().configure(Map.of("converter.type", "KEY")));
    }

    @Test
    void isKeyOverridesAConfiguredType() {
        assertArrayEquals(TEXT_UTF16, configured(Map.of("converter.type", "header", "key.serializer.encoding", "UTF-16"),
            true).fromConnectData("t", null, TEXT));
    }

    @Test
    void unknownEncodingsFailAtConfiguration() {
        SerializationException e = assertThrows(SerializationException.class,
            () -> configured(Map.of("converter.encoding", "NOPE-9"), false));
        assertEquals("Unsupported encoding NOPE-9", e.getMessage());
        assertThrows(ConfigException.class, () -> configured(Map.of("converter.encoding", 5), false));
    }

    @Test
    void anyValueIsConvertedWithToStringAndNullStaysNull() {
        StringConverter converter = configured(Map.of(), false);
        assertArrayEquals("42".getBytes(StandardCharsets.UTF_8), converter.fromConnectData("t", Schema.INT32_SCHEMA, 42));
        assertArrayEquals("5".getBytes(StandardCharsets.UTF_8), converter.fromConnectHeader("t", "h", null, 5));
        assertNull(converter.fromConnectData("t", null, null));
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, null), converter.toConnectData("t", null));
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, ""), converter.toConnectData("t", new byte[0]));
    }

    @Test
    void configDefDescribesTypeAndEncoding() {
        ConfigDef def = new StringConverter().config();
        ConfigDef.ConfigKey encoding = def.configKeys().get(StringConverterConfig.ENCODING_CONFIG);
        assertEquals(ConfigDef.Type.STRING, encoding.type);
        assertEquals("UTF-8", encoding.defaultValue);
        assertEquals(ConfigDef.Importance.HIGH, encoding.importance);
        assertEquals(ConfigDef.Width.MEDIUM, encoding.width);
        assertEquals("Encoding", encoding.displayName);
        ConfigDef.ConfigKey type = def.configKeys().get(ConverterConfig.TYPE_CONFIG);
        assertEquals(ConfigDef.NO_DEFAULT_VALUE, type.defaultValue);
        assertEquals(ConfigDef.Importance.LOW, type.importance);
        assertEquals("[key, value, header]", type.validator.toString());
    }

    @Test
    void configExposesEncodingAndType() {
        StringConverterConfig config = new StringConverterConfig(Map.of("converter.type", "value"));
        assertEquals("UTF-8", config.encoding());
        assertEquals(ConverterType.VALUE, config.type());
        assertEquals("UTF-8", StringConverterConfig.ENCODING_DEFAULT);
    }

    @Test
    void closeIsIdempotent() {
        StringConverter converter = configured(Map.of(), false);
        converter.close();
        converter.close();
        assertEquals(org.apache.kafka.common.utils.AppInfoParser.getVersion(), converter.version());
    }
}
