package dev.sluice.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerStartupFailureIT {

    @TempDir
    Path dir;

    @Test
    void brokerThatCannotStartFailsFastWithTheTailOfItsLog() throws Exception {
        // The storage formats fine (the tool never loads the authorizer), but the broker dies at startup.
        KafkaCluster cluster = KafkaCluster.builder()
                .brokerProperty("authorizer.class.name", "dev.sluice.testkit.NoSuchAuthorizer")
                .baseDirectory(dir)
                .build();

        KafkaClusterException failure = assertThrows(KafkaClusterException.class, cluster::start);

        assertTrue(failure.getMessage().contains("exited before the cluster became ready"),
                "the failure is reported as soon as the broker died: " + failure.getMessage());
        assertTrue(failure.getMessage().contains("NoSuchAuthorizer"),
                "the message holds the tail of the broker's log with the cause: " + failure.getMessage());
        try (var leftovers = java.nio.file.Files.list(dir)) {
            assertFalse(leftovers.findAny().isPresent(), "a cluster that failed to start deletes its directory");
        }
    }
}
