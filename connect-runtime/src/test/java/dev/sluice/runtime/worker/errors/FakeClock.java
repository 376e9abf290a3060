package dev.sluice.runtime.worker.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A clock that only moves when the handler pauses, and remembers every pause. */
final class FakeClock implements RetryClock {

    long now = 1_000_000L;
    final List<Long> pauses = new ArrayList<>();
    Runnable onPause = () -> { };

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public void pause(long millis, CountDownLatch stop) {
        pauses.add(millis);
        now += millis;
        onPause.run();
    }
}
