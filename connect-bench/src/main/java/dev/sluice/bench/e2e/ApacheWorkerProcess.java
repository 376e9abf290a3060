package dev.sluice.bench.e2e;

import dev.sluice.testkit.ApacheConnectWorker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Apache Kafka Connect 4.3.1's standalone worker in a child JVM, through the testkit's {@link ApacheConnectWorker}. */
final class ApacheWorkerProcess implements BenchWorker {

    private final ApacheConnectWorker worker;
    private final URI restUrl;

    private ApacheWorkerProcess(ApacheConnectWorker worker, URI restUrl) {
        this.worker = worker;
        this.restUrl = restUrl;
    }

    /** Starts the worker with the properties file {@code workerProperties} and no connectors; does not wait. */
    static ApacheWorkerProcess start(Path dir, Path workerProperties, int restPort, List<String> jvmOptions) {
        ApacheConnectWorker worker = ApacheConnectWorker.startStandalone(dir, workerProperties, List.of(), jvmOptions);
        return new ApacheWorkerProcess(worker, URI.create("http://localhost:" + restPort));
    }

    @Override
    public String name() {
        return "Apache";
    }

    @Override
    public URI restUrl() {
        return restUrl;
    }

    @Override
    public void awaitStarted(Duration timeout) {
        worker.awaitLog("Kafka Connect started", timeout);
    }

    @Override
    public String logTail() {
        return worker.outputTail(40);
    }

    @Override
    public Path logFile() {
        return worker.outputFile();
    }

    @Override
    public void stop(Duration timeout) {
        try {
            worker.terminate(timeout);
        } finally {
            worker.close();
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
