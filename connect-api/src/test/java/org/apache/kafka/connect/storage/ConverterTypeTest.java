package org.apache.kafka.connect.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.junit.jupiter.api.Test;

class ConverterTypeTest {

    @Test
    void namesAreLowerCase() {
        assertEquals("key", ConverterType.KEY.getName());
        assertEquals("value", ConverterType.VALUE.getName());
        assertEquals("header", ConverterType.HEADER.getName());
    }

    @Test
    void withNameIgnoresCaseAndReturnsNullForUnknownNames() {
        assertEquals(ConverterType.KEY, ConverterType.withName("key"));
        assertEquals(ConverterType.KEY, ConverterType.withName("KEY"));
        assertEquals(ConverterType.VALUE, ConverterType.withName("Value"));
        assertEquals(ConverterType.HEADER, ConverterType.withName("header"));
        assertNull(ConverterType.withName("nope"));
        assertNull(ConverterType.withName(" key "), "no trimming");
        assertNull(ConverterType.withName(null));
    }

    @Test
    void newConfigDefReturnsAFreshDefinitionEachTime() {
        assertTrue(ConverterConfig.newConfigDef() != ConverterConfig.newConfigDef());
        assertEquals(List.of("converter.type"), new ArrayList<>(ConverterConfig.newConfigDef().names()));
    }

    @Test
    void converterDefaultMethodsDelegateToThePlainVariants() throws Exception {
        Converter converter = new Converter() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
            }

            @Override
            public byte[] fromConnectData(String topic, Schema schema, Object value) {
                return new byte[] {7};
            }

            @Override
            public SchemaAndValue toConnectData(String topic, byte[] value) {
                return new SchemaAndValue(Schema.INT8_SCHEMA, value == null ? null : value[0]);
            }
        };
        assertArrayEquals(new byte[] {7}, converter.fromConnectData("t", new RecordHeaders(), null, "x"));
        assertEquals(new SchemaAndValue(Schema.INT8_SCHEMA, (byte) 3),
            converter.toConnectData("t", new RecordHeaders(), new byte[] {3}));
        assertEquals("undefined", converter.version());
        assertTrue(converter.config().names().isEmpty());
        converter.close();
    }

    @Test
    void serviceManifestsListTheBuiltInConverters() {
        List<String> converters = new ArrayList<>();
        ServiceLoader.load(Converter.class).stream().forEach(p -> converters.add(p.type().getName()));
        List<String> headerConverters = new ArrayList<>();
        ServiceLoader.load(HeaderConverter.class).stream().forEach(p -> headerConverters.add(p.type().getName()));

        assertEquals(List.of(StringConverter.class.getName()), converters);
        assertEquals(List.of(SimpleHeaderConverter.class.getName(), StringConverter.class.getName()), headerConverters);
    }
}
