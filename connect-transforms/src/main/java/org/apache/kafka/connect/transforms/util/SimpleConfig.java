package org.apache.kafka.connect.transforms.util;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A parsed configuration of a transform or predicate: an {@link AbstractConfig} that does not log
 * its values (a record pipeline creates many of them).
 */
public class SimpleConfig extends AbstractConfig {

    public SimpleConfig(ConfigDef configDef, Map<?, ?> originals) {
        super(configDef, originals, false);
    }
}
