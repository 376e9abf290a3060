package dev.sluice.bench;

import dev.sluice.compat.ApacheClassLoader;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JsonConverter throughput, ours and Apache Kafka's connect-json 4.3.1 side by side, on a ten-field struct with
 * a nested array and map: {@code fromConnectData} (Connect data to JSON) and {@code toConnectData} (JSON to
 * Connect data), with and without the schema envelope. Apache's converter is loaded in an isolated class loader
 * from the jars named by the {@code sluice.apache.jars} system property.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonConverterBenchmark {

    /** Which converter runs: {@code ours} or {@code apache}. */
    @Param({"ours", "apache"})
    public String implementation;

    /** The converter's {@code schemas.enable}. */
    @Param({"true", "false"})
    public boolean schemas;

    private ApacheClassLoader apacheLoader;
    private Supplier<byte[]> writer;
    private Function<byte[], Object> reader;
    private byte[] json;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        Function<Map<String, Object>, Object[]> driver;
        if (implementation.equals("apache")) {
            apacheLoader = ApacheClassLoader.forArtifacts("connect-api", "connect-json");
            driver = apacheLoader.newDriver(JsonConverterDriver.class, Function.class);
        } else {
            driver = new JsonConverterDriver();
        }
        Object[] operations = driver.apply(Map.of("schemas.enable", schemas));
        writer = (Supplier<byte[]>) operations[0];
        reader = (Function<byte[], Object>) operations[1];
        json = (byte[]) operations[2];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (apacheLoader != null) {
            apacheLoader.close();
        }
    }

    @Benchmark
    public byte[] fromConnectData() {
        return writer.get();
    }

    @Benchmark
    public Object toConnectData() {
        return reader.apply(json);
    }
}
