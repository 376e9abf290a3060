package dev.sluice.runtime.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

    private static Map<String, String> common() {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "localhost:9092");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        return props;
    }

    private static Map<String, String> distributed() {
        Map<String, String> props = common();
        props.put("group.id", "cluster");
        props.put("offset.storage.topic", "offsets");
        props.put("config.storage.topic", "configs");
        props.put("status.storage.topic", "status");
        return props;
    }

    @Test
    void standaloneRequiresTheOffsetsFile() {
        ConfigException e = assertThrows(ConfigException.class, () -> new StandaloneConfig(common()));
        assertTrue(e.getMessage().contains("offset.storage.file.filename"), e.getMessage());
        Map<String, String> props = common();
        props.put("offset.storage.file.filename", "/tmp/o");
        StandaloneConfig config = new StandaloneConfig(props);
        assertEquals("/tmp/o", config.offsetStorageFile());
        assertEquals(60000L, config.offsetCommitInterval());
        assertEquals("org.apache.kafka.connect.storage.SimpleHeaderConverter", config.headerConverter().getName());
        assertEquals("All", config.clientConfigOverridePolicy());
        assertFalse(config.exactlyOnceSourceEnabled());
    }

    @Test
    void pluginDiscoveryIsCaseInsensitive() {
        assertEquals("HYBRID_FAIL", WorkerConfig.pluginDiscovery(Map.of("plugin.discovery", "Hybrid_Fail")));
        assertEquals("HYBRID_WARN", WorkerConfig.pluginDiscovery(Map.of()));
        assertThrows(ConfigException.class, () -> WorkerConfig.pluginDiscovery(Map.of("plugin.discovery", "scan")));
    }

    @Test
    void distributedAccessorsReflectTheKeys() {
        Map<String, String> props = distributed();
        props.put("exactly.once.source.support", "Preparing");
        props.put("connect.protocol", "COMPATIBLE");
        props.put("offset.storage.cleanup.policy", "delete");
        props.put("offset.storage.retention.ms", "100");
        DistributedConfig config = new DistributedConfig(props);
        assertEquals("cluster", config.groupId());
        assertEquals(DistributedConfig.ExactlyOnceSourceSupport.PREPARING, config.exactlyOnceSourceSupport());
        assertTrue(config.transactionalLeaderEnabled());
        assertFalse(config.exactlyOnceSourceEnabled());
        assertEquals("connect-cluster-cluster", config.transactionalProducerId());
        assertEquals("compatible", config.connectProtocol());
        assertEquals(Map.of("retention.ms", "100"), config.offsetStorageTopicSettings(),
            "cleanup.policy is dropped (internal topics are compacted) and the worker's own keys are not topic configs");
    }

    @Test
    void verificationAlgorithmsMustIncludeTheSignatureAlgorithm() {
        Map<String, String> props = distributed();
        props.put("inter.worker.signature.algorithm", "HmacSHA1");
        ConfigException e = assertThrows(ConfigException.class, () -> new DistributedConfig(props));
        assertTrue(e.getMessage().contains("inter.worker.verification.algorithms"), e.getMessage());
        props.put("inter.worker.verification.algorithms", "HmacSHA256, HmacSHA1");
        assertDoesNotThrow(() -> new DistributedConfig(props));
    }

    @Test
    void responseHeaderRulesAreChecked() {
        ResponseHeaderRulesValidator validator = new ResponseHeaderRulesValidator();
        assertDoesNotThrow(() -> validator.ensureValid("h", "set X-Frame-Options: DENY"));
        assertDoesNotThrow(() -> validator.ensureValid("h", "\"add Cache-Control: no-cache, no-store\",set X: y"));
        assertDoesNotThrow(() -> validator.ensureValid("h", ""));
        assertThrows(ConfigException.class, () -> validator.ensureValid("h", "add Cache-Control: no-cache, no-store"),
            "an unquoted comma starts a new rule, and 'no-store' alone is not a rule");
        assertThrows(ConfigException.class, () -> validator.ensureValid("h", "remove X: y"));
    }

    @Test
    void listenersMustNotBeEmpty() {
        Map<String, String> props = common();
        props.put("offset.storage.file.filename", "/tmp/o");
        props.put("listeners", "");
        ConfigException e = assertThrows(ConfigException.class, () -> new StandaloneConfig(props));
        assertTrue(e.getMessage().contains("listeners"), e.getMessage());
    }
}
