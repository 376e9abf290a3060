package dev.sluice.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A class loader over Apache Kafka's released jars, isolated from our implementation of the same
 * class names.
 *
 * <p>Its parent sees only the JDK and the host's shared libraries; the packages listed as hidden
 * (by default {@code org.apache.kafka.connect.} and {@code dev.sluice.}, except this harness) come
 * from the Apache jars alone. A test drives both sides through one small <em>driver</em> class:
 * {@link #newDriver(Class, Class)} defines the driver's bytecode a second time inside this loader, so
 * the same source code links against Apache's classes here and against ours on the host.
 */
public final class ApacheClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** Packages that our modules implement and that must therefore come from Apache's jars. */
    public static final List<String> DEFAULT_HIDDEN_PREFIXES = List.of("org.apache.kafka.connect.", "dev.sluice.");

    private final ClassLoader host;

    private ApacheClassLoader(URL[] urls, HostLibrariesClassLoader parent, ClassLoader host) {
        super("apache-kafka-connect", urls, parent);
        this.host = host;
    }

    /** A loader over the given jars that hides {@link #DEFAULT_HIDDEN_PREFIXES} of the current class path. */
    public static ApacheClassLoader over(List<Path> jars) {
        return over(jars, ApacheClassLoader.class.getClassLoader(), DEFAULT_HIDDEN_PREFIXES);
    }

    /** A loader over the named artifacts' jars from {@link ApacheJars#fromSystemProperty()}. */
    public static ApacheClassLoader forArtifacts(String... artifactIds) {
        return over(ApacheJars.fromSystemProperty().jars(artifactIds));
    }

    /** A loader over the given jars, sharing the host's classes except those under the hidden prefixes. */
    public static ApacheClassLoader over(List<Path> jars, ClassLoader host, List<String> hiddenPrefixes) {
        Objects.requireNonNull(host, "host");
        return new ApacheClassLoader(toUrls(jars), new HostLibrariesClassLoader(host, hiddenPrefixes), host);
    }

    /**
     * Creates an instance of {@code driverClass} whose code links against the classes of this loader.
     *
     * <p>The driver class and its nested classes are defined anew in a child of this loader from the
     * host's bytecode; everything else they use resolves here. The driver must have a public no-arg
     * constructor and implement {@code api}, an interface that both sides share (a JDK type or a type
     * of this harness package), so the caller can use the instance without reflection.
     */
    public <T> T newDriver(Class<? extends T> driverClass, Class<T> api) {
        DriverClassLoader drivers = new DriverClassLoader(this, host, driverClass.getName());
        try {
            Class<?> defined = drivers.loadClass(driverClass.getName());
            return api.cast(defined.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Cannot create driver " + driverClass.getName()
                + " against Apache's classes: " + e, e);
        }
    }

    /** Loads a class that Apache's jars define (or a shared library class), naming the jars on failure. */
    public Class<?> apacheClass(String name) {
        try {
            return Class.forName(name, false, this);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Apache's jars " + List.of(getURLs()) + " have no class " + name, e);
        }
    }

    private static URL[] toUrls(List<Path> jars) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Not a usable jar path: " + jar, e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Defines the driver class (and its nested classes) child-first from the host's bytecode. */
    private static final class DriverClassLoader extends ClassLoader {
        private final ClassLoader host;
        private final String driverName;

        DriverClassLoader(ClassLoader parent, ClassLoader host, String driverName) {
            super("apache-driver", parent);
            this.host = host;
            this.driverName = driverName;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(driverName) && !name.startsWith(driverName + "$")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = bytecodeOf(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private byte[] bytecodeOf(String name) throws ClassNotFoundException {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = host.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException("No bytecode for driver class " + name + " on the host class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
    }
}
