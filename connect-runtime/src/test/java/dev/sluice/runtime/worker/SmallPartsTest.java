package dev.sluice.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class SmallPartsTest {

    @Test
    void taskIdPrintsAsApacheDoes() {
        assertEquals("my-conn-3", new ConnectorTaskId("my-conn", 3).toString());
        assertThrows(IllegalArgumentException.class, () -> new ConnectorTaskId("c", -1));
        assertTrue(new ConnectorTaskId("a", 10).compareTo(new ConnectorTaskId("b", 1)) < 0);
        assertTrue(new ConnectorTaskId("a", 2).compareTo(new ConnectorTaskId("a", 10)) < 0, "task numbers compare as numbers");
    }

    @Test
    void mdcPrefixesHaveApacheFormat() {
        ConnectorTaskId id = new ConnectorTaskId("my-conn", 3);
        assertEquals("[my-conn|worker] ", ConnectorMdc.forConnector("my-conn"));
        assertEquals("[my-conn|task-3] ", ConnectorMdc.forTask(id));
        assertEquals("[my-conn|task-3|offsets] ", ConnectorMdc.forOffsets(id));
        assertEquals("[my-conn|validate] ", ConnectorMdc.forValidation("my-conn"));
    }

    @Test
    void mdcScopeRestoresThePreviousContext() {
        try (ConnectorMdc.Scope outer = ConnectorMdc.enter("[a|worker] ")) {
            try (ConnectorMdc.Scope inner = ConnectorMdc.enter("[a|task-0] ")) {
                assertEquals("[a|task-0] ", MDC.get(ConnectorMdc.KEY));
            }
            assertEquals("[a|worker] ", MDC.get(ConnectorMdc.KEY));
        }
        assertNull(MDC.get(ConnectorMdc.KEY));
    }

    @Test
    void shutdownBudgetIsSharedAndNeverNegative() {
        AtomicLong now = new AtomicLong(1_000);
        ShutdownBudget budget = ShutdownBudget.startingNow(Duration.ofMillis(500), now::get);
        assertEquals(Duration.ofMillis(500), budget.remaining());
        now.addAndGet(Duration.ofMillis(300).toNanos());
        assertEquals(Duration.ofMillis(200), budget.remaining(), "the second wait gets what the first left");
        now.addAndGet(Duration.ofMillis(900).toNanos());
        assertEquals(Duration.ZERO, budget.remaining());
        assertTrue(budget.isSpent());
        assertThrows(IllegalArgumentException.class, () -> ShutdownBudget.startingNow(Duration.ofMillis(-1)));
    }

    @Test
    void tasksMaxIsCheckedOnlyWhenEnforced() {
        TasksMax.check("c", 2, 2, true);
        TasksMax.check("c", 3, 2, false);
        TooManyTasksException e = assertThrows(TooManyTasksException.class, () -> TasksMax.check("c", 3, 2, true));
        assertTrue(e.getMessage().startsWith("The connector c has generated 3 tasks, which is greater than 2"), e.getMessage());
    }

    @Test
    void statusRecorderKeepsLatestAndHistoryAndNeverReportsDestroyed() {
        StatusRecorder statuses = new StatusRecorder("w");
        ConnectorTaskId id = new ConnectorTaskId("c", 0);
        statuses.onStartup("c");
        statuses.onFailure("c", new IllegalStateException("boom"));
        statuses.onRestart(id);
        statuses.onDeletion(id);

        ConnectorStatus latest = statuses.connectorStatus("c").orElseThrow();
        assertEquals(LifecycleState.FAILED, latest.state());
        assertTrue(latest.trace().startsWith("java.lang.IllegalStateException: boom"));
        assertTrue(statuses.taskStatus(id).isEmpty(), "a deleted task has no reported status");
        assertEquals(List.of(LifecycleState.RESTARTING, LifecycleState.DESTROYED),
            statuses.taskHistory(id).stream().map(TaskStatus::state).toList());
        IllegalStateException timeout = assertThrows(IllegalStateException.class,
            () -> statuses.awaitConnector("c", LifecycleState.RUNNING, Duration.ofMillis(10)));
        assertTrue(timeout.getMessage().contains("did not reach RUNNING"), timeout.getMessage());
    }
}
