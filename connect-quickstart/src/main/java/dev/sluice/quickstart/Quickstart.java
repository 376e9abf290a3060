package dev.sluice.quickstart;

import dev.sluice.runtime.cli.StandaloneRuntime;
import dev.sluice.runtime.worker.TargetState;
import dev.sluice.testkit.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sluice on a machine that has nothing but Java: starts a single-node Kafka broker (KRaft, the testkit's, as a
 * child process), then a standalone worker with its REST API, and creates the tutorial's pipeline — a file source
 * into topic {@code connect-test} and a file sink out of it. Runs until Ctrl-C (or, with
 * {@code --exit-when-delivered}, until the sink has written every input line).
 *
 * <p>Usage: {@code Quickstart [--dir <directory>] [--port <rest port>] [--exit-when-delivered]}.
 */
public final class Quickstart {

    private static final Logger log = LoggerFactory.getLogger(Quickstart.class);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private final Options options;

    /**
     * The command line.
     *
     * @param directory         where the demo files and the broker's data live
     * @param restPort          the worker's REST port (0 for any free port)
     * @param exitWhenDelivered stop once the output file has every input line, instead of waiting for Ctrl-C
     */
    public record Options(Path directory, int restPort, boolean exitWhenDelivered) {

        /** Parses the command line; an unknown argument fails with the usage. */
        public static Options parse(String[] args) {
            Path directory = Path.of("quickstart-data");
            int port = 8083;
            boolean exitWhenDelivered = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--dir" -> directory = Path.of(value(args, ++i, "--dir"));
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--exit-when-delivered" -> exitWhenDelivered = true;
                    default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. " + USAGE);
                }
            }
            return new Options(directory.toAbsolutePath(), port, exitWhenDelivered);
        }

        private static String value(String[] args, int index, String flag) {
            if (index >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value. " + USAGE);
            }
            return args[index];
        }
    }

    /** The usage line. */
    public static final String USAGE = "Usage: quickstart.sh [--dir <directory>] [--port <rest port>] [--exit-when-delivered]";

    /** A quickstart with {@code options}. */
    public Quickstart(Options options) {
        this.options = options;
    }

    /** Runs the quickstart; exits 0 after Ctrl-C or delivery, 1 on failure. */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        try {
            new Quickstart(options).run();
            System.exit(0);
        } catch (RuntimeException e) {
            log.error("The quickstart failed: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    /**
     * Starts the broker, the worker and the demo connectors; returns after delivery (with
     * {@code --exit-when-delivered}) or when the JVM is asked to stop.
     */
    public void run() {
        DemoFiles files = new DemoFiles(options.directory());
        files.prepare();
        log.info("Starting a single-node Kafka broker (KRaft) in {}", options.directory().resolve("kafka"));
        // Our own shutdown hook stops the worker before the broker, so the sink's last commit reaches Kafka.
        KafkaCluster kafka = KafkaCluster.builder().brokers(1).baseDirectory(options.directory().resolve("kafka"))
            .killOnJvmExit(false).build();
        kafka.start();
        StandaloneRuntime worker = null;
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = null;
        try {
            worker = StandaloneRuntime.start(workerProperties(kafka, files), workerProperties(kafka, files));
            createConnectors(worker, files);
            printWelcome(kafka, worker, files);
            if (options.exitWhenDelivered()) {
                awaitDelivery(files);
                return;
            }
            StandaloneRuntime running = worker;
            hook = new Thread(() -> {
                log.info("Stopping the quickstart");
                running.close();
                kafka.close();
                stopped.countDown();
            }, "quickstart-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            worker = null;
            awaitQuietly(stopped);
        } finally {
            if (hook == null) {
                if (worker != null) {
                    worker.close();
                }
                kafka.close();
            }
        }
    }

    private Map<String, String> workerProperties(KafkaCluster kafka, DemoFiles files) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("key.converter.schemas.enable", "true");
        props.put("value.converter.schemas.enable", "true");
        props.put("offset.storage.file.filename", files.offsets().toString());
        props.put("offset.flush.interval.ms", "10000");
        props.put("listeners", "http://localhost:" + options.restPort());
        return props;
    }

    private static void createConnectors(StandaloneRuntime worker, DemoFiles files) {
        try {
            worker.herder().putConnectorConfig(DemoFiles.SOURCE, files.sourceConfig(), TargetState.STARTED, true)
                .get(60, TimeUnit.SECONDS);
            worker.herder().putConnectorConfig(DemoFiles.SINK, files.sinkConfig(), TargetState.STARTED, true)
                .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the demo connectors: " + e.getMessage(), e);
        }
    }

    private static void printWelcome(KafkaCluster kafka, StandaloneRuntime worker, DemoFiles files) {
        String rest = "http://localhost:" + worker.rest().port();
        System.out.println(String.join(System.lineSeparator(), List.of(
            "",
            "Sluice is running: Kafka at " + kafka.bootstrapServers() + ", REST API at " + rest,
            "Demo pipeline: " + files.input() + " -> topic " + DemoFiles.TOPIC + " -> " + files.output(),
            "",
            "Try:",
            "  curl -s " + rest + "/connectors?expand=status",
            "  curl -s " + rest + "/connectors/" + DemoFiles.SOURCE + "/status",
            "  echo \"another line\" >> " + files.input(),
            "  cat " + files.output(),
            "",
            "Ctrl-C stops the worker and the broker.",
            "")));
    }

    private static void awaitDelivery(DemoFiles files) {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        List<String> expected = files.inputLines();
        while (!files.outputLines().equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The demo pipeline did not deliver the " + expected.size()
                    + " input lines within " + DELIVERY_TIMEOUT.toSeconds() + " s; the output has "
                    + files.outputLines().size() + " lines");
            }
            sleepBriefly();
        }
        log.info("The demo pipeline delivered all {} lines of {} to {}", expected.size(), files.input(), files.output());
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the demo pipeline", e);
        }
    }

    private static void awaitQuietly(CountDownLatch stopped) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
