package dev.sluice.runtime.converters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every primitive converter, as key, value and header converter, must give byte for byte the
 * answers of Apache's connect-runtime 4.3.1 (or fail with the same exception class).
 */
class PrimitiveConvertersDifferentialTest {

    private static final String PACKAGE = "org.apache.kafka.connect.converters.";
    private static ApacheClassLoader apache;
    private static Function<Object[], String> theirs;
    private static final Function<Object[], String> OURS = new ConverterDriver();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadApache() {
        apache = ApacheClassLoader.forArtifacts("connect-api", "connect-runtime");
        theirs = apache.newDriver(ConverterDriver.class, Function.class);
    }

    @AfterAll
    static void closeApache() throws Exception {
        apache.close();
    }

    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        Map<String, List<Object>> samples = new HashMap<>();
        samples.put("ShortConverter", List.of(Short.MIN_VALUE, (short) 0, Short.MAX_VALUE));
        samples.put("IntegerConverter", List.of(Integer.MIN_VALUE, -1, 0, 42, Integer.MAX_VALUE));
        samples.put("LongConverter", List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE));
        samples.put("FloatConverter", List.of(Float.NaN, -0.0f, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, 3.25f));
        samples.put("DoubleConverter", List.of(Double.NaN, -0.0d, Double.POSITIVE_INFINITY, Double.MAX_VALUE, 1e-300));
        samples.put("BooleanConverter", List.of(true, false));
        samples.put("ByteArrayConverter", List.of(new byte[0], new byte[] {1, 2, 3}));
        List<Object> foreign = List.of("text", 7, 7L, 1.5d, true, new byte[] {9});
        List<String> schemas = Arrays.asList(null, "INT16", "INT32", "INT64", "FLOAT32", "FLOAT64", "BOOLEAN",
            "BYTES", "STRING");
        for (Map.Entry<String, List<Object>> converter : samples.entrySet()) {
            for (String mode : List.of("key", "value", "header")) {
                Map<String, Object> config = mode.equals("header")
                    ? Map.of("converter.type", "header") : Map.of();
                List<Object> values = new ArrayList<>(converter.getValue());
                values.addAll(foreign);
                values.add(null);
                for (Object value : values) {
                    for (String schema : schemas) {
                        calls.add(call(converter.getKey(), mode, config, "from", schema, value));
                    }
                }
                for (byte[] bytes : List.of(new byte[0], new byte[] {1}, new byte[] {0, 0}, new byte[] {0, 0, 0, 7},
                        new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 1})) {
                    calls.add(call(converter.getKey(), mode, config, "to", null, bytes));
                }
                calls.add(call(converter.getKey(), mode, config, "to", null, null));
            }
        }
        calls.add(call("ByteArrayConverter", "value", Map.of(), "from", "BYTES",
            (ByteBuffer) ByteBuffer.wrap(new byte[] {1, 2, 3, 4}).position(1)));
        calls.add(call("ByteArrayConverter", "value", Map.of(), "from", null,
            ByteBuffer.wrap(new byte[] {5, 6, 7, 8}, 1, 2).slice()));
        calls.add(call("IntegerConverter", "value", Map.of("converter.type", "nonsense"), "from", null, 1));
        calls.add(call("IntegerConverter", "header", Map.of(), "from", null, 1));
        calls.add(call("BooleanConverter", "header", Map.of(), "to", null, new byte[] {1}));
        return calls.stream();
    }

    private static Arguments call(String converter, String mode, Map<String, Object> config, String operation,
                                  String schema, Object value) {
        String label = converter + " " + mode + " " + operation + " schema=" + schema + " value="
            + (value instanceof byte[] b ? Arrays.toString(b) : value);
        return Arguments.of(label, new Object[] {PACKAGE + converter, mode, config, operation, schema, value});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void answersLikeApache(String label, Object[] call) {
        Object[] ourCall = copyBuffers(call);
        String expected = theirs.apply(copyBuffers(call));
        String actual = OURS.apply(ourCall);
        assertEquals(expected, actual, label);
        assertTrue(!expected.contains("NullPointerException"), "Apache answers this without an NPE: " + label);
    }

    /** ByteBuffers are stateful; each side gets its own copy at the same position. */
    private static Object[] copyBuffers(Object[] call) {
        Object[] copy = call.clone();
        if (copy[5] instanceof ByteBuffer buffer) {
            ByteBuffer duplicate = buffer.duplicate();
            copy[5] = duplicate;
        }
        return copy;
    }
}
