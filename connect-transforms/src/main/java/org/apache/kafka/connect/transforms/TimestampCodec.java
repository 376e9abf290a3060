package org.apache.kafka.connect.transforms;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.DataException;

/**
 * Converts timestamp values of one {@link TimestampKind} to another through epoch milliseconds (UTC),
 * for one {@link TimestampConverter} instance: it owns that instance's {@link SimpleDateFormat}, which
 * is not thread-safe, and the unit of Unix timestamps. Unit conversions truncate towards zero and
 * saturate at the limits of {@code long}, as {@link TimeUnit} does.
 */
final class TimestampCodec {

    private static final long MILLIS_PER_DAY = TimeUnit.DAYS.toMillis(1);

    private final SimpleDateFormat format;
    private final TimeUnit unixUnit;
    private final Date scratch = new Date(0L);

    /**
     * @param format   the pattern for string timestamps, or null when none is configured
     * @param unixUnit the unit of Unix timestamps
     */
    TimestampCodec(SimpleDateFormat format, TimeUnit unixUnit) {
        this.format = format;
        this.unixUnit = unixUnit;
    }

    /** Converts a non-null value of kind {@code from} to kind {@code to}. */
    Object convert(Object value, TimestampKind from, TimestampKind to) {
        if (to == TimestampKind.TIMESTAMP && from != TimestampKind.STRING && from != TimestampKind.UNIX) {
            return requireDate(value, from);
        }
        return fromEpochMillis(toEpochMillis(value, from), to);
    }

    private long toEpochMillis(Object value, TimestampKind from) {
        switch (from) {
            case STRING:
                return parse(value);
            case UNIX:
                if (!(value instanceof Long)) {
                    throw new DataException("Expected Unix timestamp to be a Long, but found " + value.getClass());
                }
                return unixUnit.toMillis((Long) value);
            default:
                return requireDate(value, from).getTime();
        }
    }

    private Object fromEpochMillis(long millis, TimestampKind to) {
        switch (to) {
            case STRING:
                scratch.setTime(millis);
                return format.format(scratch);
            case UNIX:
                return unixUnit.convert(millis, TimeUnit.MILLISECONDS);
            case DATE:
                // Overflows for the very earliest instants exactly as Apache's calendar arithmetic does.
                return new Date(Math.floorDiv(millis, MILLIS_PER_DAY) * MILLIS_PER_DAY);
            case TIME:
                return new Date(Math.floorMod(millis, MILLIS_PER_DAY));
            default:
                return new Date(millis);
        }
    }

    private long parse(Object value) {
        if (!(value instanceof String)) {
            throw new DataException("Expected string timestamp to be a String, but found " + value.getClass());
        }
        Objects.requireNonNull(format, "TimestampConverter needs the 'format' option to parse string timestamps");
        try {
            return format.parse((String) value).getTime();
        } catch (ParseException e) {
            throw new DataException("Could not parse timestamp: value (" + value + ") does not match pattern ("
                + format.toPattern() + ")", e);
        }
    }

    private static Date requireDate(Object value, TimestampKind kind) {
        if (!(value instanceof Date)) {
            throw new DataException("Expected " + kind.configName + " to be a java.util.Date, but found " + value.getClass());
        }
        return (Date) value;
    }
}
