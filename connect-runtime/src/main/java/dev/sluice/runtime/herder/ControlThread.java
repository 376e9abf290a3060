package dev.sluice.runtime.herder;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The one thread on which a herder changes its state. Requests from other threads queue here and are answered
 * through futures; once {@link #shutdownNow()} was called, new requests fail with a {@link ConnectException} that
 * says the worker is shutting down.
 */
public final class ControlThread implements Executor {

    private final ExecutorService thread;

    /** A control thread named {@code name}; it starts with the first request. */
    public ControlThread(String name) {
        this.thread = Executors.newSingleThreadExecutor(work -> new Thread(work, name));
    }

    /**
     * Runs {@code action} on the control thread.
     *
     * @param request what is asked, for the message when the thread no longer takes requests
     * @return its result, or its exception (unwrapped)
     */
    public <T> CompletableFuture<T> call(String request, Callable<T> action) {
        return compose(request, () -> {
            try {
                return CompletableFuture.completedFuture(action.call());
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /**
     * Runs {@code action} on the control thread; the returned future completes with the future that
     * {@code action} returned, so an action may start work elsewhere (a connector starting on its own thread)
     * without blocking the control thread.
     */
    public <T> CompletableFuture<T> compose(String request, Supplier<CompletableFuture<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    action.get().whenComplete((value, error) -> {
                        if (error != null) {
                            result.completeExceptionally(unwrap(error));
                        } else {
                            result.complete(value);
                        }
                    });
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectException("Cannot " + request + ": the worker is shutting down", e));
        }
        return result;
    }

    /**
     * Queues {@code work} on the control thread.
     *
     * @throws RejectedExecutionException once the thread was shut down
     */
    @Override
    public void execute(Runnable work) {
        thread.execute(work);
    }

    /** Stops taking requests and interrupts the one running, if any. */
    public void shutdownNow() {
        thread.shutdownNow();
    }

    /** The cause inside the {@link CompletionException}/{@link ExecutionException} wrappers of {@code error}. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
