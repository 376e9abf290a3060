package dev.sluice.runtime.plugins;

import java.util.Objects;

/**
 * Sets the current thread's context class loader and restores the previous one on {@link #close()}:
 * {@code try (LoaderSwap swap = LoaderSwap.to(pluginLoader)) { plugin.start(props); }}.
 *
 * <p>Plugin code always runs with its own loader as context loader, so that libraries inside the plugin
 * that look up classes or resources through the context loader find the plugin's copies.
 */
public final class LoaderSwap implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    private LoaderSwap(Thread thread, ClassLoader previous) {
        this.thread = thread;
        this.previous = previous;
    }

    /** Makes {@code loader} the current thread's context class loader until the swap is closed. */
    public static LoaderSwap to(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        return new LoaderSwap(current, previous);
    }

    /** The context class loader that {@link #close()} restores. */
    public ClassLoader previous() {
        return previous;
    }

    /**
     * Restores the previous context class loader.
     *
     * @throws IllegalStateException if called on another thread than the one that swapped
     */
    @Override
    public void close() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("A LoaderSwap must be closed on the thread that opened it (" + thread.getName() + ")");
        }
        thread.setContextClassLoader(previous);
    }
}
