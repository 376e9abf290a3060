package dev.sluice.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineFileTest {

    @TempDir
    Path dir;

    @Test
    void everyLineHasTheConfiguredLengthAndTheFileSizeMatches() throws Exception {
        LineFile file = LineFile.write(dir.resolve("in.txt"), 1234, 60);
        List<String> lines = Files.readAllLines(file.path(), StandardCharsets.US_ASCII);
        assertEquals(1234, lines.size(), "one line per record");
        lines.forEach(line -> assertEquals(60, line.length(), "line '" + line + "' has the wrong length"));
        assertEquals(file.sizeInBytes(), Files.size(file.path()), "sizeInBytes() must be what a complete sink writes");
        assertEquals("line-000000042 ", lines.get(42).substring(0, 15), "lines are numbered from 0");
    }

    @Test
    void rawValuesAreWhatJsonConverterWithSchemasMakesOfTheLine() throws Exception {
        LineFile file = LineFile.write(dir.resolve("in.txt"), 10, 100);
        try (JsonConverter converter = new JsonConverter()) {
            converter.configure(Map.of("schemas.enable", "true"), false);
            for (int i = 0; i < 10; i++) {
                byte[] expected = converter.fromConnectData("t", Schema.STRING_SCHEMA, LineFile.line(i, 100));
                assertArrayEquals(expected, file.jsonValue(i), "raw value of line " + i);
                assertEquals(expected.length, file.jsonValueSize(), "every value has the same size");
            }
        }
    }
}
