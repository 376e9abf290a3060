package dev.sluice.runtime.plugins;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the log events of one logger while open. */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    static LogCapture of(Class<?> loggerOf) {
        return new LogCapture(loggerOf.getName());
    }

    /** Captures a logger and, through additivity, all loggers below it (a package name works). */
    static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** The formatted messages logged at {@code level} or above, with their throwable's text appended. */
    List<String> messagesAtLeast(Level level) {
        return appender.list.stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(level))
            .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " | " + e.getThrowableProxy().getMessage()))
            .toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
