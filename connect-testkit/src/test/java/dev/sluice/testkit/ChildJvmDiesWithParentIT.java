package dev.sluice.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildJvmDiesWithParentIT {

    @TempDir
    Path dir;

    @Test
    void brokerJvmExitsWhenTheJvmThatStartedItIsKilled() throws Exception {
        Path output = dir.resolve("parent.log");
        Process parent = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                OrphanParentMain.class.getName(), dir.resolve("clusters").toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        Optional<ProcessHandle> broker = Optional.empty();
        try {
            long pid = await("the parent JVM prints its broker's pid").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> brokerPid(output, parent), found -> found > 0);
            broker = ProcessHandle.of(pid);
            assertTrue(broker.map(ProcessHandle::isAlive).orElse(false), "broker " + pid + " runs while its parent lives");

            parent.destroyForcibly();
            assertTrue(parent.waitFor(30, TimeUnit.SECONDS), "the parent JVM dies on SIGKILL");

            ProcessHandle brokerHandle = broker.orElseThrow();
            await("broker JVM " + pid + " exits after its parent was killed").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !brokerHandle.isAlive());
        } finally {
            parent.destroyForcibly();
            broker.ifPresent(ProcessHandle::destroyForcibly); // never leave a broker behind, even when the test fails
        }
    }

    /** The pid the parent printed, 0 while it has not yet, or an AssertionError with its output if it died. */
    private static long brokerPid(Path output, Process parent) throws IOException {
        String text = Files.exists(output) ? Files.readString(output) : "";
        int at = text.indexOf(OrphanParentMain.PID_PREFIX);
        if (at >= 0) {
            int end = text.indexOf('\n', at);
            if (end > 0) {
                return Long.parseLong(text.substring(at + OrphanParentMain.PID_PREFIX.length(), end).trim());
            }
        }
        if (!parent.isAlive()) {
            throw new AssertionError("The parent JVM exited with code " + parent.exitValue() + " before starting its broker:\n" + text);
        }
        return 0;
    }
}
