package dev.sluice.runtime.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.compat.ApacheClassLoader;
import dev.sluice.compat.TypeSurface;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.connect.runtime.InternalSinkRecord;
import org.apache.kafka.connect.runtime.errors.ProcessingContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime classes real plugins link against (docs/runtime-compatibility.md) must have Apache's binary signatures
 * for the members we provide. We provide a chosen subset; every Apache member we leave out is listed here, so that
 * adding or dropping one is a visible decision.
 */
class RuntimeCompatibilitySurfaceTest {

    /** Apache's ProcessingContext members we do not provide: failure bookkeeping, which Sluice keeps elsewhere. */
    private static final Set<String> PROCESSING_CONTEXT_OMITTED = Set.of(
        "position(org.apache.kafka.connect.runtime.errors.Stage)void",
        "stage()org.apache.kafka.connect.runtime.errors.Stage",
        "executingClass()java.lang.Class",
        "executingClass(java.lang.Class)void",
        "currentContext(org.apache.kafka.connect.runtime.errors.Stage,java.lang.Class)void",
        "attempt(int)void",
        "attempt()int",
        "error()java.lang.Throwable",
        "error(java.lang.Throwable)void",
        "failed()boolean");

    /** Apache's InternalSinkRecord members we do not provide: none. */
    private static final Set<String> INTERNAL_SINK_RECORD_OMITTED = Set.of();

    private static ApacheClassLoader apache;

    @BeforeAll
    static void loadApache() {
        apache = ApacheClassLoader.forArtifacts("connect-api", "connect-runtime");
    }

    @AfterAll
    static void closeApache() throws IOException {
        apache.close();
    }

    @Test
    void internalSinkRecordHasApacheSignatures() {
        assertProvidedMembersMatch(InternalSinkRecord.class, INTERNAL_SINK_RECORD_OMITTED);
    }

    @Test
    void processingContextHasApacheSignaturesForWhatPluginsUse() {
        assertProvidedMembersMatch(ProcessingContext.class, PROCESSING_CONTEXT_OMITTED);
    }

    @Test
    void debeziumJdbcSinkLinksResolve() {
        // The two call sites found by jdeps/javap in debezium-connector-jdbc 3.6.0.Final (JdbcSinkConnectorTask).
        TypeSurface record = TypeSurface.of(InternalSinkRecord.class);
        TypeSurface context = TypeSurface.of(ProcessingContext.class);
        assertTrue(record.entries().containsKey("context()org.apache.kafka.connect.runtime.errors.ProcessingContext"),
            "InternalSinkRecord.context() is what Debezium's JDBC sink calls");
        assertTrue(context.entries().containsKey("original()java.lang.Object"),
            "ProcessingContext.original() is what Debezium's JDBC sink calls");
        // Debezium takes a pre-3.8 reflective path when InternalSinkRecord has originalRecord(); it must not.
        assertTrue(record.entries().keySet().stream().noneMatch(key -> key.startsWith("originalRecord(")),
            "InternalSinkRecord must not declare originalRecord() (removed in Apache 3.8)");
    }

    private void assertProvidedMembersMatch(Class<?> ours, Set<String> omitted) {
        Class<?> apacheType = apache.apacheClass(ours.getName());
        assertNotSame(ours, apacheType, "the comparison must load Apache's class, not ours");
        TypeSurface theirs = TypeSurface.of(apacheType);
        assertTrue(theirs.memberCount() >= omitted.size() + 2, "Apache's " + ours.getName() + " has too few members"
            + " for a meaningful comparison: " + theirs.entries().keySet());
        TypeSurface mine = TypeSurface.of(ours);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : theirs.entries().entrySet()) {
            String key = entry.getKey();
            String description = mine.entries().get(key);
            if (omitted.contains(key)) {
                if (description != null) {
                    problems.add("listed as omitted but provided: " + key);
                }
            } else if (description == null) {
                problems.add("missing: " + key + ": " + entry.getValue());
            } else if (!description.equals(entry.getValue())) {
                problems.add("differs: " + key + "\n    apache: " + entry.getValue() + "\n    ours:   " + description);
            }
        }
        Set<String> extra = new TreeSet<>(mine.entries().keySet());
        extra.removeAll(theirs.entries().keySet());
        extra.forEach(key -> problems.add("extra (not in Apache): " + key + ": " + mine.entries().get(key)));
        Set<String> unknownOmissions = new TreeSet<>(omitted);
        unknownOmissions.removeAll(theirs.entries().keySet());
        unknownOmissions.forEach(key -> problems.add("listed as omitted but Apache has no such member: " + key));
        assertEquals(List.of(), problems, ours.getName() + " surface vs Apache 4.3.1 ("
            + new TreeMap<>(theirs.entries()).size() + " Apache entries, " + omitted.size() + " omitted on purpose)");
    }
}
