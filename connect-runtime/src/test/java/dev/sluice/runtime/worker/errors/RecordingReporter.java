package dev.sluice.runtime.worker.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Keeps the failures it is told about. */
final class RecordingReporter implements ErrorReporter {

    final List<FailedRecord> failures = new ArrayList<>();
    CompletableFuture<Void> next = CompletableFuture.completedFuture(null);
    int closed;

    @Override
    public CompletableFuture<Void> report(FailedRecord failure) {
        failures.add(failure);
        return next;
    }

    @Override
    public void close() {
        closed++;
    }
}
