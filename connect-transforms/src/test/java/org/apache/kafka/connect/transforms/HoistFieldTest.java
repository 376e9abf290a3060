package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class HoistFieldTest {

    private static SourceRecord valueRecord(Schema schema, Object value) {
        return new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "k", schema, value, 42L);
    }

    private static HoistField<SourceRecord> value(String field) {
        HoistField<SourceRecord> transform = new HoistField.Value<>();
        transform.configure(Map.of("field", field));
        return transform;
    }

    @Test
    void wrapsAValueWithSchemaInAOneFieldStruct() {
        Schema named = SchemaBuilder.int64().name("nm").version(3).doc("dd").defaultValue(4L).build();
        SourceRecord result = value("f").apply(valueRecord(named, 8L));
        Schema schema = result.valueSchema();
        assertEquals(Schema.Type.STRUCT, schema.type());
        assertEquals(1, schema.fields().size());
        assertSame(named, schema.field("f").schema(), "the wrapped schema is kept as it is");
        assertEquals(8L, ((Struct) result.value()).get("f"));
        assertEquals("k", result.key());
    }

    @Test
    void nullWithOptionalSchemaIsWrappedToo() {
        Struct wrapped = (Struct) value("f").apply(valueRecord(Schema.OPTIONAL_INT32_SCHEMA, null)).value();
        assertNull(wrapped.get("f"));
    }

    @Test
    void nullWithRequiredSchemaIsAnError() {
        assertThrows(DataException.class, () -> value("f").apply(valueRecord(Schema.INT32_SCHEMA, null)));
    }

    @Test
    void wrapsSchemalessDataInAMutableMap() {
        SourceRecord result = value("f").apply(valueRecord(null, 5));
        assertNull(result.valueSchema());
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) result.value();
        assertEquals(Map.of("f", 5), map);
        map.put("other", 1);
        Map<String, Object> nullWrapped = new HashMap<>();
        nullWrapped.put("f", null);
        assertEquals(nullWrapped, value("f").apply(valueRecord(null, null)).value());
    }

    @Test
    void reusesTheWrapperSchemaForTheSameInputSchema() {
        HoistField<SourceRecord> transform = value("f");
        Schema first = transform.apply(valueRecord(Schema.INT32_SCHEMA, 1)).valueSchema();
        assertSame(first, transform.apply(valueRecord(Schema.INT32_SCHEMA, 2)).valueSchema());
    }

    @Test
    void keyVariantWrapsTheKey() {
        HoistField<SourceRecord> transform = new HoistField.Key<>();
        transform.configure(Map.of("field", "id"));
        SourceRecord result = transform.apply(new SourceRecord(null, null, "t", 0, Schema.STRING_SCHEMA, "k",
            Schema.STRING_SCHEMA, "v", 1L));
        assertEquals("k", ((Struct) result.key()).get("id"));
        assertEquals("v", result.value());
    }

    @Test
    void fieldIsRequired() {
        assertThrows(ConfigException.class, () -> new HoistField.Value<SourceRecord>().configure(Map.of()));
    }
}
