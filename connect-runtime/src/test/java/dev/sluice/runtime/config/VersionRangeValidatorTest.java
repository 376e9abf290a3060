package dev.sluice.runtime.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "1.0", "3.7.0-SNAPSHOT", "[1.0,2.0)", "(,1.0],[1.2,)", "[1.0]",
        "1.0-alpha,1.0", "[1.0,),[2.0,3.0]", "[1.0 , 2.0] , [3.0]"})
    void acceptsVersionsAndRanges(String spec) {
        assertNull(VersionRangeValidator.problemWith(spec), spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1.0", "(1.0)", "[2.0,1.0]", "1.10,1.9", "[1.0,1.0)", "[1.0,2.0),[1.5,3)",
        "[1.0],x", "1.0]", "1.0.1,1.0-sp"})
    void rejectsMalformedOrEmptyRanges(String spec) {
        assertNotNull(VersionRangeValidator.problemWith(spec), spec);
    }
}
