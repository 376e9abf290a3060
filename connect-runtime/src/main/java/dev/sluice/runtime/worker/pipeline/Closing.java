package dev.sluice.runtime.worker.pipeline;

import dev.sluice.runtime.plugins.LoaderSwap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes plugins under their own loader, logging (not throwing) what fails so that the rest still close. */
final class Closing {

    private static final Logger log = LoggerFactory.getLogger(Closing.class);

    private Closing() {
    }

    static void close(AutoCloseable plugin, ClassLoader loader, String what) {
        if (plugin == null) {
            return;
        }
        try (LoaderSwap swap = LoaderScope.enter(loader)) {
            plugin.close();
        } catch (Exception | LinkageError e) {
            log.warn("Closing {} ({}) failed", what, plugin.getClass().getName(), e);
        }
    }
}
