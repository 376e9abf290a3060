package org.apache.kafka.connect.transforms.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class FieldSyntaxVersionTest {

    private static FieldSyntaxVersion configured(Map<String, ?> props) {
        return FieldSyntaxVersion.fromConfig(new AbstractConfig(FieldSyntaxVersion.appendConfigTo(new ConfigDef()),
            props, false));
    }

    @Test
    void appendConfigToDefinesTheKeyOnTheGivenDefinition() {
        ConfigDef def = new ConfigDef();
        assertSame(def, FieldSyntaxVersion.appendConfigTo(def));
        ConfigDef.ConfigKey key = def.configKeys().get(FieldSyntaxVersion.FIELD_SYNTAX_VERSION_CONFIG);
        assertEquals(ConfigDef.Type.STRING, key.type);
        assertEquals("V1", key.defaultValue);
        assertEquals(ConfigDef.Importance.HIGH, key.importance);
        assertEquals(FieldSyntaxVersion.FIELD_SYNTAX_VERSION_DOC, key.documentation);
    }

    @Test
    void defaultIsV1() {
        assertEquals("V1", FieldSyntaxVersion.FIELD_SYNTAX_VERSION_DEFAULT_VALUE);
        assertEquals(FieldSyntaxVersion.V1, configured(Map.of()));
    }

    @Test
    void versionIsReadInAnyCase() {
        assertEquals(FieldSyntaxVersion.V2, configured(Map.of("field.syntax.version", "v2")));
        assertEquals(FieldSyntaxVersion.V2, configured(Map.of("field.syntax.version", " V2 ")));
        assertEquals(FieldSyntaxVersion.V1, configured(Map.of("field.syntax.version", "v1")));
    }

    @Test
    void unknownVersionIsAConfigError() {
        assertThrows(ConfigException.class, () -> configured(Map.of("field.syntax.version", "V3")));
        ConfigDef lenient = new ConfigDef().define("field.syntax.version", ConfigDef.Type.STRING, "V9",
            ConfigDef.Importance.LOW, "no validator");
        ConfigException e = assertThrows(ConfigException.class,
            () -> FieldSyntaxVersion.fromConfig(new AbstractConfig(lenient, Map.of(), false)));
        assertEquals("Invalid value V9 for configuration field.syntax.version: Unrecognized field syntax version",
            e.getMessage());
    }
}
