package dev.sluice.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * A copy of a {@link ConfigDef} whose parsing and validation resolve {@code CLASS}-typed values through
 * a class loader chosen by the caller instead of whatever loader the calling thread happens to carry.
 *
 * <p>Kafka's {@code ConfigDef} turns a class name into a {@code Class} through the thread's context
 * class loader. That is the hook Apache Connect relies on (its plugin loader is installed as context
 * loader while configurations are parsed), and it is the hook we keep: the {@code plugins} package hands
 * its loader (which knows aliases and isolated plugin classes) to the configuration classes, and this
 * copy installs it only for the duration of one {@link #parse}, {@link #validate} or {@link #validateAll}
 * call, restoring the previous context loader afterwards even when parsing fails.
 */
public final class ClassLoadingConfigDef extends ConfigDef {

    private final ClassLoader classes;

    private ClassLoadingConfigDef(ConfigDef definition, ClassLoader classes) {
        super(definition);
        this.classes = classes;
    }

    /**
     * A copy of {@code definition} that resolves class names through {@code classes}.
     *
     * @param definition the keys to copy
     * @param classes the loader for class-typed values; {@code null} means the thread's context loader, as Kafka does
     * @return {@code definition} itself when {@code classes} is null, otherwise the copy
     */
    public static ConfigDef using(ConfigDef definition, ClassLoader classes) {
        Objects.requireNonNull(definition, "definition");
        return classes == null ? definition : new ClassLoadingConfigDef(definition, classes);
    }

    @Override
    public Map<String, Object> parse(Map<?, ?> props) {
        try (ContextLoader ignored = ContextLoader.install(classes)) {
            return super.parse(props);
        }
    }

    @Override
    public List<ConfigValue> validate(Map<String, String> props) {
        try (ContextLoader ignored = ContextLoader.install(classes)) {
            return super.validate(props);
        }
    }

    @Override
    public Map<String, ConfigValue> validateAll(Map<String, String> props) {
        try (ContextLoader ignored = ContextLoader.install(classes)) {
            return super.validateAll(props);
        }
    }

    /** The context class loader of the current thread, replaced until {@link #close()}. */
    private record ContextLoader(Thread thread, ClassLoader previous) implements AutoCloseable {

        static ContextLoader install(ClassLoader loader) {
            Thread current = Thread.currentThread();
            ContextLoader swap = new ContextLoader(current, current.getContextClassLoader());
            current.setContextClassLoader(loader);
            return swap;
        }

        @Override
        public void close() {
            thread.setContextClassLoader(previous);
        }
    }
}
