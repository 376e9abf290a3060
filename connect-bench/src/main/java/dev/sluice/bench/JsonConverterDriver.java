package dev.sluice.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Sets up one JsonConverter, ours or (defined again inside Apache's class loader) Apache's, with the benchmark
 * record, and hands back JDK-typed operations: a {@code Supplier<byte[]>} that runs {@code fromConnectData} and
 * a {@code Function<byte[], Object>} that runs {@code toConnectData}. It references nothing of ours but its own
 * nested code, so that the same bytecode links to Apache's classes when loaded there.
 *
 * <p>Input: the converter configuration; output: {@code Object[]{writer, reader, sampleJson}}.
 */
public class JsonConverterDriver implements Function<Map<String, Object>, Object[]> {

    @Override
    public Object[] apply(Map<String, Object> config) {
        JsonConverter converter = new JsonConverter();
        converter.configure(config, false);
        Schema schema = recordSchema();
        Struct record = record(schema);
        Supplier<byte[]> writer = () -> converter.fromConnectData("bench", schema, record);
        Function<byte[], Object> reader = bytes -> converter.toConnectData("bench", bytes);
        return new Object[]{writer, reader, writer.get()};
    }

    /** Ten fields, among them a nested array and a map, typical of a change-data record. */
    static Schema recordSchema() {
        return SchemaBuilder.struct().name("com.example.orders.Order").version(3)
            .field("id", Schema.INT64_SCHEMA)
            .field("customer", Schema.STRING_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("active", Schema.BOOLEAN_SCHEMA)
            .field("score", Schema.FLOAT64_SCHEMA)
            .field("quantity", Schema.INT32_SCHEMA)
            .field("amount", Decimal.builder(2).optional().build())
            .field("created", Timestamp.SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("attributes", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).optional().build())
            .build();
    }

    static Struct record(Schema schema) {
        List<String> tags = new ArrayList<>(List.of("priority", "gift-wrap", "express", "fragile", "eu-west"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("channel", "web");
        attributes.put("campaign", "spring-sale-2024");
        attributes.put("warehouse", "AMS-3");
        attributes.put("currency", "EUR");
        attributes.put("note", "Leave at the front door, ring twice \u00e9\u00e8");
        return new Struct(schema)
            .put("id", 9_007_199_254_740_993L)
            .put("customer", "Jane Q. Public")
            .put("email", "jane.public@example.com")
            .put("active", true)
            .put("score", 0.8743218734)
            .put("quantity", 42)
            .put("amount", new BigDecimal("1234.56"))
            .put("created", new java.util.Date(1_714_000_000_123L))
            .put("tags", tags)
            .put("attributes", attributes);
    }
}
