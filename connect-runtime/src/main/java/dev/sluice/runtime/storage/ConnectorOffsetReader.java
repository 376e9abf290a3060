package dev.sluice.runtime.storage;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link OffsetStorageReader} handed to one source connector and its tasks: looks their partitions up in
 * an {@link OffsetStore} under the connector's name.
 *
 * <p>A partition that cannot be serialized (a null partition included), or whose stored offset cannot be
 * read back, is logged and left out of the answer (the task then starts from scratch for it), as Apache's
 * worker does. {@link #close()}
 * fails every lookup still waiting for the store with a {@link ConnectException}, so a task being stopped
 * is never stuck in {@code offsets()}. Thread-safe.
 */
public final class ConnectorOffsetReader implements OffsetStorageReader, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectorOffsetReader.class);

    private final OffsetStore store;
    private final String connectorName;
    private final OffsetCodec codec;
    private final Set<CompletableFuture<?>> inFlight = new HashSet<>();
    private boolean closed;

    /**
     * A reader of one connector's offsets.
     *
     * @param store where the offsets are stored
     * @param connectorName the connector, the namespace of its offsets
     * @param codec serializes partitions and reads offsets back
     */
    public ConnectorOffsetReader(OffsetStore store, String connectorName, OffsetCodec codec) {
        this.store = store;
        this.connectorName = connectorName;
        this.codec = codec;
    }

    @Override
    public <T> Map<String, Object> offset(Map<String, T> partition) {
        return offsets(Collections.singletonList(partition)).get(partition);
    }

    @Override
    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
        Map<ByteBuffer, Map<String, T>> partitionsByKey = new LinkedHashMap<>();
        for (Map<String, T> partition : partitions) {
            if (partition == null) {
                // Apache's reader cannot look up a null partition either (its writer can store one); match it.
                log.warn("[{}] Cannot look up the offset of a null source partition; the task gets no offset for it",
                    connectorName);
                continue;
            }
            try {
                partitionsByKey.put(codec.encodeKey(connectorName, partition), partition);
            } catch (DataException e) {
                log.error("[{}] Cannot look up the offset of source partition {}: {}. The task gets no offset for it"
                    + " and may reprocess its data", connectorName, partition, e.getMessage());
            }
        }
        Map<ByteBuffer, ByteBuffer> stored = await(store.get(partitionsByKey.keySet()));
        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
        partitionsByKey.forEach((key, partition) -> {
            try {
                result.put(partition, codec.decodeValue(connectorName, stored.get(key)));
            } catch (DataException e) {
                log.error("[{}] Cannot read back the stored offset of source partition {}: {}. The task gets no offset"
                    + " for it and may reprocess its data", connectorName, partition, e.getMessage());
            }
        });
        return result;
    }

    /** Fails the lookups in flight and every later one with a {@link ConnectException}. Idempotent. */
    @Override
    public void close() {
        Set<CompletableFuture<?>> abandoned;
        synchronized (inFlight) {
            if (closed) {
                return;
            }
            closed = true;
            abandoned = new HashSet<>(inFlight);
            inFlight.clear();
        }
        for (CompletableFuture<?> lookup : abandoned) {
            lookup.completeExceptionally(closedException());
        }
        if (!abandoned.isEmpty()) {
            log.debug("[{}] Offset reader closed with {} lookups in flight", connectorName, abandoned.size());
        }
    }

    private <V> V await(CompletableFuture<V> storeLookup) {
        // The caller waits on its own future, so closing the reader fails it without cancelling the store's.
        CompletableFuture<V> lookup = new CompletableFuture<>();
        synchronized (inFlight) {
            if (closed) {
                throw closedException();
            }
            inFlight.add(lookup);
        }
        storeLookup.whenComplete((value, error) -> {
            if (error != null) {
                lookup.completeExceptionally(error);
            } else {
                lookup.complete(value);
            }
        });
        try {
            return lookup.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reading the offsets of connector '" + connectorName + "'", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ReaderClosedException) {
                throw closedException();
            }
            throw new ConnectException("Cannot read the offsets of connector '" + connectorName + "' from " + store
                + ": " + cause, cause);
        } catch (CancellationException e) {
            throw closedException();
        } finally {
            synchronized (inFlight) {
                inFlight.remove(lookup);
            }
        }
    }

    private ConnectException closedException() {
        return new ReaderClosedException("The offset reader of connector '" + connectorName + "' is closed, most"
            + " likely because its task is being stopped; the offset lookup was abandoned");
    }

    /** Why a lookup failed when the reader was closed under it. */
    private static final class ReaderClosedException extends ConnectException {
        private static final long serialVersionUID = 1L;

        ReaderClosedException(String message) {
            super(message);
        }
    }
}
