package dev.sluice.compat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of an {@link ApacheClassLoader}: it sees the JDK and the libraries on the host class
 * path that both sides share (kafka-clients, Jackson, SLF4J, jakarta...), but hides every class and
 * resource of the packages our own code provides, so that Apache's jars resolve those from themselves.
 */
final class HostLibrariesClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;
    private final List<String> hiddenClassPrefixes;
    private final List<String> hiddenResourcePrefixes;

    HostLibrariesClassLoader(ClassLoader host, List<String> hiddenClassPrefixes) {
        super("apache-host-libraries", ClassLoader.getPlatformClassLoader());
        this.host = host;
        this.hiddenClassPrefixes = List.copyOf(hiddenClassPrefixes);
        this.hiddenResourcePrefixes = hiddenClassPrefixes.stream()
            .flatMap(p -> java.util.stream.Stream.of(p.replace('.', '/'), "META-INF/services/" + p))
            .toList();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (isHiddenClass(name)) {
            throw new ClassNotFoundException(name + " is hidden from Apache's class loader (ours provides it)");
        }
        return host.loadClass(name);
    }

    @Override
    protected URL findResource(String name) {
        return isHiddenResource(name) ? null : host.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return isHiddenResource(name) ? Collections.emptyEnumeration() : host.getResources(name);
    }

    boolean isHiddenClass(String name) {
        return hiddenClassPrefixes.stream().anyMatch(name::startsWith)
            && !name.startsWith(ApacheClassLoader.class.getPackageName() + ".");
    }

    private boolean isHiddenResource(String name) {
        return hiddenResourcePrefixes.stream().anyMatch(name::startsWith);
    }
}
