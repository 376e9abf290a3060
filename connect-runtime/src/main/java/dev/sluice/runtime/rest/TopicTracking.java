package dev.sluice.runtime.rest;

import dev.sluice.runtime.config.WorkerConfig;

/**
 * The worker's {@code topic.tracking.enable} and {@code topic.tracking.allow.reset}, which decide whether the
 * active-topics endpoints answer or refuse with 403.
 *
 * @param enabled    whether tasks record the topics they use
 * @param allowReset whether users may reset them
 */
public record TopicTracking(boolean enabled, boolean allowReset) {

    /** The settings of {@code worker}. */
    public static TopicTracking of(WorkerConfig worker) {
        return new TopicTracking(worker.topicTrackingEnable(), worker.topicTrackingAllowReset());
    }
}
