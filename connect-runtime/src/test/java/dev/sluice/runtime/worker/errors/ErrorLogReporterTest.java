package dev.sluice.runtime.worker.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ErrorLogReporterTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ErrorLogReporter.LOGGER_NAME);
    private final ErrorCounters counters = new ErrorCounters();
    private final DataException error = new DataException("bad bytes");

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    private static ErrorHandlingSettings settings(boolean enabled, boolean includeMessages) {
        return new ErrorHandlingSettings(0, 60_000, ErrorTolerance.ALL, enabled, includeMessages);
    }

    private static ConsumerRecord<byte[], byte[]> consumed(long timestamp) {
        return new ConsumerRecord<>("orders", 3, 42L, timestamp, TimestampType.CREATE_TIME, 1, 1, new byte[] {1},
            new byte[] {2}, new RecordHeaders(), Optional.empty());
    }

    @Test
    void sinkFailureIsLoggedAtErrorWithStageClassAndTheErrorAttached() {
        ErrorLogReporter reporter = ErrorLogReporter.forSink("snk", 2, settings(true, false), counters);

        reporter.report(new FailedRecord(consumed(1_234L), Stage.VALUE_CONVERTER, JsonConverter.class, 1, error));

        ILoggingEvent event = appender.list.get(0);
        assertEquals(Level.ERROR, event.getLevel(), "logged at ERROR");
        assertEquals("Error encountered in task snk-2. Executing stage 'VALUE_CONVERTER' with class "
            + "'org.apache.kafka.connect.json.JsonConverter'.", event.getFormattedMessage(),
            "without record details by default (Apache's wording)");
        assertSame(error, ((ThrowableProxy) event.getThrowableProxy()).getThrowable(), "stack trace logged");
        assertEquals(1, counters.errorsLogged(), "counted");
    }

    @Test
    void includeMessagesAddsTheConsumedRecordsCoordinates() {
        ErrorLogReporter reporter = ErrorLogReporter.forSink("snk", 0, settings(true, true), counters);
        assertEquals("Error encountered in task snk-0. Executing stage 'KEY_CONVERTER' with class "
                + "'org.apache.kafka.connect.json.JsonConverter', where consumed record is {topic='orders', partition=3,"
                + " offset=42, timestamp=1234, timestampType=CreateTime}.",
            reporter.message(new FailedRecord(consumed(1_234L), Stage.KEY_CONVERTER, JsonConverter.class, 1, error)),
            "coordinates and timestamp, never the bytes");
        assertEquals("Error encountered in task snk-0. Executing stage 'KEY_CONVERTER' with class "
                + "'org.apache.kafka.connect.json.JsonConverter', where consumed record is {topic='orders', partition=3,"
                + " offset=42}.",
            reporter.message(new FailedRecord(new ConsumerRecord<>("orders", 3, 42L, new byte[0], new byte[0]),
                Stage.KEY_CONVERTER, JsonConverter.class, 1, error)),
            "no timestamp part when the record has no timestamp type");
    }

    @Test
    void includeMessagesAddsTheWholeSourceRecord() {
        ErrorLogReporter reporter = ErrorLogReporter.forSource("src", 1, settings(true, true), counters);
        SourceRecord record = new SourceRecord(Map.of("p", 1), Map.of("o", 2), "out", 0, Schema.STRING_SCHEMA, "key",
            Schema.STRING_SCHEMA, "val", 99L);
        record.headers().addString("sh", "sv");
        String message = reporter.message(new FailedRecord(record, Stage.TRANSFORMATION, RegexRouter.class, 1, error));
        assertEquals("Error encountered in task src-1. Executing stage 'TRANSFORMATION' with class "
            + "'org.apache.kafka.connect.transforms.RegexRouter', where source record is = " + record + ".", message,
            "the source record's own description, key, value and headers included");
        assertTrue(message.contains("key=key") && message.contains("value=val") && message.contains("sh"),
            "content present: " + message);
    }

    @Test
    void nothingIsLoggedWhenDisabled() {
        ErrorLogReporter reporter = ErrorLogReporter.forSink("snk", 0, settings(false, true), counters);
        assertTrue(reporter.report(new FailedRecord(consumed(1L), Stage.TASK_PUT, Object.class, 1, error)).isDone(),
            "completes at once");
        assertTrue(appender.list.isEmpty(), "no log line");
        assertEquals(0, counters.errorsLogged(), "nothing counted");
    }
}
