package org.apache.kafka.connect.transforms;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;

/**
 * The half of a record (key or value) that a {@code $Key} or {@code $Value} variant of a transform
 * works on: reads its schema and data, and builds a copy of the record with that half replaced and
 * everything else (topic, partition, other half, timestamp, headers) kept.
 */
enum RecordSide {
    KEY {
        @Override
        Schema schema(ConnectRecord<?> record) {
            return record.keySchema();
        }

        @Override
        Object data(ConnectRecord<?> record) {
            return record.key();
        }

        @Override
        <R extends ConnectRecord<R>> R replace(R record, Schema schema, Object data) {
            return record.newRecord(record.topic(), record.kafkaPartition(), schema, data,
                record.valueSchema(), record.value(), record.timestamp());
        }
    },
    VALUE {
        @Override
        Schema schema(ConnectRecord<?> record) {
            return record.valueSchema();
        }

        @Override
        Object data(ConnectRecord<?> record) {
            return record.value();
        }

        @Override
        <R extends ConnectRecord<R>> R replace(R record, Schema schema, Object data) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                schema, data, record.timestamp());
        }
    };

    abstract Schema schema(ConnectRecord<?> record);

    abstract Object data(ConnectRecord<?> record);

    abstract <R extends ConnectRecord<R>> R replace(R record, Schema schema, Object data);
}
