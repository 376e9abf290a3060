package dev.sluice.runtime.cli;

import dev.sluice.runtime.herder.ConnectorInfo;
import dev.sluice.runtime.herder.Created;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code connect-standalone.sh}: runs a standalone worker with the worker properties file and the connector
 * files (properties or JSON) given on the command line, as Apache's {@code ConnectStandalone} does, until the
 * JVM is asked to stop (SIGTERM, Ctrl-C), when it stops every connector and task cleanly.
 *
 * <p>Exit codes, as Apache's: 1 for a wrong command line, 2 when the worker cannot start (unreadable or invalid
 * worker properties, Kafka unreachable, REST port taken), 3 when a connector file cannot be turned into a running
 * connector; after SIGTERM the JVM's own status (143).
 */
public final class ConnectStandalone {

    /** The usage line printed for a wrong command line. */
    public static final String USAGE =
        "Usage: ConnectStandalone worker.properties [connector1.properties|connector1.json connector2... ]";

    private static final Logger log = LoggerFactory.getLogger(ConnectStandalone.class);

    private ConnectStandalone() {
    }

    /** Runs the worker; returns only by exiting the JVM. */
    public static void main(String[] args) {
        if (args.length < 1 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.err.println(USAGE);
            System.exit(1);
        }
        System.exit(run(Path.of(args[0]), connectorFiles(args)));
    }

    /** Exit code when the worker cannot start. */
    static final int WORKER_FAILED = 2;

    /** Exit code when a connector given on the command line cannot be created. */
    static final int CONNECTOR_FAILED = 3;

    /**
     * Starts the worker and its connectors, then blocks until a JVM shutdown stops it.
     *
     * @return the exit code: 0 after a clean stop, {@link #WORKER_FAILED} or {@link #CONNECTOR_FAILED}
     */
    static int run(Path workerFile, List<Path> connectorFiles) {
        StandaloneRuntime runtime;
        try {
            log.info("Sluice standalone worker initializing with {}", workerFile);
            runtime = StandaloneRuntime.start(WorkerPropertiesLoader.read(workerFile));
        } catch (RuntimeException e) {
            log.error("Stopping due to error: the worker could not start. {}", e.getMessage(), e);
            return WORKER_FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            log.info("Kafka Connect stopping");
            runtime.close();
            log.info("Kafka Connect stopped");
            stopped.countDown();
        }, "sluice-shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (Path file : connectorFiles) {
                createConnector(runtime, file);
            }
        } catch (RuntimeException e) {
            log.error("Stopping after connector error: {}", e.getMessage(), e.getCause() == null ? e : e.getCause());
            Runtime.getRuntime().removeShutdownHook(hook);
            runtime.close();
            return CONNECTOR_FAILED;
        }
        log.info("Kafka Connect started");
        awaitQuietly(stopped);
        return 0;
    }

    private static void createConnector(StandaloneRuntime runtime, Path file) {
        ConnectorConfigFile connector = ConnectorConfigFile.parse(file);
        try {
            Created<ConnectorInfo> created = runtime.herder()
                .putConnectorConfig(connector.name(), connector.config(), connector.initialState(), false).get();
            log.info("Created connector {}", created.result().name());
        } catch (ExecutionException e) {
            throw new CommandLineException("Failed to create connector for " + file + ": " + e.getCause().getMessage(),
                e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandLineException("Interrupted while creating connector for " + file, e);
        }
    }

    private static List<Path> connectorFiles(String[] args) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        return files;
    }

    private static void awaitQuietly(CountDownLatch stopped) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A start-up step failed; the message says which file and why. */
    private static final class CommandLineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandLineException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
