package dev.sluice.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is what the definitions generate: the reference cannot drift from the code. */
class ConfigReferenceTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void checkedInReferenceEqualsTheGeneratedOne() throws IOException {
        String generated = ConfigReference.markdown();
        if (Boolean.getBoolean("sluice.docs.update")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(DOC), "docs/configuration.md is missing; regenerate it with -Dsluice.docs.update=true");
        assertEquals(generated, Files.readString(DOC, StandardCharsets.UTF_8),
            "docs/configuration.md is out of date with the ConfigDefs; regenerate it: mvn -B -ntp -pl connect-runtime -am"
                + " test -Dtest=ConfigReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dsluice.docs.update=true");
    }

    @Test
    void referenceDocumentsWorkerAndConnectorKeysWithTheirDefaults() {
        String reference = ConfigReference.markdown();
        assertTrue(reference.contains("### `bootstrap.servers`"), "worker keys are documented");
        assertTrue(reference.contains("### `offset.storage.file.filename`"), "standalone keys are documented");
        assertTrue(reference.contains("### `errors.deadletterqueue.topic.name`"), "sink keys are documented");
        assertTrue(reference.contains("### `topic.creation.groups`"), "source keys are documented");
        assertTrue(reference.contains("- Default: `1`"), "defaults are shown (tasks.max)");
    }
}
