package dev.sluice.runtime.herder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {

    private static final Map<String, ConfigDef.ConfigKey> KEYS = new ConfigDef()
        .define("alpha", Type.STRING, "a", Importance.HIGH, "first key", "Common", 1, ConfigDef.Width.SHORT, "Alpha")
        .define("beta", Type.INT, 1, Importance.LOW, "second key", "Own", 1, ConfigDef.Width.SHORT, "Beta")
        .configKeys();

    @Test
    void errorCountIsTheNumberOfErrorMessagesAsApacheCountsThem() {
        ConfigValue alpha = value("alpha", "bad alpha", "alpha also too long");
        ConfigValue beta = value("beta", "bad beta");
        ConfigValue override = value("producer.override.acks", "not allowed by policy");

        ConfigValidation validation = new ConfigValidation("Src", KEYS, List.of(alpha, beta, override),
            List.of("Common", "Own"));

        assertEquals(4, validation.errorCount(),
            "Apache's error_count sums every error message of every value (two on alpha, one on beta, one on the override)");
        assertEquals(List.of("not allowed by policy", "bad alpha", "alpha also too long", "bad beta"),
            validation.errorMessages(), "messages in report order: undefined values first, then definitions in order");
    }

    @Test
    void configurationWithoutErrorMessagesHasNoErrors() {
        ConfigValidation validation = new ConfigValidation("Src", KEYS, List.of(value("alpha"), value("beta")), List.of());

        assertEquals(0, validation.errorCount(), "values without error messages are not errors");
        assertTrue(validation.errorLines().isEmpty(), "no error lines expected: " + validation.errorLines());
    }

    @Test
    void entriesListValuesWithoutDefinitionFirstThenEveryDefinitionInOrder() {
        ConfigValue override = value("producer.override.acks", "not allowed");
        ConfigValue beta = value("beta");

        List<ConfigValidation.Entry> entries = new ConfigValidation("Src", KEYS, List.of(beta, override), List.of())
            .entries();

        assertEquals(3, entries.size(), "one undefined value plus two definitions: " + entries);
        assertNull(entries.get(0).definition(), "a value without a definition comes first, with no definition");
        assertSame(override, entries.get(0).value());
        assertEquals("alpha", entries.get(1).definition().name, "definitions follow in definition order");
        assertNull(entries.get(1).value(), "a definition that was not validated has no value");
        assertEquals("beta", entries.get(2).definition().name);
        assertSame(beta, entries.get(2).value());
    }

    @Test
    void laterValueOfTheSameKeyReplacesTheEarlierOne() {
        ConfigValue framework = value("alpha", "framework says no");
        ConfigValue connector = value("alpha");

        ConfigValidation validation = new ConfigValidation("Src", KEYS, List.of(framework, connector), List.of());

        assertSame(connector, validation.entries().get(0).value(), "the connector's value, validated last, counts");
        assertEquals(0, validation.errorCount(), "the replaced framework error must not be counted");
    }

    @Test
    void failureMessageHasApachesWordingWithOneLinePerErrorMessage() {
        ConfigValue alpha = value("alpha", "Invalid value x for configuration alpha", "alpha is deprecated");
        ConfigValue override = value("producer.override.acks", "The policy forbids producer.override.acks");

        String message = new ConfigValidation("Src", KEYS, List.of(alpha, override), List.of()).failureMessage();

        assertEquals("Connector configuration is invalid and contains the following 3 error(s):\n"
                + "The policy forbids producer.override.acks\n"
                + "Invalid value x for configuration alpha\n"
                + "alpha is deprecated\n"
                + "You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`",
            message, "the rejection of a create/update must read as Apache's 400 message");
    }

    @Test
    void errorLinesNameTheKeyWithItsErrors() {
        ConfigValue alpha = value("alpha", "first", "second");

        assertEquals(List.of("alpha: first; second"),
            new ConfigValidation("Src", KEYS, List.of(alpha, value("beta")), List.of()).errorLines());
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        Map<String, ConfigDef.ConfigKey> keys = new LinkedHashMap<>(KEYS);
        List<ConfigValue> values = new ArrayList<>(List.of(value("alpha")));
        List<String> groups = new ArrayList<>(List.of("Common"));

        ConfigValidation validation = new ConfigValidation("Src", keys, values, groups);
        keys.clear();
        values.clear();
        groups.clear();

        assertEquals(2, validation.keys().size(), "changing the caller's map must not change the validation");
        assertEquals(1, validation.values().size(), "changing the caller's list must not change the validation");
        assertEquals(List.of("Common"), validation.groups());
        assertThrows(UnsupportedOperationException.class, () -> validation.values().add(value("beta")));
        assertThrows(UnsupportedOperationException.class, () -> validation.keys().remove("alpha"));
    }

    @Test
    void connectorClassIsRequired() {
        assertThrows(NullPointerException.class, () -> new ConfigValidation(null, KEYS, List.of(), List.of()));
    }

    private static ConfigValue value(String name, String... errors) {
        return new ConfigValue(name, "v", new ArrayList<>(), new ArrayList<>(List.of(errors)));
    }
}
