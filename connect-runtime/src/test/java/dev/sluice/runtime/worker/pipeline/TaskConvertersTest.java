package dev.sluice.runtime.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskConvertersTest {

    private static final String RECORDING = RecordingConverter.class.getName();
    private static final String RECORDING_HEADERS = RecordingHeaderConverter.class.getName();

    private static PipelineFixture fixture;

    @BeforeAll
    static void discover() {
        fixture = new PipelineFixture(Map.of("key.converter", RECORDING, "key.converter.worker.only", "w",
            "header.converter", RECORDING_HEADERS, "header.converter.h", "1"));
    }

    @AfterAll
    static void closePlugins() {
        fixture.close();
    }

    private static TaskConverters converters(Map<String, String> connector) {
        return TaskConverters.create(fixture.plugins, fixture.worker, fixture.sourceConfig(connector),
            fixture.plugins.delegatingLoader());
    }

    @Test
    void workerConvertersApplyWithTheirSettingsAndConverterType() {
        try (TaskConverters converters = converters(Map.of("key.converter.ignored", "x"))) {
            RecordingConverter key = assertInstanceOf(RecordingConverter.class, converters.keyConverter(), "worker's");
            assertEquals(Map.of("worker.only", "w", "converter.type", "key"), key.settings,
                "worker key.converter.* plus converter.type; the connector's key.converter.* is ignored");
            assertEquals(true, key.isKey, "configured as a key converter");
            RecordingHeaderConverter headers = assertInstanceOf(RecordingHeaderConverter.class,
                converters.headerConverter(), "worker's header converter");
            assertEquals(Map.of("h", "1", "converter.type", "header"), headers.settings,
                "header converter configured through configure(Map) with converter.type=header");
            assertInstanceOf(JsonConverter.class, converters.valueConverter(), "worker's value converter");
        }
    }

    @Test
    void connectorConvertersReplaceTheWorkersAndTakeOnlyTheConnectorsSettings() {
        try (TaskConverters converters = converters(Map.of("value.converter", RECORDING,
                "value.converter.conn", "c", "value.converter.plugin.version", "1.0",
                "header.converter", SimpleHeaderConverter.class.getName()))) {
            RecordingConverter value = assertInstanceOf(RecordingConverter.class, converters.valueConverter(),
                "connector's value converter");
            assertEquals(Map.of("conn", "c", "converter.type", "value"), value.settings,
                "only the connector's value.converter.* (without plugin.version) plus converter.type");
            assertEquals(false, value.isKey, "configured as a value converter");
            assertInstanceOf(SimpleHeaderConverter.class, converters.headerConverter(), "connector's header converter");
        }
    }

    @Test
    void closeClosesEachConverterOnce() {
        TaskConverters converters = converters(Map.of("value.converter", RECORDING));
        converters.close();
        assertEquals(1, ((RecordingConverter) converters.keyConverter()).closed, "key converter closed once");
        assertEquals(1, ((RecordingConverter) converters.valueConverter()).closed, "value converter closed once");
        assertEquals(1, ((RecordingHeaderConverter) converters.headerConverter()).closed, "header converter closed once");
    }

    @Test
    void converterRejectingItsSettingsNamesConnectorConverterAndKey() {
        ConnectException e = assertThrows(ConnectException.class, () -> converters(Map.of(
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable", "maybe")));
        assertTrue(e.getMessage().startsWith("Connector 'src': the value converter org.apache.kafka.connect.json."
            + "JsonConverter (value.converter, from the connector configuration) rejected its settings"),
            e.getMessage());
    }
}
