package dev.sluice.runtime.worker.errors;

import dev.sluice.runtime.config.ConnectorConfig;
import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import java.util.Objects;

/**
 * A connector's retry and tolerance settings ({@code errors.*}) as the error handler uses them.
 *
 * @param retryTimeoutMs how long a retriable failure is retried: 0 never, -1 forever
 * @param retryMaxDelayMs the longest pause between two attempts
 * @param tolerance whether failed records fail the task or are skipped
 * @param logEnabled whether failures are logged
 * @param logIncludeMessages whether the log names the record's content (source) or coordinates (sink)
 */
public record ErrorHandlingSettings(long retryTimeoutMs, long retryMaxDelayMs, ErrorTolerance tolerance,
                                    boolean logEnabled, boolean logIncludeMessages) {

    /** Checks the components. */
    public ErrorHandlingSettings {
        Objects.requireNonNull(tolerance, "tolerance");
    }

    /** The settings of a connector configuration. */
    public static ErrorHandlingSettings of(ConnectorConfig config) {
        return new ErrorHandlingSettings(config.errorRetryTimeout(), config.errorMaxDelayInMillis(),
            config.errorTolerance(), config.enableErrorLog(), config.includeRecordDetailsInErrorLog());
    }
}
