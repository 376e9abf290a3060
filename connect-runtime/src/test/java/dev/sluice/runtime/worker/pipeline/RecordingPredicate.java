package dev.sluice.runtime.worker.pipeline;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/** Matches topics starting with its 'prefix' setting and records how it was called. */
public class RecordingPredicate<R extends ConnectRecord<R>> implements Predicate<R> {

    int configured;
    int closed;
    ClassLoader contextLoaderSeen;
    private String prefix = "";

    @Override
    public ConfigDef config() {
        return new ConfigDef().define("prefix", ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW, "topic prefix");
    }

    @Override
    public boolean test(R record) {
        contextLoaderSeen = Thread.currentThread().getContextClassLoader();
        return record.topic().startsWith(prefix);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        configured++;
        Object value = configs.get("prefix");
        prefix = value == null ? "" : value.toString();
    }

    @Override
    public void close() {
        closed++;
    }
}
