package org.apache.kafka.connect.transforms;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * Drops every record it sees. Useful only together with a predicate, so that the records the
 * predicate selects (or, negated, does not select) are removed from the pipeline.
 *
 * @param <R> the record type
 */
public class Filter<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Drops all records, filtering them from subsequent transformations in the chain. "
        + "This is intended to be used conditionally to filter out records matching (or not matching) a particular Predicate.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef();

    @Override
    public R apply(R record) {
        return null;
    }

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
