package dev.sluice.runtime.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * The isolated class loader of one plugin location.
 *
 * <p>For a class that {@link PluginIsolation#isIsolatable(String)} accepts it looks in the location first
 * and asks its parent only when the location lacks the class; for any other class it asks the parent first
 * (falling back to the location only for a class the runtime does not have). Resources are looked up in the
 * location first; {@link #getResources(String)} lists the location's before the parent's.
 */
public final class PluginClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final PluginLocation location;

    /**
     * A loader over the location's class path.
     *
     * @param location the location whose class path this loader reads
     * @param parent   the runtime's delegating loader
     */
    public PluginClassLoader(PluginLocation location, ClassLoader parent) {
        super("plugin:" + location.path().getFileName(), location.urls(), Objects.requireNonNull(parent, "parent"));
        this.location = location;
    }

    /** The location this loader reads. */
    public PluginLocation location() {
        return location;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && PluginIsolation.isIsolatable(name)) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInLocation) {
                    // Not bundled: the parent (runtime or another plugin) may have it.
                }
            }
            if (loaded == null) {
                loaded = super.loadClass(name, false);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    @Override
    public String toString() {
        return "PluginClassLoader{location=" + location.path() + "}";
    }
}
