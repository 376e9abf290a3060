package dev.sluice.runtime.worker.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.runtime.worker.ConnectorTaskId;
import dev.sluice.runtime.worker.TargetState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner on its own thread: started, fed by the consumer, stopped through a wakeup. */
class SinkTaskRunnerThreadTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);

    private static SinkRunnerFixture fixture;

    @BeforeAll
    static void createFixture() {
        fixture = new SinkRunnerFixture();
    }

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    /** Records shutdowns and failures. */
    static final class Outcome extends SinkRunnerFixture.NoStatus {
        final CountDownLatch shutdown = new CountDownLatch(1);
        volatile Throwable failure;

        @Override
        public void onShutdown(ConnectorTaskId id) {
            shutdown.countDown();
        }

        @Override
        public void onFailure(ConnectorTaskId id, Throwable cause) {
            failure = cause;
        }
    }

    @Test
    void stopWakesThePollingThreadAndTheTaskEndsUnassigned() throws Exception {
        RecordingSinkTask task = new RecordingSinkTask();
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            consumer.addRecord(new ConsumerRecord<>("orders", 0, 0L, null, "a".getBytes(StandardCharsets.UTF_8)));
        });
        CountDownLatch delivered = new CountDownLatch(1);
        task.onPut = context -> {
            if (task.puts.get(task.puts.size() - 1).size() == 1) {
                delivered.countDown();
            }
        };
        Outcome outcome = new Outcome();
        SinkTaskRunner runner = fixture.runner(task, consumer, Map.of(), List.of(), false, TargetState.STARTED,
            outcome);

        runner.start();
        assertTrue(delivered.await(10, TimeUnit.SECONDS), "the record reached put");
        runner.stop();

        assertTrue(runner.awaitStop(Duration.ofSeconds(10)), "the task thread ended");
        assertTrue(outcome.shutdown.await(0, TimeUnit.SECONDS), "the task ended UNASSIGNED");
        assertEquals(null, outcome.failure, "the wakeup did not fail the task");
        assertEquals("stop", task.events.get(task.events.size() - 1), "the task was stopped last");
        assertTrue(task.events.contains("close [orders-0]"), "its partition was closed");
        assertTrue(consumer.closed(), "the consumer was closed");
    }
}
