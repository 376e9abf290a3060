package dev.sluice.testkit;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Chooses where a cluster's brokers run from the system property {@value #PROPERTY}: unset or {@code process}
 * for child JVMs, {@code testcontainers} for a container when a Docker engine answers.
 */
final class BackendSelection {

    static final String PROPERTY = "sluice.kafka";

    /** The outcome: run on a backend, or skip the test with a reason. */
    sealed interface Choice permits ChildProcesses, Testcontainers, Unavailable {
    }

    record ChildProcesses() implements Choice {
    }

    record Testcontainers() implements Choice {
    }

    record Unavailable(String reason) implements Choice {
    }

    private BackendSelection() {
    }

    /**
     * @param property        the value of {@value #PROPERTY}, or {@code null}
     * @param brokers         how many brokers the cluster needs
     * @param dockerAvailable asked only when the property selects Testcontainers
     */
    static Choice choose(String property, int brokers, BooleanSupplier dockerAvailable) {
        String value = property == null ? "" : property.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "", "process" -> {
                return new ChildProcesses();
            }
            case "testcontainers" -> {
                if (brokers != 1) {
                    return new Unavailable("-D" + PROPERTY + "=testcontainers runs a single broker but this test needs "
                            + brokers + "; run it without the property to use child-JVM brokers");
                }
                if (!dockerAvailable.getAsBoolean()) {
                    return new Unavailable("-D" + PROPERTY + "=testcontainers is set but no Docker engine answers,"
                            + " so there is no Kafka broker for this test; start Docker or unset the property to use"
                            + " child-JVM brokers");
                }
                return new Testcontainers();
            }
            default -> throw new IllegalArgumentException("System property " + PROPERTY + " is '" + property
                    + "'; expected 'process' (the default) or 'testcontainers'");
        }
    }

    /** Chooses from the system property, asking Testcontainers about Docker only when the property selects it. */
    static Choice fromSystemProperty(int brokers) {
        // A lambda, not a method reference: the Testcontainers class is then linked only if the property selects it.
        return choose(System.getProperty(PROPERTY), brokers, () -> TestcontainersKafkaBackend.dockerAvailable());
    }
}
