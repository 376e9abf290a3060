package dev.sluice.runtime.converters;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * Runs one converter call described in JDK types and renders the outcome as text, so the same call
 * can be made against Apache's converters and ours and the answers compared.
 *
 * <p>Input: {@code [converterClass, mode ("key"|"value"|"header"), config Map, operation
 * ("from"|"to"), schemaType name or null, value]}.
 */
public class ConverterDriver implements Function<Object[], String> {

    @Override
    public String apply(Object[] call) {
        try {
            return run(call);
        } catch (Throwable e) {
            return "throws " + e.getClass().getName();
        }
    }

    @SuppressWarnings("unchecked")
    private String run(Object[] call) throws Exception {
        Class<?> type = Class.forName((String) call[0], true, getClass().getClassLoader());
        Object converter = type.getDeclaredConstructor().newInstance();
        String mode = (String) call[1];
        Map<String, Object> config = (Map<String, Object>) call[2];
        String operation = (String) call[3];
        Schema schema = call[4] == null ? null : SchemaBuilder.type(Schema.Type.valueOf((String) call[4])).optional().build();
        Object value = call[5];
        if (mode.equals("header")) {
            HeaderConverter headers = (HeaderConverter) converter;
            headers.configure(config);
            return operation.equals("from")
                ? render(headers.fromConnectHeader("topic", "h", schema, value), value)
                : render(headers.toConnectHeader("topic", "h", (byte[]) value));
        }
        Converter data = (Converter) converter;
        data.configure(config, mode.equals("key"));
        return operation.equals("from")
            ? render(data.fromConnectData("topic", schema, value), value)
            : render(data.toConnectData("topic", (byte[]) value));
    }

    private static String render(byte[] bytes, Object input) {
        String text = bytes == null ? "null" : Arrays.toString(bytes);
        if (input instanceof ByteBuffer buffer) {
            text += " position=" + buffer.position() + " limit=" + buffer.limit();
        }
        return text;
    }

    private static String render(SchemaAndValue result) {
        Schema schema = result.schema();
        String schemaText = schema == null ? "null" : schema.type() + (schema.isOptional() ? "?" : "");
        Object value = result.value();
        String valueText = value instanceof byte[] bytes ? Arrays.toString(bytes)
            : value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
        return schemaText + " " + valueText;
    }
}
