package dev.sluice.runtime.storage;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Drives Apache Kafka Connect's own offset classes when defined inside an
 * {@link dev.sluice.compat.ApacheClassLoader}: its {@code FileOffsetBackingStore} configured by a standalone
 * {@code StandaloneConfig}, its {@code OffsetStorageWriter} and {@code OffsetStorageReaderImpl}, and its
 * {@code JsonConverter} with schemas disabled. Runtime classes that exist only in Apache's jars are reached
 * by reflection so this source compiles against ours. The input is a command list; outputs are JDK types.
 *
 * <ul>
 *   <li>{@code ["write", file, connector, [[partition, offset], ...]]}: stages and flushes with Apache's writer</li>
 *   <li>{@code ["read", file, connector, [partition, ...]]}: returns {@code [offsets map, connectorPartitions]}</li>
 *   <li>{@code ["json", value]}: the bytes of Apache's JsonConverter for a schemaless value</li>
 *   <li>{@code ["validate", value]}: {@code "ok"} if Apache's {@code OffsetUtils.validateFormat} accepts the
 *       partition or offset, else the simple name of what it threw</li>
 * </ul>
 */
public class ApacheOffsetDriver implements Function<List<Object>, Object> {

    private static final String STORAGE = "org.apache.kafka.connect.storage.";

    @Override
    @SuppressWarnings("unchecked")
    public Object apply(List<Object> command) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(getClass().getClassLoader());
        try {
            return switch ((String) command.get(0)) {
                case "write" -> write((String) command.get(1), (String) command.get(2), (List<List<Map<String, Object>>>) command.get(3));
                case "read" -> read((String) command.get(1), (String) command.get(2), (List<Map<String, Object>>) command.get(3));
                case "json" -> converter().fromConnectData("any", null, command.get(1));
                case "validate" -> validate(command.get(1));
                default -> throw new IllegalArgumentException("Unknown command " + command);
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot drive Apache's offset classes: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Object write(String file, String connector, List<List<Map<String, Object>>> offsets) throws ReflectiveOperationException {
        Object store = startedStore(file);
        try {
            Object writer = load(STORAGE + "OffsetStorageWriter")
                .getConstructor(load(STORAGE + "OffsetBackingStore"), String.class, Converter.class, Converter.class)
                .newInstance(store, connector, converter(), converter());
            Method offset = writer.getClass().getMethod("offset", Map.class, Map.class);
            for (List<Map<String, Object>> pair : offsets) {
                offset.invoke(writer, pair.get(0), pair.get(1));
            }
            if (!(Boolean) writer.getClass().getMethod("beginFlush").invoke(writer)) {
                throw new IllegalStateException("Apache's writer had nothing to flush");
            }
            Class<?> callbackType = load("org.apache.kafka.connect.util.Callback");
            Object callback = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {callbackType},
                (proxy, method, args) -> method.getName().equals("onCompletion") ? null : method.invoke(this, args));
            Future<?> flushed = (Future<?>) writer.getClass().getMethod("doFlush", callbackType).invoke(writer, callback);
            flushed.get(10, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("Apache's writer failed: " + e, e);
        } finally {
            store.getClass().getMethod("stop").invoke(store);
        }
    }

    private Object read(String file, String connector, List<Map<String, Object>> partitions) throws ReflectiveOperationException {
        Object store = startedStore(file);
        try {
            OffsetStorageReader reader = (OffsetStorageReader) load(STORAGE + "OffsetStorageReaderImpl")
                .getConstructor(load(STORAGE + "OffsetBackingStore"), String.class, Converter.class, Converter.class)
                .newInstance(store, connector, converter(), converter());
            Map<Map<String, Object>, Map<String, Object>> found = new HashMap<>(reader.offsets(partitions));
            Collection<?> listed = (Collection<?>) store.getClass().getMethod("connectorPartitions", String.class)
                .invoke(store, connector);
            List<Object> result = new ArrayList<>();
            result.add(found);
            result.add(new ArrayList<>(listed));
            return result;
        } finally {
            store.getClass().getMethod("stop").invoke(store);
        }
    }

    private Object validate(Object value) throws ReflectiveOperationException {
        try {
            load(STORAGE + "OffsetUtils").getMethod("validateFormat", Object.class).invoke(null, value);
            return "ok";
        } catch (java.lang.reflect.InvocationTargetException e) {
            return e.getCause().getClass().getSimpleName();
        }
    }

    private Object startedStore(String file) throws ReflectiveOperationException {
        Class<?> workerConfig = load("org.apache.kafka.connect.runtime.WorkerConfig");
        Constructor<?> configConstructor = load("org.apache.kafka.connect.runtime.standalone.StandaloneConfig")
            .getConstructor(Map.class);
        Object config = configConstructor.newInstance(Map.of(
            "bootstrap.servers", "localhost:9092",
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "offset.storage.file.filename", file));
        Object store = load(STORAGE + "FileOffsetBackingStore").getConstructor(Converter.class).newInstance(converter());
        store.getClass().getMethod("configure", workerConfig).invoke(store, config);
        store.getClass().getMethod("start").invoke(store);
        return store;
    }

    private static JsonConverter converter() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), true);
        return converter;
    }

    private Class<?> load(String name) throws ClassNotFoundException {
        return Class.forName(name, true, getClass().getClassLoader());
    }
}
