package dev.sluice.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart on this machine: its own broker, its own worker, the demo pipeline end to end. */
class QuickstartIT {

    @TempDir
    Path dir;

    @Test
    void quickstartStartsABrokerAndAWorkerAndDeliversTheDemoLines() throws Exception {
        new Quickstart(new Quickstart.Options(dir, 0, true)).run();

        DemoFiles files = new DemoFiles(dir);
        assertEquals(5, files.inputLines().size(), "the quickstart wrote its demo input");
        assertEquals(files.inputLines(), files.outputLines(), "the sink wrote every input line, in order");
        assertTrue(Files.size(files.offsets()) > 0, "the source's offsets were flushed to the offsets file");
    }

    @Test
    void unknownArgumentsAreRejectedWithTheUsage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> Quickstart.Options.parse(new String[] {"--bogus"}));
        assertTrue(error.getMessage().contains("Usage"), error.getMessage());
    }
}
