package dev.sluice.testkit;

import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A parent JVM for {@link ChildJvmDiesWithParentIT}: starts a one-broker cluster under the directory given as
 * the first argument, prints the broker's pid, then waits to be killed (it gives up after two minutes).
 */
public final class OrphanParentMain {

    static final String PID_PREFIX = "BROKER_PID=";

    private OrphanParentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaCluster cluster = KafkaCluster.builder().brokers(1).baseDirectory(Paths.get(args[0])).build();
        cluster.start();
        System.out.println(PID_PREFIX + cluster.brokerPid(0).orElseThrow());
        System.out.flush();
        // Not closed on purpose: the test kills this JVM and the broker must follow on its own.
        new CountDownLatch(1).await(2, TimeUnit.MINUTES);
    }
}
