package dev.sluice.runtime.worker.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.runtime.config.ConnectorConfig.ErrorTolerance;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the same failing operation through Apache's RetryWithToleranceOperator (connect-runtime 4.3.1, isolated loader)
 * and through our ErrorHandler, for every stage, several kinds of exception and both tolerances, without retries, and
 * compares the outcome: skipped, or the task-failing exception's class, message and cause.
 */
class ApacheToleranceDifferentialTest {

    private static final String RUNTIME = "org.apache.kafka.connect.runtime.";
    private static final List<String> EXCEPTIONS = List.of("org.apache.kafka.connect.errors.RetriableException",
        "org.apache.kafka.connect.errors.DataException", "org.apache.kafka.common.errors.TimeoutException",
        "java.lang.IllegalStateException");

    private static ApacheClassLoader apache;
    private static Object apacheMetrics;
    private static Object errorMetrics;

    @BeforeAll
    static void loadApache() throws Exception {
        apache = ApacheClassLoader.forArtifacts("connect-api", "connect-runtime", "connect-json", "connect-transforms");
        Map<String, String> worker = Map.of("bootstrap.servers", "localhost:9", "key.converter",
            StringConverter.class.getName(), "value.converter", StringConverter.class.getName(),
            "offset.storage.file.filename", "/tmp/probe-pe-unused");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(apache);
        Object workerConfig;
        try {
            workerConfig = apache.apacheClass(RUNTIME + "standalone.StandaloneConfig").getConstructor(Map.class)
                .newInstance(worker);
        } finally {
            thread.setContextClassLoader(previous);
        }
        apacheMetrics = apache.apacheClass(RUNTIME + "ConnectMetrics").getConstructor(String.class,
            apache.apacheClass(RUNTIME + "WorkerConfig"), Time.class, String.class)
            .newInstance("w", workerConfig, Time.SYSTEM, "c");
        Object taskId = apache.apacheClass("org.apache.kafka.connect.util.ConnectorTaskId")
            .getConstructor(String.class, int.class).newInstance("c", 0);
        errorMetrics = apache.apacheClass(RUNTIME + "errors.ErrorHandlingMetrics").getConstructor(taskId.getClass(),
            apacheMetrics.getClass()).newInstance(taskId, apacheMetrics);
    }

    @AfterAll
    static void closeApache() throws Exception {
        apacheMetrics.getClass().getMethod("stop").invoke(apacheMetrics);
        apache.close();
    }

    @Test
    void toleranceOutcomesAreApaches() throws Exception {
        List<String> theirs = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            for (String exception : EXCEPTIONS) {
                for (ErrorTolerance tolerance : ErrorTolerance.values()) {
                    String scenario = stage + " " + exception + " " + tolerance + " -> ";
                    theirs.add(scenario + apacheOutcome(stage, exception, tolerance));
                    ours.add(scenario + ourOutcome(stage, exception, tolerance));
                }
            }
        }
        String apacheOutcomes = String.join("\n", theirs);
        for (String expected : List.of("-> skipped", "Tolerance exceeded in error handler (cause is the error: true)",
                "Unhandled exception in error handler (cause is the error: true)")) {
            assertTrue(apacheOutcomes.contains(expected), "the matrix exercises '" + expected + "':\n" + apacheOutcomes);
        }
        assertEquals(apacheOutcomes, String.join("\n", ours), "outcome per stage, exception, tolerance");
    }

    private static String apacheOutcome(Stage stage, String exceptionClass, ErrorTolerance tolerance) throws Exception {
        ClassLoader loader = apache;
        Class<?> toleranceType = apache.apacheClass(RUNTIME + "errors.ToleranceType");
        Class<?> stageType = apache.apacheClass(RUNTIME + "errors.Stage");
        Class<?> operationType = apache.apacheClass(RUNTIME + "errors.Operation");
        Class<?> contextType = apache.apacheClass(RUNTIME + "errors.ProcessingContext");
        Object operator = apache.apacheClass(RUNTIME + "errors.RetryWithToleranceOperator").getConstructor(long.class,
            long.class, toleranceType, Time.class, errorMetrics.getClass())
            .newInstance(0L, 60_000L, enumValue(toleranceType, tolerance.name()), Time.SYSTEM, errorMetrics);
        Exception error = newException(loader, exceptionClass);
        Object operation = Proxy.newProxyInstance(loader, new Class<?>[] {operationType}, (proxy, method, args) -> {
            if (method.getName().equals("call")) {
                throw error;
            }
            return method.invoke(error, args);
        });
        Object context = contextType.getConstructor(Object.class).newInstance("original");
        try {
            operator.getClass().getMethod("execute", contextType, operationType, stageType, Class.class)
                .invoke(operator, context, operation, enumValue(stageType, stage.name()), Object.class);
        } catch (InvocationTargetException e) {
            return describe(e.getCause(), error);
        }
        return (Boolean) contextType.getMethod("failed").invoke(context) ? "skipped" : "ok";
    }

    private static String ourOutcome(Stage stage, String exceptionClass, ErrorTolerance tolerance) throws Exception {
        ErrorHandler handler = new ErrorHandler(new ErrorHandlingSettings(0, 60_000, tolerance, false, false),
            List.of(), new ErrorCounters());
        Exception error = newException(ApacheToleranceDifferentialTest.class.getClassLoader(), exceptionClass);
        try {
            handler.execute(stage, Object.class, "original", (a, b) -> {
                throw error;
            }, null, null);
            return "ok";
        } catch (SkippedRecordException e) {
            return "skipped";
        } catch (RuntimeException e) {
            return describe(e, error);
        }
    }

    private static String describe(Throwable thrown, Exception error) {
        return thrown.getClass().getName() + ": " + thrown.getMessage() + " (cause is the error: "
            + (thrown.getCause() == error) + ")";
    }

    private static Exception newException(ClassLoader loader, String className) throws Exception {
        return (Exception) Class.forName(className, true, loader).getConstructor(String.class).newInstance("boom");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }
}
