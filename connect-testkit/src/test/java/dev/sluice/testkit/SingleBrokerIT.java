package dev.sluice.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static KafkaClusterExtension kafka = KafkaClusterExtension.brokers(1);

    @Test
    void stringRecordsWithKeysAndHeadersRoundTrip() {
        KafkaCluster cluster = kafka.cluster();
        cluster.createTopic("single-strings", 2);
        RecordHeaders headers = new RecordHeaders();
        headers.add("origin", "test".getBytes(StandardCharsets.UTF_8));
        cluster.produceStrings(List.of(
                new ProducerRecord<>("single-strings", 0, "k0", "v0", headers),
                new ProducerRecord<>("single-strings", 1, "k1", "v1")));
        cluster.produce("single-strings", "v2", "v3");

        List<ConsumerRecord<String, String>> records = cluster.consume("single-strings", 4, TIMEOUT);

        assertEquals(List.of("v0", "v1", "v2", "v3"),
                records.stream().map(ConsumerRecord::value).sorted().collect(Collectors.toList()),
                "every produced value is read back from the beginning");
        ConsumerRecord<String, String> first = records.stream().filter(r -> "k0".equals(r.key())).findFirst().orElseThrow();
        assertEquals(0, first.partition(), "a record produced to partition 0 stays there");
        assertArrayEquals("test".getBytes(StandardCharsets.UTF_8), first.headers().lastHeader("origin").value(),
                "headers survive the round trip");
    }

    @Test
    void byteRecordsRoundTrip() {
        KafkaCluster cluster = kafka.cluster();
        cluster.createTopic("single-bytes", 1);
        cluster.produce("single-bytes", new byte[] {1, 2}, new byte[] {3});

        List<ConsumerRecord<byte[], byte[]>> records = cluster.consumeBytes("single-bytes", 2, TIMEOUT);

        assertEquals(2, records.size(), "both byte records are read back");
        assertArrayEquals(new byte[] {1, 2}, records.get(0).value(), "bytes keep their order and content");
        assertArrayEquals(new byte[] {3}, records.get(1).value(), "bytes keep their order and content");
    }

    @Test
    void endOffsetsAndCommittedGroupOffsetsAreReported() {
        KafkaCluster cluster = kafka.cluster();
        cluster.createTopic("single-offsets", 2);
        cluster.produceStrings(List.of(
                new ProducerRecord<>("single-offsets", 0, null, "a"),
                new ProducerRecord<>("single-offsets", 0, null, "b"),
                new ProducerRecord<>("single-offsets", 0, null, "c"),
                new ProducerRecord<>("single-offsets", 1, null, "d")));
        TopicPartition p0 = new TopicPartition("single-offsets", 0);
        TopicPartition p1 = new TopicPartition("single-offsets", 1);

        assertEquals(Map.of(p0, 3L, p1, 1L), cluster.endOffsets("single-offsets"), "end offsets count the records per partition");

        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cluster.consumerConfig("single-offsets-group"))) {
            consumer.assign(List.of(p0, p1));
            consumer.commitSync(Map.of(p0, new OffsetAndMetadata(2), p1, new OffsetAndMetadata(1)));
        }
        assertEquals(Map.of(p0, 2L, p1, 1L), cluster.consumerGroupOffsets("single-offsets-group"),
                "the group's committed offsets are reported per partition");
    }

    @Test
    void brokerRunsTheKafkaVersionOfOurClients() throws Exception {
        String expected = "Kafka version: " + AppInfoParser.getVersion();
        assertTrue(Files.readString(kafka.cluster().brokerLogFile(0)).contains(expected),
                "the broker's log says '" + expected + "': connect-testkit-broker's kafka.version must equal the root pom's");
    }

    @Test
    void consumeFailsWithACountWhenTooFewRecordsArrive() {
        KafkaCluster cluster = kafka.cluster();
        cluster.createTopic("single-short", 1);
        cluster.produce("single-short", "only");

        AssertionError error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> cluster.consume("single-short", 2, Duration.ofSeconds(2)));
        assertTrue(error.getMessage().contains("but read 1"), "the error says how many records arrived: " + error.getMessage());
    }

    @Test
    void clusterAnswersOnItsAdvertisedAddress() throws Exception {
        assertEquals(1, kafka.cluster().admin().describeCluster().nodes().get().size(), "one broker is registered");
        assertEquals(kafka.cluster().brokerAddress(0), kafka.cluster().bootstrapServers(), "one broker, one address");
    }
}
