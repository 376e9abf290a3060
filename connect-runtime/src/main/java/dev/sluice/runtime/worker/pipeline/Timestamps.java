package dev.sluice.runtime.worker.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.InvalidRecordException;

/** The timestamp rule between Kafka records and Connect records. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * The timestamp to carry over: unchanged when absent or not negative, absent for Kafka's "no timestamp" (-1).
     *
     * @throws InvalidRecordException for any other negative timestamp
     */
    static Long checked(Long timestamp) {
        if (timestamp == null || timestamp >= 0) {
            return timestamp;
        }
        if (timestamp == ConsumerRecord.NO_TIMESTAMP) {
            return null;
        }
        throw new InvalidRecordException("Invalid record timestamp " + timestamp);
    }
}
