package dev.sluice.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.InsertField;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.apache.kafka.connect.transforms.ReplaceField;
import org.apache.kafka.connect.transforms.TimestampConverter;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Builds the benchmark's transform chain and input record with one implementation of the transforms, ours or
 * (defined again inside Apache's class loader) Apache's, and hands back JDK-typed operations. It references
 * nothing of ours but its own nested code, so that the same bytecode links to Apache's classes when loaded there.
 *
 * <p>The chain, configured as a connector would configure it:
 * <ol>
 *   <li>{@code ReplaceField$Value}: {@code exclude=internal_note}, {@code renames=cust_name:customer};</li>
 *   <li>{@code InsertField$Value}: {@code topic.field=source_topic}, {@code timestamp.field=ingested_at};</li>
 *   <li>{@code TimestampConverter$Value}: {@code field=created_at} (unix milliseconds, int64),
 *       {@code target.type=Timestamp};</li>
 *   <li>{@code RegexRouter}: {@code regex=(.*)-raw}, {@code replacement=$1} (topic {@code orders-raw} becomes
 *       {@code orders}).</li>
 * </ol>
 *
 * <p>Output: {@code Object[]{run, describe, close}} where {@code run} is a {@code Supplier<Object>} that applies
 * the chain to the one input record (the transforms never mutate their input, so the same record is reused) and
 * returns the resulting record, {@code describe} a {@code Function<Object, List<Object>>} that renders a record
 * of this side as JDK values for comparison across class loaders, and {@code close} a {@code Runnable} that
 * closes the transforms.
 */
public class TransformChainDriver implements Supplier<Object[]> {

    /** The topic of the input record; {@code RegexRouter} strips the {@code -raw} suffix. */
    static final String INPUT_TOPIC = "orders-raw";

    @Override
    public Object[] get() {
        List<Transformation<SourceRecord>> chain = chain();
        SourceRecord input = record();
        Supplier<Object> run = () -> applyChain(chain, input);
        Function<Object, List<Object>> describe = record -> describeRecord((SourceRecord) record);
        Runnable close = () -> chain.forEach(Transformation::close);
        return new Object[]{run, describe, close};
    }

    static List<Transformation<SourceRecord>> chain() {
        List<Transformation<SourceRecord>> chain = new ArrayList<>();
        chain.add(configured(new ReplaceField.Value<>(),
            Map.of("exclude", "internal_note", "renames", "cust_name:customer")));
        chain.add(configured(new InsertField.Value<>(),
            Map.of("topic.field", "source_topic", "timestamp.field", "ingested_at")));
        chain.add(configured(new TimestampConverter.Value<>(),
            Map.of("field", "created_at", "target.type", "Timestamp")));
        chain.add(configured(new RegexRouter<>(), Map.of("regex", "(.*)-raw", "replacement", "$1")));
        return chain;
    }

    private static Transformation<SourceRecord> configured(Transformation<SourceRecord> transform,
                                                           Map<String, String> config) {
        transform.configure(config);
        return transform;
    }

    /** Runs each transform in order, as a task's pipeline does; a null (dropped) record ends the chain. */
    static SourceRecord applyChain(List<Transformation<SourceRecord>> chain, SourceRecord record) {
        SourceRecord current = record;
        for (int i = 0; i < chain.size() && current != null; i++) {
            current = chain.get(i).apply(current);
        }
        return current;
    }

    /** A change-data record: a ten-field struct with schema, keyed by its id, from a source partition. */
    static SourceRecord record() {
        Schema schema = SchemaBuilder.struct().name("com.example.orders.OrderRaw").version(1)
            .field("id", Schema.INT64_SCHEMA)
            .field("cust_name", Schema.STRING_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("active", Schema.BOOLEAN_SCHEMA)
            .field("score", Schema.FLOAT64_SCHEMA)
            .field("quantity", Schema.INT32_SCHEMA)
            .field("amount", Decimal.builder(2).optional().build())
            .field("created_at", Schema.INT64_SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("internal_note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
        Struct value = new Struct(schema)
            .put("id", 9_007_199_254_740_993L)
            .put("cust_name", "Jane Q. Public")
            .put("email", "jane.public@example.com")
            .put("active", true)
            .put("score", 0.8743218734)
            .put("quantity", 42)
            .put("amount", new BigDecimal("1234.56"))
            .put("created_at", 1_714_000_000_123L)
            .put("tags", List.of("priority", "gift-wrap", "express"))
            .put("internal_note", "checked by the fraud team");
        return new SourceRecord(Map.of("table", "orders"), Map.of("lsn", 4_711L), INPUT_TOPIC, 0,
            Schema.INT64_SCHEMA, 9_007_199_254_740_993L, schema, value, 1_714_000_060_000L);
    }

    /** The record's routing and data as plain JDK values: {@code [topic, partition, timestamp, key, schema, value]}. */
    static List<Object> describeRecord(SourceRecord record) {
        List<Object> description = new ArrayList<>();
        description.add(record.topic());
        description.add(record.kafkaPartition());
        description.add(record.timestamp());
        description.add(record.key());
        description.add(describeSchema(record.valueSchema()));
        description.add(describeValue(record.value()));
        return description;
    }

    private static Object describeSchema(Schema schema) {
        if (schema == null) {
            return null;
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("type", schema.type().name());
        description.put("optional", schema.isOptional());
        description.put("name", schema.name());
        description.put("version", schema.version());
        description.put("parameters", schema.parameters());
        switch (schema.type()) {
            case STRUCT -> {
                List<Object> fields = new ArrayList<>();
                for (Field field : schema.fields()) {
                    fields.add(List.of(field.index(), field.name(), describeSchema(field.schema())));
                }
                description.put("fields", fields);
            }
            case ARRAY -> description.put("valueSchema", describeSchema(schema.valueSchema()));
            case MAP -> {
                description.put("keySchema", describeSchema(schema.keySchema()));
                description.put("valueSchema", describeSchema(schema.valueSchema()));
            }
            default -> {
            }
        }
        return description;
    }

    private static Object describeValue(Object value) {
        if (value instanceof Struct struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                fields.put(field.name(), describeValue(struct.get(field)));
            }
            return fields;
        }
        // Everything else in this record is a JDK value (String, Long, Date, BigDecimal, List...).
        return value;
    }
}
