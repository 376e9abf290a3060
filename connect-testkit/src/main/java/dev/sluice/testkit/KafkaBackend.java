package dev.sluice.testkit;

import java.util.OptionalLong;

/**
 * Where a {@link KafkaCluster}'s brokers run: child JVMs on this machine or a container. The cluster's client
 * helpers only need {@link #bootstrapServers()}, so they work on either.
 */
interface KafkaBackend extends AutoCloseable {

    /** Starts every broker and returns once the cluster answers. */
    void start();

    String bootstrapServers();

    int brokerCount();

    /** {@code host:port} of the client listener of broker {@code id}; stable across restarts of that broker. */
    String brokerAddress(int id);

    /** Stops broker {@code id} cleanly (SIGTERM) and waits until its process exited. */
    void stopBroker(int id);

    /** Kills broker {@code id} (SIGKILL) and waits until its process exited. */
    void killBroker(int id);

    /** Starts a stopped broker {@code id} with its ports and data and waits until it is back in the cluster. */
    void startBroker(int id);

    /** The process id of broker {@code id} if it runs as a local process. */
    OptionalLong brokerPid(int id);

    /** Stops every broker and removes what the backend created; never throws for a broker already gone. */
    @Override
    void close();
}
