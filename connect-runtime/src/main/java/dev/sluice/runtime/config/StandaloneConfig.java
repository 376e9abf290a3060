package dev.sluice.runtime.config;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The configuration of a standalone worker: the common worker keys plus the file that holds source
 * offsets. Class-typed keys resolve through the loader given to the constructor (see {@link WorkerConfig}).
 */
public final class StandaloneConfig extends WorkerConfig {

    /** Key: the file in which source connector offsets are stored. */
    public static final String OFFSET_STORAGE_FILE_FILENAME = "offset.storage.file.filename";

    /** Parses standalone worker properties, resolving class names through the thread's context loader. */
    public StandaloneConfig(Map<String, String> props) {
        this(props, null);
    }

    /**
     * Parses standalone worker properties.
     *
     * @param props the worker properties
     * @param pluginClasses the loader for class-typed values, or null for the thread's context loader
     */
    public StandaloneConfig(Map<String, String> props, ClassLoader pluginClasses) {
        super(configDef(), props, pluginClasses);
    }

    /** The keys of a standalone worker; a new definition on every call. */
    public static ConfigDef configDef() {
        return baseConfigDef()
            .define(OFFSET_STORAGE_FILE_FILENAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                "File in which the standalone worker keeps the offsets of source connectors.");
    }

    /** The offsets file. */
    public String offsetStorageFile() {
        return getString(OFFSET_STORAGE_FILE_FILENAME);
    }
}
