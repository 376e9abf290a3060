package dev.sluice.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.VersionRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PluginVersionsTest {

    @Test
    void versionsOrderAsMavenOrdersThemWithUndefinedFirst() {
        List<String> sorted = List.of("2.0", "undefined", "1.10.1", "1.2", "1.10.0", "1.10.0-SNAPSHOT", "1.10.0-rc1",
                "1.10.0-alpha", "1.10.0-sp", "0.9")
            .stream().sorted(PluginVersions.ORDER).toList();
        assertEquals(List.of("undefined", "0.9", "1.2", "1.10.0-alpha", "1.10.0-rc1", "1.10.0-SNAPSHOT", "1.10.0",
            "1.10.0-sp", "1.10.1", "2.0"), sorted);
    }

    @ParameterizedTest
    @CsvSource({
        "1.0-SNAPSHOT, 1.0",
        "1.0-rc1, 1.0",
        "1.0-alpha, 1.0-beta",
        "1.0-rc1, 1.0-SNAPSHOT",
        "1.9, 1.10",
        "1.0-sp, 1.0.1",
        "undefined, 0.0.1",
    })
    void lowerVersionSortsFirst(String lower, String higher) {
        assertTrue(PluginVersions.ORDER.compare(lower, higher) < 0, lower + " should sort before " + higher);
        assertTrue(PluginVersions.ORDER.compare(higher, lower) > 0, higher + " should sort after " + lower);
    }

    @ParameterizedTest
    @CsvSource({"1.0.0, 1.0", "1.10, 1.10.0", "1.0-ga, 1.0", "1.0-final, 1.0", "undefined, undefined"})
    void equivalentVersionsCompareEqual(String a, String b) {
        assertEquals(0, PluginVersions.ORDER.compare(a, b), a + " and " + b + " should be the same version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", " latest ", ""})
    void latestOrBlankAllowsAnyVersion(String spec) throws Exception {
        assertEquals(Optional.empty(), PluginVersions.requirement(spec), "spec '" + spec + "'");
        assertTrue(PluginVersions.satisfies("0.1", PluginVersions.requirement(spec)));
    }

    @Test
    void nullAllowsAnyVersion() throws Exception {
        assertEquals(Optional.empty(), PluginVersions.requirement(null));
    }

    @Test
    void bareVersionIsAnExactRequirement() throws Exception {
        Optional<VersionRange> exact = PluginVersions.requirement("1.2");
        assertTrue(PluginVersions.satisfies("1.2", exact), "1.2 itself");
        assertTrue(PluginVersions.satisfies("1.2.0", exact), "1.2.0 is the same version as 1.2");
        assertFalse(PluginVersions.satisfies("1.3", exact), "1.3 is not exactly 1.2");
        assertFalse(PluginVersions.satisfies("1.1", exact), "1.1 is not exactly 1.2");
    }

    @ParameterizedTest
    @CsvSource({
        "'[1.0,2.0)', 1.0, true",
        "'[1.0,2.0)', 1.5-SNAPSHOT, true",
        "'[1.0,2.0)', 2.0, false",
        "'[1.0,2.0)', 2.0-rc1, true",
        "'[1.0,2.0)', 1.0-rc1, false",
        "'(,1.5]', 0.1, true",
        "'(,1.5]', 1.5.0, true",
        "'(,1.5]', 1.5.1, false",
        "'[1.0,2.0),[3.0,)', 2.5, false",
        "'[1.0,2.0),[3.0,)', 4.0, true",
        "'1.0,2.0', 2.0, true",
    })
    void rangesMatchAsMavenDefinesThem(String spec, String version, boolean expected) throws Exception {
        assertEquals(expected, PluginVersions.satisfies(version, PluginVersions.requirement(spec)),
            version + " in " + spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1.0", "(1.0)", "[2.0,1.0]", "1.10,1.9", "[1.0,1.0)", "[1.0,2.0),[1.5,3)", "[1.0],x"})
    void invalidSpecsAreRejected(String spec) {
        assertThrows(InvalidVersionSpecificationException.class, () -> PluginVersions.requirement(spec), spec);
    }
}
