package dev.sluice.runtime.rest;

import dev.sluice.runtime.herder.ControlThread;
import dev.sluice.runtime.rest.errors.RestException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Waits for the herder's answer to a REST request, at most {@link #timeout()} (Apache's 90 s), and rethrows its
 * failure as it is so that the error mapper can choose the status.
 */
public final class HerderRequests {

    /** Apache's bound on one herder request made by the REST API. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    private final Duration timeout;

    /** Waits up to {@code timeout} for each request. */
    public HerderRequests(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** How long a request may take. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The future's value.
     *
     * @throws RestException 500 when the herder did not answer in time
     * @throws RuntimeException the herder's own failure, unwrapped
     */
    public <T> T await(CompletableFuture<T> request) {
        return await(request, timeout);
    }

    /** {@link #await(CompletableFuture)} with its own bound. */
    public <T> T await(CompletableFuture<T> request, Duration bound) {
        try {
            return request.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RestException(500, "Request timed out: the worker did not answer within " + bound.toMillis()
                + " ms. The request may still complete; check the connector's status.");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for the worker", e);
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        Throwable current = ControlThread.unwrap(cause);
        return current instanceof RuntimeException runtime ? runtime : new ConnectException(current.getMessage(), current);
    }
}
