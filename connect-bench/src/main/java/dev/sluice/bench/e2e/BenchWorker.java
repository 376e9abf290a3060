package dev.sluice.bench.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** A standalone Connect worker in a child JVM that the benchmark drives over its REST API. */
interface BenchWorker extends AutoCloseable {

    /** Whose worker this is, for the table: {@code ours} or {@code Apache}. */
    String name();

    /** The REST API's base URL. */
    URI restUrl();

    /** Waits until the worker logged that it started; fails with the end of its log if it does not. */
    void awaitStarted(Duration timeout);

    /** The file that receives the worker's log and console output. */
    Path logFile();

    /** The end of the worker's log, for error messages. */
    String logTail();

    /** Stops the worker with SIGTERM (as an operator would), killing it after {@code timeout}. */
    void stop(Duration timeout);

    /** Kills the worker if it still runs. */
    @Override
    void close();
}
