package dev.sluice.runtime.cli;

import dev.sluice.runtime.config.ClientConfigs;
import dev.sluice.runtime.config.WorkerConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest.ClientType;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Asks the Kafka cluster for its id at worker start, as Apache's worker does; the id goes into the clients'
 * metrics context and {@code GET /}. The first contact with the cluster, so a wrong {@code bootstrap.servers}
 * shows up here with a message that says so.
 */
public final class KafkaClusterIdLookup {

    private KafkaClusterIdLookup() {
    }

    /**
     * The cluster's id.
     *
     * @param timeout how long to try before giving up
     * @throws ConnectException naming {@code bootstrap.servers} if the cluster does not answer in time
     */
    public static String lookup(WorkerConfig worker, Duration timeout) {
        Map<String, Object> settings = ClientConfigs.fromWorker(worker, ClientType.ADMIN);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "sluice-cluster-id-lookup");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        try (Admin admin = Admin.create(settings)) {
            return admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new ConnectException("Cannot reach the Kafka cluster at bootstrap.servers=" + worker.bootstrapServers()
                + " within " + timeout.toSeconds() + " s (" + (e.getCause() == null ? e : e.getCause())
                + "). Check that the brokers run and that bootstrap.servers (and any security settings) are right.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while looking up the Kafka cluster id", e);
        }
    }
}
