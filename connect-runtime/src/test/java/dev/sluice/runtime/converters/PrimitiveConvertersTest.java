package dev.sluice.runtime.converters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.converters.BooleanConverter;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.converters.IntegerConverter;
import org.apache.kafka.connect.converters.LongConverter;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.junit.jupiter.api.Test;

class PrimitiveConvertersTest {

    @Test
    void integerConverterWritesBigEndianAndReadsBackWithOptionalInt32Schema() {
        IntegerConverter converter = new IntegerConverter();
        converter.configure(Map.of(), false);
        byte[] bytes = converter.fromConnectData("t", Schema.INT32_SCHEMA, 258);
        assertArrayEquals(new byte[] {0, 0, 1, 2}, bytes);
        assertEquals(new SchemaAndValue(Schema.OPTIONAL_INT32_SCHEMA, 258), converter.toConnectData("t", bytes));
    }

    @Test
    void nullConvertsToNullBothWays() {
        LongConverter converter = new LongConverter();
        converter.configure(Map.of(), true);
        assertNull(converter.fromConnectData("t", null, null));
        assertNull(converter.toConnectData("t", null).value());
    }

    @Test
    void numberConverterRejectsValueOfAnotherTypeWithDataException() {
        IntegerConverter converter = new IntegerConverter();
        converter.configure(Map.of(), false);
        DataException e = assertThrows(DataException.class, () -> converter.fromConnectData("t", null, "12"));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }

    @Test
    void numberConverterRejectsBytesOfTheWrongLength() {
        IntegerConverter converter = new IntegerConverter();
        converter.configure(Map.of(), false);
        assertThrows(DataException.class, () -> converter.toConnectData("t", new byte[] {1, 2}));
    }

    @Test
    void booleanConverterUsesOneByteAndChecksTheSchema() {
        BooleanConverter converter = new BooleanConverter();
        converter.configure(Map.of(), false);
        assertArrayEquals(new byte[] {1}, converter.fromConnectData("t", Schema.BOOLEAN_SCHEMA, true));
        assertArrayEquals(new byte[] {0}, converter.fromConnectHeader("t", "h", null, false));
        assertEquals(Boolean.TRUE, converter.toConnectHeader("t", "h", new byte[] {1}).value());
        assertThrows(DataException.class, () -> converter.fromConnectData("t", Schema.STRING_SCHEMA, true));
    }

    @Test
    void byteArrayConverterPassesBytesThroughAndRejectsOtherSchemas() {
        ByteArrayConverter converter = new ByteArrayConverter();
        byte[] payload = {7, 8};
        assertArrayEquals(payload, converter.fromConnectData("t", Schema.BYTES_SCHEMA, payload));
        assertEquals(Schema.OPTIONAL_BYTES_SCHEMA, converter.toConnectData("t", payload).schema());
        assertThrows(DataException.class, () -> converter.fromConnectData("t", Schema.INT32_SCHEMA, payload));
        assertThrows(DataException.class, () -> converter.fromConnectData("t", null, 5));
    }

    @Test
    void everyPrimitiveConverterIsRegisteredAsConverterAndHeaderConverter() {
        Set<String> expected = Set.of("ByteArrayConverter", "BooleanConverter", "ShortConverter", "IntegerConverter",
            "LongConverter", "FloatConverter", "DoubleConverter");
        assertTrue(simpleNames(Converter.class).containsAll(expected));
        assertTrue(simpleNames(HeaderConverter.class).containsAll(expected));
    }

    private static <T> Set<String> simpleNames(Class<T> service) {
        return ServiceLoader.load(service).stream().map(p -> p.type().getSimpleName()).collect(Collectors.toSet());
    }
}
