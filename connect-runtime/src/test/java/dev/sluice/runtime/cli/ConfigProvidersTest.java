package dev.sluice.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.junit.jupiter.api.Test;

/** Resolving connector configs with the worker's config providers. */
class ConfigProvidersTest {

    @Test
    void connectorConfigReferencesAreResolvedAndOtherValuesCopied() {
        try (ConfigProviders providers = new ConfigProviders(Map.of("env",
            env(Map.of("DB_PASSWORD", "pw", "DB_USER", "me"))))) {
            Map<String, String> config = new HashMap<>();
            config.put("connection.password", "${env:DB_PASSWORD}");
            config.put("connection.url", "jdbc:x://${env:DB_USER}@host");
            config.put("tasks.max", "1");
            config.put("nullable", null);
            Map<String, String> expected = new HashMap<>();
            expected.put("connection.password", "pw");
            expected.put("connection.url", "jdbc:x://me@host");
            expected.put("tasks.max", "1");
            expected.put("nullable", null);
            assertEquals(expected, providers.resolve("Connector 'c'", config), "references replaced, rest copied");
        }
    }

    @Test
    void unresolvableReferenceStaysLiteralAsInApache() {
        try (ConfigProviders providers = new ConfigProviders(Map.of("env", env(Map.of())))) {
            Map<String, String> resolved = providers.resolve("Connector 'c'",
                Map.of("connection.password", "${env:NOPE}", "other", "x-${vault:a:b}"));
            assertEquals("${env:NOPE}", resolved.get("connection.password"), "a missing variable stays as written");
            assertEquals("x-${vault:a:b}", resolved.get("other"), "an unknown provider stays as written");
        }
    }

    @Test
    void providerFailureIsAnErrorNamingTheKey() {
        try (ConfigProviders providers = new ConfigProviders(Map.of("env", env(Map.of())))) {
            ConfigException e = assertThrows(ConfigException.class,
                () -> providers.resolve("Connector 'c'", Map.of("k", "${env:some/path:X}")));
            assertTrue(e.getMessage().contains("'k'") && e.getMessage().contains("Path is not supported"),
                "names key and the provider's reason: " + e.getMessage());
        }
    }

    @Test
    void valuesLookingLikeTemplatesWithoutAColonAreLeftAlone() {
        try (ConfigProviders providers = ConfigProviders.fromWorkerConfig(Map.of())) {
            Map<String, String> config = Map.of("topic.format", "${topic}-${timestamp}");
            assertEquals(config, providers.resolve("Connector 'c'", config), "not a provider reference");
        }
    }

    @Test
    void providersAreCreatedFromWorkerConfigWithTheirParams() {
        Map<String, String> worker = Map.of("config.providers", " params ,other",
            "config.providers.params.class", ParamsProvider.class.getName(),
            "config.providers.params.param.greeting", "hello",
            "config.providers.other.class", ParamsProvider.class.getName());
        try (ConfigProviders providers = ConfigProviders.fromWorkerConfig(worker)) {
            assertEquals(List.of("params", "other"), List.copyOf(providers.names()), "names trimmed, in order");
            assertEquals("hello", providers.resolve("Connector 'c'", Map.of("k", "${params:greeting}")).get("k"),
                "value from the provider's params, prefix removed");
        }
    }

    @Test
    void closeClosesEveryProviderEvenWhenOneFails() {
        ParamsProvider first = new ParamsProvider();
        ParamsProvider failing = new ParamsProvider();
        failing.failOnClose = true;
        ParamsProvider last = new ParamsProvider();
        Map<String, ConfigProvider> map = new LinkedHashMap<>();
        map.put("first", first);
        map.put("failing", failing);
        map.put("last", last);
        new ConfigProviders(map).close();
        assertTrue(first.closed && failing.closed && last.closed, "all providers closed");
    }

    /** An env provider with an injected environment, configured as the worker would configure it. */
    private static ConfigProvider env(Map<String, String> environment) {
        EnvVarConfigProvider provider = new EnvVarConfigProvider(environment);
        provider.configure(Map.of());
        return provider;
    }

    /** Answers with its own params; remembers whether it was closed. */
    public static final class ParamsProvider implements ConfigProvider {
        private Map<String, ?> params = Map.of();
        private boolean failOnClose;
        private boolean closed;

        @Override
        public void configure(Map<String, ?> configs) {
            params = Map.copyOf(configs);
        }

        @Override
        public ConfigData get(String path) {
            return get(path, Set.of());
        }

        @Override
        public ConfigData get(String path, Set<String> keys) {
            Map<String, String> data = new HashMap<>();
            keys.stream().filter(params::containsKey).forEach(k -> data.put(k, (String) params.get(k)));
            return new ConfigData(data);
        }

        @Override
        public void close() {
            closed = true;
            if (failOnClose) {
                throw new IllegalStateException("close failed on purpose");
            }
        }
    }
}
