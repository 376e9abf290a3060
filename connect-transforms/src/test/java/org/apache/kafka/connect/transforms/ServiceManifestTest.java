package org.apache.kafka.connect.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceManifestTest {

    private static List<String> entries(String service) throws IOException {
        String resource = "META-INF/services/" + service;
        try (InputStream in = ServiceManifestTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is on the class path");
            List<String> names = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.trim();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return names;
        }
    }

    @Test
    void transformationManifestListsApachesConcreteTransforms() throws IOException {
        String p = "org.apache.kafka.connect.transforms.";
        assertEquals(List.of(
            p + "Cast$Key", p + "Cast$Value", p + "DropHeaders", p + "ExtractField$Key", p + "ExtractField$Value",
            p + "Filter", p + "Flatten$Key", p + "Flatten$Value", p + "HeaderFrom$Key", p + "HeaderFrom$Value",
            p + "HoistField$Key", p + "HoistField$Value", p + "InsertField$Key", p + "InsertField$Value",
            p + "InsertHeader", p + "MaskField$Key", p + "MaskField$Value", p + "RegexRouter",
            p + "ReplaceField$Key", p + "ReplaceField$Value", p + "SetSchemaMetadata$Key", p + "SetSchemaMetadata$Value",
            p + "TimestampConverter$Key", p + "TimestampConverter$Value", p + "TimestampRouter", p + "ValueToKey"),
            entries("org.apache.kafka.connect.transforms.Transformation"));
    }

    @Test
    void predicateManifestListsApachesPredicates() throws IOException {
        String p = "org.apache.kafka.connect.transforms.predicates.";
        assertEquals(List.of(p + "HasHeaderKey", p + "RecordIsTombstone", p + "TopicNameMatches"),
            entries("org.apache.kafka.connect.transforms.predicates.Predicate"));
    }
}
