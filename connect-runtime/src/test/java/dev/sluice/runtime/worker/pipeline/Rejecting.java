package dev.sluice.runtime.worker.pipeline;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** A transformation that rejects any settings. */
public class Rejecting<R extends org.apache.kafka.connect.connector.ConnectRecord<R>> extends Failing<R> {

    @Override
    public void configure(Map<String, ?> configs) {
        throw new ConfigException("rejected on purpose");
    }
}
