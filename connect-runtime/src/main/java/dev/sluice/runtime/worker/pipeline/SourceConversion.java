package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.plugins.LoaderSwap;
import dev.sluice.runtime.worker.errors.ErrorHandler;
import dev.sluice.runtime.worker.errors.Operation;
import dev.sluice.runtime.worker.errors.Stage;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * Converts transformed source records into producer records: headers first (so that the key and value converters see
 * and may add to them), then key, then value, each step through the error handler under its stage name.
 */
final class SourceConversion {

    private final ErrorHandler errors;
    private final Class<?> keyClass;
    private final Class<?> valueClass;
    private final Class<?> headerClass;
    private final Operation<SourceRecord, Void, RecordHeaders> convertHeaders;
    private final Operation<SourceRecord, RecordHeaders, byte[]> convertKey;
    private final Operation<SourceRecord, RecordHeaders, byte[]> convertValue;

    SourceConversion(TaskConverters converters, ErrorHandler errors) {
        this.errors = Objects.requireNonNull(errors, "errors");
        this.keyClass = converters.keyConverter().getClass();
        this.valueClass = converters.valueConverter().getClass();
        this.headerClass = converters.headerConverter().getClass();
        Converter key = converters.keyConverter();
        Converter value = converters.valueConverter();
        HeaderConverter header = converters.headerConverter();
        ClassLoader keyLoader = converters.keyLoader();
        ClassLoader valueLoader = converters.valueLoader();
        ClassLoader headerLoader = converters.headerLoader();
        this.convertHeaders = (record, unused) -> {
            RecordHeaders result = new RecordHeaders();
            if (record.headers().isEmpty()) {
                return result;
            }
            String topic = record.topic();
            try (LoaderSwap swap = LoaderScope.enter(headerLoader)) {
                for (Header connectHeader : record.headers()) {
                    result.add(connectHeader.key(), header.fromConnectHeader(topic, connectHeader.key(),
                        connectHeader.schema(), connectHeader.value()));
                }
            }
            return result;
        };
        this.convertKey = (record, headers) -> {
            try (LoaderSwap swap = LoaderScope.enter(keyLoader)) {
                return key.fromConnectData(record.topic(), headers, record.keySchema(), record.key());
            }
        };
        this.convertValue = (record, headers) -> {
            try (LoaderSwap swap = LoaderScope.enter(valueLoader)) {
                return value.fromConnectData(record.topic(), headers, record.valueSchema(), record.value());
            }
        };
    }

    /**
     * The producer record of a transformed source record.
     *
     * @param record the transformed record
     * @param original the record as the task returned it, for error reports
     * @throws dev.sluice.runtime.worker.errors.SkippedRecordException if a conversion failed and that is tolerated
     */
    ProducerRecord<byte[], byte[]> toProducerRecord(SourceRecord record, SourceRecord original) {
        RecordHeaders headers = errors.execute(Stage.HEADER_CONVERTER, headerClass, original, convertHeaders, record,
            null);
        byte[] key = errors.execute(Stage.KEY_CONVERTER, keyClass, original, convertKey, record, headers);
        byte[] value = errors.execute(Stage.VALUE_CONVERTER, valueClass, original, convertValue, record, headers);
        return new ProducerRecord<>(record.topic(), record.kafkaPartition(), Timestamps.checked(record.timestamp()),
            key, value, headers);
    }
}
