package dev.sluice.runtime.worker.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives Apache's own error reporters (connect-runtime 4.3.1, in an isolated loader, by reflection on the members
 * that build the output) and ours on the same failure, and compares what an operator or a dead letter queue consumer
 * sees: the context headers (names, order, bytes) and the error log line.
 */
class ApacheErrorReportingDifferentialTest {

    private static final String RUNTIME = "org.apache.kafka.connect.runtime.";

    private static ApacheClassLoader apache;
    private static Object apacheMetrics;
    private static Object taskId;

    @BeforeAll
    static void loadApache() throws Exception {
        apache = ApacheClassLoader.forArtifacts("connect-api", "connect-runtime", "connect-json", "connect-transforms");
        Map<String, String> worker = Map.of("bootstrap.servers", "localhost:9", "key.converter",
            StringConverter.class.getName(), "value.converter", StringConverter.class.getName(),
            "offset.storage.file.filename", "/tmp/probe-pe-unused");
        Object workerConfig = withApacheContext(() -> construct(RUNTIME + "standalone.StandaloneConfig",
            new Class<?>[] {Map.class}, worker));
        apacheMetrics = construct(RUNTIME + "ConnectMetrics", new Class<?>[] {String.class,
            apache.apacheClass(RUNTIME + "WorkerConfig"), Time.class, String.class}, "w", workerConfig, Time.SYSTEM, "c");
        taskId = construct("org.apache.kafka.connect.util.ConnectorTaskId", new Class<?>[] {String.class, int.class},
            "orders-sink", 3);
    }

    @AfterAll
    static void closeApache() throws Exception {
        apacheMetrics.getClass().getMethod("stop").invoke(apacheMetrics);
        apache.close();
    }

    private static ConsumerRecord<byte[], byte[]> consumed(long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("orders", 4, 1_234_567L, timestamp, TimestampType.CREATE_TIME, 3, 5,
            new byte[] {0, 1}, new byte[] {9, 8}, headers, Optional.empty());
    }

    @Test
    void contextHeadersAreByteForByteApaches() throws Exception {
        for (Throwable error : List.of(new IllegalStateException("bad state"), new IllegalArgumentException(),
                new RuntimeException("wrapped \u00e9\u4e2d", new ArithmeticException("cause")))) {
            ConsumerRecord<byte[], byte[]> record = consumed(5L);

            ProducerRecord<byte[], byte[]> theirs = new ProducerRecord<>("dlq", null, record.key(), record.value(),
                record.headers());
            Object apacheReporter = apacheDeadLetterQueueReporter();
            Method populate = apacheReporter.getClass().getDeclaredMethod("populateContextHeaders",
                ProducerRecord.class, apache.apacheClass(RUNTIME + "errors.ProcessingContext"));
            populate.setAccessible(true);
            populate.invoke(apacheReporter, theirs, apacheContext(record, "VALUE_CONVERTER", String.class, error));

            ProducerRecord<byte[], byte[]> ours = new ProducerRecord<>("dlq", null, record.key(), record.value(),
                record.headers());
            new DeadLetterQueueHeaders("orders-sink", 3).addTo(ours.headers(), record,
                new FailedRecord(record, Stage.VALUE_CONVERTER, String.class, 1, error));

            assertEquals(render(theirs), render(ours), "context headers for " + error);
        }
    }

    @Test
    void errorLogLineIsApaches() throws Exception {
        for (boolean include : List.of(false, true)) {
            for (long timestamp : List.of(1_234L, -1L, -2L)) {
                // -2 stands for a record without timestamp type
                ConsumerRecord<byte[], byte[]> record = timestamp == -2L
                    ? new ConsumerRecord<>("orders", 1, 2L, new byte[0], new byte[0]) : consumed(timestamp);
                IllegalStateException error = new IllegalStateException("x");
                Object sinkConfig = apacheSinkConfig(include);
                Object logReporter = construct(RUNTIME + "errors.LogReporter$Sink", new Class<?>[] {
                    apache.apacheClass("org.apache.kafka.connect.util.ConnectorTaskId"),
                    apache.apacheClass(RUNTIME + "ConnectorConfig"),
                    apache.apacheClass(RUNTIME + "errors.ErrorHandlingMetrics")}, taskId, sinkConfig, errorMetrics());
                Method message = apache.apacheClass(RUNTIME + "errors.LogReporter").getDeclaredMethod("message",
                    apache.apacheClass(RUNTIME + "errors.ProcessingContext"));
                message.setAccessible(true);
                String theirs = (String) message.invoke(logReporter, apacheContext(record, "KEY_CONVERTER",
                    StringConverter.class, error));

                String ours = ErrorLogReporter.forSink("orders-sink", 3, new ErrorHandlingSettings(0, 1,
                    ErrorTolerance.ALL, true, include), new ErrorCounters()).message(new FailedRecord(record,
                    Stage.KEY_CONVERTER, StringConverter.class, 1, error));

                assertEquals(theirs, ours, "log line with include.messages=" + include + ", timestamp " + timestamp);
            }
        }
    }

    private static Object apacheDeadLetterQueueReporter() throws Exception {
        Map<String, Object> producerConfig = Map.of("bootstrap.servers", "localhost:9");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
            new ByteArraySerializer());
        producer.close();
        Class<?> type = apache.apacheClass(RUNTIME + "errors.DeadLetterQueueReporter");
        Constructor<?> constructor = type.getDeclaredConstructor(KafkaProducer.class,
            apache.apacheClass(RUNTIME + "SinkConnectorConfig"),
            apache.apacheClass("org.apache.kafka.connect.util.ConnectorTaskId"),
            apache.apacheClass(RUNTIME + "errors.ErrorHandlingMetrics"));
        constructor.setAccessible(true);
        return constructor.newInstance(producer, apacheSinkConfig(false), taskId, errorMetrics());
    }

    private static Object apacheSinkConfig(boolean includeMessages) throws Exception {
        Map<String, String> props = new HashMap<>(Map.of("name", "orders-sink", "connector.class", "Sink",
            "topics", "orders", "errors.deadletterqueue.topic.name", "dlq",
            "errors.deadletterqueue.context.headers.enable", "true", "errors.log.enable", "true",
            "errors.log.include.messages", String.valueOf(includeMessages)));
        return withApacheContext(() -> construct(RUNTIME + "SinkConnectorConfig", new Class<?>[] {
            apache.apacheClass(RUNTIME + "isolation.Plugins"), Map.class}, null, props));
    }

    private static Object errorMetrics() throws Exception {
        return construct(RUNTIME + "errors.ErrorHandlingMetrics", new Class<?>[] {
            apache.apacheClass("org.apache.kafka.connect.util.ConnectorTaskId"),
            apache.apacheClass(RUNTIME + "ConnectMetrics")}, taskId, apacheMetrics);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object apacheContext(ConsumerRecord<byte[], byte[]> record, String stage, Class<?> executing,
                                        Throwable error) throws Exception {
        Class<?> contextType = apache.apacheClass(RUNTIME + "errors.ProcessingContext");
        Class<? extends Enum> stageType = (Class<? extends Enum>) apache.apacheClass(RUNTIME + "errors.Stage");
        Object context = contextType.getConstructor(Object.class).newInstance(record);
        contextType.getMethod("currentContext", stageType, Class.class)
            .invoke(context, Enum.valueOf(stageType, stage), executing);
        contextType.getMethod("error", Throwable.class).invoke(context, error);
        return context;
    }

    private static Object construct(String className, Class<?>[] parameterTypes, Object... arguments)
            throws Exception {
        return apache.apacheClass(className).getConstructor(parameterTypes).newInstance(arguments);
    }

    private static <T> T withApacheContext(java.util.concurrent.Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(apache);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<String> render(ProducerRecord<byte[], byte[]> record) {
        List<String> rendered = new ArrayList<>();
        for (Header header : record.headers()) {
            rendered.add(header.key() + "=" + (header.value() == null ? "<null>"
                : new String(header.value(), StandardCharsets.UTF_8)));
        }
        return rendered;
    }
}
