package org.apache.kafka.connect.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SinkTaskTest {

    static class FlushRecordingTask extends SinkTask {
        final List<Map<TopicPartition, OffsetAndMetadata>> flushed = new ArrayList<>();

        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public void put(Collection<SinkRecord> records) {
        }

        @Override
        public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
            flushed.add(currentOffsets);
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void preCommitFlushesAndDeclaresAllCurrentOffsetsSafe() {
        FlushRecordingTask task = new FlushRecordingTask();
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(5));

        Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(offsets);

        assertSame(offsets, committed);
        assertEquals(List.of(offsets), task.flushed);
    }

    @Test
    void topicConfigKeysMatchApache() {
        assertEquals("topics", SinkTask.TOPICS_CONFIG);
        assertEquals("topics.regex", SinkTask.TOPICS_REGEX_CONFIG);
    }
}
