package dev.sluice.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConverterSelectionTest {

    private static final WorkerConfig WORKER = new StandaloneConfig(Map.of(
        "bootstrap.servers", "localhost:9092",
        "offset.storage.file.filename", "/tmp/offsets",
        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
        "key.converter.converter.encoding", "UTF-16",
        "value.converter", "org.apache.kafka.connect.converters.LongConverter",
        "value.converter.plugin.version", "[4.0,)"));

    @Test
    void connectorConverterSettingsApplyOnlyWithTheConnectorsOwnConverter() {
        Map<String, String> connector = new HashMap<>(Map.of("key.converter.converter.encoding", "ISO-8859-1"));
        ConverterSelection key = ConverterSelection.forConnector(ConverterSelection.Role.KEY, connector, WORKER);
        assertFalse(key.fromConnector(), "without key.converter the worker's converter applies");
        assertEquals("org.apache.kafka.connect.storage.StringConverter", key.className());
        assertEquals(Map.of("converter.encoding", "UTF-16"), key.settings(), "the connector's key.converter.* are ignored");

        connector.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        ConverterSelection own = ConverterSelection.forConnector(ConverterSelection.Role.KEY, connector, WORKER);
        assertTrue(own.fromConnector());
        assertEquals("org.apache.kafka.connect.converters.ByteArrayConverter", own.className());
        assertEquals(Map.of("converter.encoding", "ISO-8859-1"), own.settings(),
            "only the connector's settings apply, the worker's are not merged in");
    }

    @Test
    void versionFollowsTheChosenConverterAndIsNotPassedAsASetting() {
        ConverterSelection workerValue = ConverterSelection.forConnector(ConverterSelection.Role.VALUE, Map.of(), WORKER);
        assertEquals("[4.0,)", workerValue.version());
        assertEquals(Map.of(), workerValue.settings());
        ConverterSelection connectorValue = ConverterSelection.forConnector(ConverterSelection.Role.VALUE,
            Map.of("value.converter", "IntegerConverter"), WORKER);
        assertNull(connectorValue.version(), "the worker's version does not apply to the connector's converter");
    }

    @Test
    void headerConverterDefaultsToTheWorkersSimpleHeaderConverter() {
        ConverterSelection header = ConverterSelection.forConnector(ConverterSelection.Role.HEADER, Map.of(), WORKER);
        assertEquals("org.apache.kafka.connect.storage.SimpleHeaderConverter", header.className());
        assertEquals("header", header.role().converterType());
    }
}
