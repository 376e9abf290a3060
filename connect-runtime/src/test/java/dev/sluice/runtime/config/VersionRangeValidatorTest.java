package dev.sluice.runtime.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeValidatorTest {

    private static final String KEY = "connector.plugin.version";

    private final VersionRangeValidator validator = VersionRangeValidator.pluginVersion();

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "1.0", "3.7.0-SNAPSHOT", "[1.0,2.0)", "(,1.0],[1.2,)", "[1.0]", "(,1.5]",
        "1.0-alpha,1.0", "[1.0,),[2.0,3.0]", "[1.0 , 2.0] , [3.0]"})
    void acceptsVersionsAndRanges(String spec) {
        assertDoesNotThrow(() -> validator.ensureValid(KEY, spec), spec);
    }

    @Test
    void acceptsNull() {
        assertDoesNotThrow(() -> validator.ensureValid(KEY, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1.0", "(1.0)", "[2.0,1.0]", "1.10,1.9", "[1.0,1.0)", "[1.0,2.0),[1.5,3)",
        "[1.0],x", "1.0]", "1.0.1,1.0-sp"})
    void rejectsMalformedOrEmptyRangesNamingTheKey(String spec) {
        ConfigException e = assertThrows(ConfigException.class, () -> validator.ensureValid(KEY, spec), spec);
        assertTrue(e.getMessage().contains(KEY), "message should name the key: " + e.getMessage());
    }
}
