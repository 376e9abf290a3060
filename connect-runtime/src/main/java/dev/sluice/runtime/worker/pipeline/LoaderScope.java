package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.plugins.LoaderSwap;

/** Enters a plugin's class loader for one call, without any cost when it already is the context loader. */
final class LoaderScope {

    private LoaderScope() {
    }

    /**
     * Makes {@code loader} the context class loader: {@code try (LoaderSwap swap = LoaderScope.enter(loader)) {...}}.
     *
     * @return the swap to close, or null (which try-with-resources skips) when {@code loader} is already current
     */
    static LoaderSwap enter(ClassLoader loader) {
        return Thread.currentThread().getContextClassLoader() == loader ? null : LoaderSwap.to(loader);
    }
}
