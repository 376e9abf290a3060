package dev.sluice.distribution.plugins;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the log events of a logger and the loggers below it (a package name works) while open. */
final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    /** The formatted messages at {@code level} or above, each followed by its exception chain's class names and messages. */
    List<String> atLeast(Level level) {
        return appender.list.stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(level))
            .map(e -> e.getFormattedMessage() + causes(e.getThrowableProxy()))
            .toList();
    }

    private static String causes(IThrowableProxy throwable) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy t = throwable; t != null; t = t.getCause()) {
            text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
