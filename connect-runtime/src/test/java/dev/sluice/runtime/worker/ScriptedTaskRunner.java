package dev.sluice.runtime.worker;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/** A task runner whose steps the test scripts; it records on which thread, MDC and loader each step ran. */
class ScriptedTaskRunner extends TaskRunner {

    /** One step of the script; may throw. */
    @FunctionalInterface
    interface Step {
        void run(ScriptedTaskRunner runner) throws Exception;
    }

    /** What a step observed about its thread. */
    record Observation(String step, String thread, String mdc, ClassLoader loader) {
    }

    final AtomicInteger executions = new AtomicInteger();
    final List<Observation> observations = new CopyOnWriteArrayList<>();
    volatile Step onStart = r -> { };
    /** Work handed to the task; the default iteration waits briefly for one item, like a poll with a timeout. */
    final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    volatile Step onExecute = r -> {
        Runnable item = r.work.poll(20, TimeUnit.MILLISECONDS);
        if (item != null) {
            item.run();
        }
    };
    volatile Step onClose = r -> { };
    volatile Runnable onStopRequested = () -> { };

    ScriptedTaskRunner(ConnectorTaskId id, ClassLoader loader, TargetState initialState, TaskStatusListener listener) {
        super(id, loader, initialState, listener);
    }

    @Override
    protected void initializeAndStart() throws Exception {
        observe("start");
        onStart.run(this);
    }

    @Override
    protected void execute() throws Exception {
        if (executions.getAndIncrement() == 0) {
            observe("execute");
        }
        onExecute.run(this);
    }

    @Override
    protected void close() throws Exception {
        observe("close");
        onClose.run(this);
    }

    @Override
    protected void onStopRequested() {
        observe("stopRequested");
        onStopRequested.run();
    }

    Observation observation(String step) {
        return observations.stream().filter(o -> o.step().equals(step)).findFirst()
            .orElseThrow(() -> new AssertionError("step " + step + " never ran; observed " + observations));
    }

    private void observe(String step) {
        Thread current = Thread.currentThread();
        observations.add(new Observation(step, current.getName(), MDC.get(ConnectorMdc.KEY), current.getContextClassLoader()));
    }
}
