package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.plugins.LoaderSwap;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.errors.Operation;
import dev.sluice.runtime.worker.errors.Stage;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * Converts consumed records into sink records: key, value, then each header, each step through the error handler
 * under its stage name; and, for records a task reports as errant, back into bytes.
 */
final class SinkConversion {

    private final TaskConverters converters;
    private final ErrorHandler errors;
    private final Class<?> keyClass;
    private final Class<?> valueClass;
    private final Class<?> headerClass;
    private final Operation<ConsumerRecord<byte[], byte[]>, Void, SchemaAndValue> convertKey;
    private final Operation<ConsumerRecord<byte[], byte[]>, Void, SchemaAndValue> convertValue;
    private final Operation<ConsumerRecord<byte[], byte[]>, Void, Headers> convertHeaders;

    SinkConversion(TaskConverters converters, ErrorHandler errors) {
        this.converters = Objects.requireNonNull(converters, "converters");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.keyClass = converters.keyConverter().getClass();
        this.valueClass = converters.valueConverter().getClass();
        this.headerClass = converters.headerConverter().getClass();
        Converter key = converters.keyConverter();
        Converter value = converters.valueConverter();
        ClassLoader keyLoader = converters.keyLoader();
        ClassLoader valueLoader = converters.valueLoader();
        this.convertKey = (record, unused) -> {
            try (LoaderSwap swap = LoaderScope.enter(keyLoader)) {
                return key.toConnectData(record.topic(), record.headers(), record.key());
            }
        };
        this.convertValue = (record, unused) -> {
            try (LoaderSwap swap = LoaderScope.enter(valueLoader)) {
                return value.toConnectData(record.topic(), record.headers(), record.value());
            }
        };
        this.convertHeaders = (record, unused) -> toConnectHeaders(record);
    }

    /**
     * The sink record of a consumed record, before transformations.
     *
     * @throws dev.sluice.runtime.worker.errors.SkippedRecordException if a conversion failed and that is tolerated
     */
    SinkRecord toSinkRecord(ConsumerRecord<byte[], byte[]> record) {
        SchemaAndValue key = errors.execute(Stage.KEY_CONVERTER, keyClass, record, convertKey, record, null);
        SchemaAndValue value = errors.execute(Stage.VALUE_CONVERTER, valueClass, record, convertValue, record, null);
        Headers headers = errors.execute(Stage.HEADER_CONVERTER, headerClass, record, convertHeaders, record, null);
        Long timestamp = Timestamps.checked(record.timestamp());
        return new SinkRecord(record.topic(), record.partition(), key.schema(), key.value(), value.schema(),
            value.value(), record.offset(), timestamp, record.timestampType(), headers);
    }

    /** A consumer record rebuilt from a sink record by converting its key, value and headers back to bytes. */
    ConsumerRecord<byte[], byte[]> toConsumerRecord(SinkRecord record) {
        String topic = record.topic();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), fromConnectHeader(topic, header));
        }
        byte[] key;
        try (LoaderSwap swap = LoaderScope.enter(converters.keyLoader())) {
            key = converters.keyConverter().fromConnectData(topic, headers, record.keySchema(), record.key());
        }
        byte[] value;
        try (LoaderSwap swap = LoaderScope.enter(converters.valueLoader())) {
            value = converters.valueConverter().fromConnectData(topic, headers, record.valueSchema(), record.value());
        }
        long timestamp = record.timestamp() == null ? ConsumerRecord.NO_TIMESTAMP : record.timestamp();
        return new ConsumerRecord<>(topic, record.kafkaPartition() == null ? -1 : record.kafkaPartition(),
            record.kafkaOffset(), timestamp, record.timestampType(), key == null ? -1 : key.length,
            value == null ? -1 : value.length, key, value, headers, Optional.empty());
    }

    private Headers toConnectHeaders(ConsumerRecord<byte[], byte[]> record) {
        ConnectHeaders result = new ConnectHeaders();
        String topic = record.topic();
        HeaderConverter converter = converters.headerConverter();
        try (LoaderSwap swap = LoaderScope.enter(converters.headerLoader())) {
            for (org.apache.kafka.common.header.Header header : record.headers()) {
                result.add(header.key(), converter.toConnectHeader(topic, header.key(), header.value()));
            }
        }
        return result;
    }

    private byte[] fromConnectHeader(String topic, Header header) {
        try (LoaderSwap swap = LoaderScope.enter(converters.headerLoader())) {
            return converters.headerConverter().fromConnectHeader(topic, header.key(), header.schema(), header.value());
        }
    }
}
