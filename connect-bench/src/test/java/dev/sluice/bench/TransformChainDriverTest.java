package dev.sluice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sluice.compat.ApacheClassLoader;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.connect.transforms.ReplaceField;
import org.junit.jupiter.api.Test;

/**
 * The transform chain benchmark compares like with like: on the benchmark record, our chain and Apache's
 * connect-transforms 4.3.1 produce the same topic, schema and value.
 */
class TransformChainDriverTest {

    @Test
    void oursAndApachesChainProduceTheSameRecord() throws IOException {
        List<Object> ours = outputOf(new TransformChainDriver());
        List<Object> apaches;
        try (ApacheClassLoader apache = ApacheClassLoader.forArtifacts("connect-api", "connect-transforms")) {
            @SuppressWarnings("unchecked")
            Supplier<Object[]> driver = apache.newDriver(TransformChainDriver.class, Supplier.class);
            assertNotSame(TransformChainDriver.class, driver.getClass(), "the driver was not redefined for Apache");
            assertSame(apache, apache.apacheClass(ReplaceField.class.getName()).getClassLoader(),
                "ReplaceField did not come from Apache's jars");
            apaches = outputOf(driver);
        }
        assertEquals("orders", ours.get(0), "RegexRouter should strip '-raw' from our record's topic");
        assertEquals(apaches.get(0), ours.get(0), "topic differs from Apache's");
        assertEquals(apaches.get(4), ours.get(4), "value schema differs from Apache's");
        assertEquals(apaches.get(5), ours.get(5), "value differs from Apache's");
        assertEquals(apaches, ours, "record (partition, timestamp or key) differs from Apache's");
    }

    @Test
    void applyingTheChainLeavesItsInputUnchanged() {
        Object[] operations = new TransformChainDriver().get();
        @SuppressWarnings("unchecked")
        Supplier<Object> run = (Supplier<Object>) operations[0];
        @SuppressWarnings("unchecked")
        Function<Object, List<Object>> describe = (Function<Object, List<Object>>) operations[1];
        List<Object> first = describe.apply(run.get());
        List<Object> second = describe.apply(run.get());
        ((Runnable) operations[2]).run();
        assertEquals(first, second, "the second application on the same input record gave a different result");
        assertNotEquals(TransformChainDriver.INPUT_TOPIC, first.get(0), "the chain did not route the record");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> outputOf(Supplier<Object[]> driver) {
        Object[] operations = driver.get();
        try {
            Object record = ((Supplier<Object>) operations[0]).get();
            return ((Function<Object, List<Object>>) operations[1]).apply(record);
        } finally {
            ((Runnable) operations[2]).run();
        }
    }
}
