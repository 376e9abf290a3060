package dev.sluice.runtime.metrics;

import dev.sluice.runtime.config.WorkerConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's metrics registry, set up as Apache Kafka Connect 4.3.1 sets up its own: the reporters of
 * {@code metric.reporters} (by default {@code JmxReporter}) under the JMX domain {@value #JMX_PREFIX}, samples from
 * {@code metrics.sample.window.ms} / {@code metrics.num.samples} / {@code metrics.recording.level}, and a metrics
 * context labelled {@code connect.kafka.cluster.id} plus every {@code metrics.context.*} setting. Once the worker id
 * is known, {@link #registerAppInfo(String)} adds {@code kafka.connect:type=app-info,id=<workerId>}.
 *
 * <p>The worker's metric groups ({@link WorkerMetrics}, {@link ConnectorMetrics}, {@link TaskMetricGroups}) are
 * registered in {@link #registry()}; closing this closes the registry and with it every MBean.
 */
public final class ConnectMetrics implements AutoCloseable {

    /** The JMX domain of every worker metric. */
    public static final String JMX_PREFIX = "kafka.connect";
    /** Metrics context label with the Kafka cluster's id. */
    public static final String CLUSTER_ID_LABEL = "connect.kafka.cluster.id";

    private static final Logger log = LoggerFactory.getLogger(ConnectMetrics.class);

    private final Metrics metrics;
    private final Time time;
    private String appInfoId;

    /**
     * The registry for a worker.
     *
     * @param config the worker configuration (metric reporters, sampling, {@code metrics.context.*})
     * @param kafkaClusterId the Kafka cluster's id for the metrics context, or null to add none
     * @param time the clock of every metric
     * @throws org.apache.kafka.common.KafkaException if a configured reporter cannot be created
     */
    public ConnectMetrics(WorkerConfig config, String kafkaClusterId, Time time) {
        Objects.requireNonNull(config, "config");
        this.time = Objects.requireNonNull(time, "time");
        MetricConfig metricConfig = new MetricConfig()
            .samples(config.getInt(WorkerConfig.METRICS_NUM_SAMPLES))
            .timeWindow(config.getLong(WorkerConfig.METRICS_SAMPLE_WINDOW_MS), TimeUnit.MILLISECONDS)
            .recordLevel(Sensor.RecordingLevel.forName(config.getString(WorkerConfig.METRICS_RECORDING_LEVEL)));
        List<MetricsReporter> reporters = CommonClientConfigs.metricsReporters(config);
        Map<String, Object> labels = new HashMap<>(config.originalsWithPrefix(WorkerConfig.METRICS_CONTEXT_PREFIX));
        if (kafkaClusterId != null) {
            labels.put(CLUSTER_ID_LABEL, kafkaClusterId);
        }
        this.metrics = new Metrics(metricConfig, reporters, time, new KafkaMetricsContext(JMX_PREFIX, labels));
    }

    /** The registry in which the worker, its connectors and tasks register their metrics. */
    public Metrics registry() {
        return metrics;
    }

    /**
     * Registers the {@code app-info} MBean and metrics of the worker ({@code Version}, {@code CommitId},
     * {@code StartTimeMs}) under {@code workerId}; once only.
     */
    public synchronized void registerAppInfo(String workerId) {
        Objects.requireNonNull(workerId, "workerId");
        if (appInfoId != null) {
            throw new IllegalStateException("The app-info of worker " + appInfoId + " is already registered");
        }
        AppInfoParser.registerAppInfo(JMX_PREFIX, workerId, metrics, time.milliseconds());
        appInfoId = workerId;
    }

    /** Unregisters the app-info and closes the registry and its reporters, removing every worker MBean. */
    @Override
    public synchronized void close() {
        if (appInfoId != null) {
            try {
                AppInfoParser.unregisterAppInfo(JMX_PREFIX, appInfoId, metrics);
            } catch (RuntimeException e) {
                log.warn("Cannot unregister the app-info MBean of worker {}", appInfoId, e);
            }
            appInfoId = null;
        }
        metrics.close();
    }
}
