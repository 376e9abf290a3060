package dev.sluice.bench;

import dev.sluice.compat.ApacheClassLoader;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * Throughput of the transform chain {@code ReplaceField$Value → InsertField$Value → TimestampConverter$Value →
 * RegexRouter} on one source record whose value is a ten-field struct, ours and Apache Kafka's connect-transforms
 * 4.3.1 side by side (see {@link TransformChainDriver} for the configuration). The chain and the record are built
 * once per trial and thread; each invocation applies the chain to that same record. Apache's transforms are loaded
 * in an isolated class loader from the jars named by the {@code sluice.apache.jars} system property.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransformChainBenchmark {

    /** Which transforms run: {@code ours} or {@code apache}. */
    @Param({"ours", "apache"})
    public String implementation;

    private ApacheClassLoader apacheLoader;
    private Supplier<Object> chain;
    private Runnable close;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        Supplier<Object[]> driver;
        if (implementation.equals("apache")) {
            apacheLoader = ApacheClassLoader.forArtifacts("connect-api", "connect-transforms");
            driver = apacheLoader.newDriver(TransformChainDriver.class, Supplier.class);
        } else {
            driver = new TransformChainDriver();
        }
        Object[] operations = driver.get();
        chain = (Supplier<Object>) operations[0];
        close = (Runnable) operations[2];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        close.run();
        if (apacheLoader != null) {
            apacheLoader.close();
        }
    }

    @Benchmark
    public Object applyChain() {
        return chain.get();
    }
}
