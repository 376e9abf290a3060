package dev.sluice.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StateTimerTest {

    @Test
    void ratiosAreSharesOfTheTimeSinceCreation() {
        StateTimer timer = new StateTimer("UNASSIGNED", 0);
        timer.changeState("RUNNING", 100);
        timer.changeState("PAUSED", 400);
        timer.changeState("RUNNING", 500);

        assertEquals("running", timer.state(), "states are shown in lower case");
        assertEquals(0.8, timer.ratio("running", 1000), 1e-9, "300 + 500 of 1000 ms running");
        assertEquals(0.1, timer.ratio("paused", 1000), 1e-9, "100 of 1000 ms paused");
        assertEquals(0.1, timer.ratio("unassigned", 1000), 1e-9, "100 of 1000 ms unassigned");
        assertEquals(0.0, timer.ratio("failed", 1000), 1e-9, "never failed");
    }

    @Test
    void atCreationTheCurrentStateHasTheWholeShare() {
        StateTimer timer = new StateTimer("unassigned", 50);
        assertEquals(1.0, timer.ratio("unassigned", 50), 1e-9);
        assertEquals(0.0, timer.ratio("running", 50), 1e-9);
    }
}
