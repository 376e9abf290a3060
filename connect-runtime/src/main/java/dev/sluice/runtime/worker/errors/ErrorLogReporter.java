package dev.sluice.runtime.worker.errors;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each failure to the log at ERROR, with its stack trace, when {@code errors.log.enable} is true. The line
 * names the task, the stage and the failing class, in Apache Connect's wording; with
 * {@code errors.log.include.messages} it also describes the record: a consumed record by its topic, partition and
 * offset (and timestamp with its type, unless the record has no timestamp type), a source record by its full
 * content (key, value, headers). The logger
 * is Apache's ({@value #LOGGER_NAME}) so that existing logging configurations keep applying.
 */
public final class ErrorLogReporter implements ErrorReporter {

    /** The logger name, as in Apache Connect. */
    public static final String LOGGER_NAME = "org.apache.kafka.connect.runtime.errors.LogReporter";

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final String taskName;
    private final ErrorHandlingSettings settings;
    private final ErrorCounters counters;
    private final boolean sink;

    private ErrorLogReporter(String connector, int task, ErrorHandlingSettings settings, ErrorCounters counters,
                             boolean sink) {
        this.taskName = Objects.requireNonNull(connector, "connector") + "-" + task;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.sink = sink;
    }

    /** A reporter for a sink task, whose records are consumer records. */
    public static ErrorLogReporter forSink(String connector, int task, ErrorHandlingSettings settings,
                                           ErrorCounters counters) {
        return new ErrorLogReporter(connector, task, settings, counters, true);
    }

    /** A reporter for a source task, whose records are source records. */
    public static ErrorLogReporter forSource(String connector, int task, ErrorHandlingSettings settings,
                                             ErrorCounters counters) {
        return new ErrorLogReporter(connector, task, settings, counters, false);
    }

    @Override
    public CompletableFuture<Void> report(FailedRecord failure) {
        if (settings.logEnabled()) {
            log.error(message(failure), failure.error());
            counters.recordErrorLogged();
        }
        return DONE;
    }

    /** The log line for a failure. */
    public String message(FailedRecord failure) {
        StringBuilder out = new StringBuilder("Error encountered in task ").append(taskName)
            .append(". Executing stage '").append(failure.stage())
            .append("' with class '").append(failure.executingClass().getName()).append('\'');
        if (settings.logIncludeMessages()) {
            if (sink) {
                out.append(", where consumed record is ");
                appendConsumed(out, failure.original());
            } else {
                out.append(", where source record is = ").append(failure.original());
            }
        }
        return out.append('.').toString();
    }

    private static void appendConsumed(StringBuilder out, Object original) {
        if (!(original instanceof ConsumerRecord<?, ?> record)) {
            out.append(original);
            return;
        }
        out.append("{topic='").append(record.topic()).append('\'')
            .append(", partition=").append(record.partition())
            .append(", offset=").append(record.offset());
        if (record.timestampType() != TimestampType.NO_TIMESTAMP_TYPE) {
            out.append(", timestamp=").append(record.timestamp())
                .append(", timestampType=").append(record.timestampType());
        }
        out.append('}');
    }
}
