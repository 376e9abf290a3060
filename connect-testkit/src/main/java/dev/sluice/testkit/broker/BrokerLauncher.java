package dev.sluice.testkit.broker;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of the testkit's child JVMs (the broker and its storage formatting): ties the child's life to
 * its parent, then runs the real main class.
 *
 * <p>Usage: {@code java -cp <broker class path>:<launcher dir> dev.sluice.testkit.broker.BrokerLauncher
 * <main class> [args...]}. The parent keeps the child's stdin pipe open and never writes to it; when the
 * parent dies for any reason (even SIGKILL) the operating system closes the pipe, the watchdog reads EOF and
 * halts this JVM, so no broker outlives the test JVM that started it. The parent's exit is also watched
 * through {@link ProcessHandle#onExit()} as a second line of defence.
 *
 * <p>This class uses the JDK only and has no nested classes: the testkit copies its single class file next to
 * the broker's class path so that none of the testkit's own dependencies reach the broker.
 */
public final class BrokerLauncher {

    private BrokerLauncher() {
    }

    /**
     * Starts the parent watchdog and invokes {@code main} of the class named by the first argument with the
     * remaining arguments.
     *
     * @param args the main class name followed by its arguments
     * @throws Throwable whatever the invoked main method throws
     */
    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("Usage: BrokerLauncher <main class> [args...]");
            Runtime.getRuntime().halt(2);
        }
        watchParent();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watchParent() {
        Thread stdinWatcher = new Thread(() -> {
            drain(System.in);
            halt("its stdin pipe from the parent JVM was closed");
        }, "sluice-parent-watchdog");
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();
        ProcessHandle.current().parent().ifPresent(parent ->
                parent.onExit().thenRun(() -> halt("parent process " + parent.pid() + " exited")));
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // The parent never writes; anything read is ignored until EOF.
            }
        } catch (IOException e) {
            System.err.println("[sluice-testkit] Reading stdin failed, treating it as closed: " + e);
        }
    }

    private static void halt(String why) {
        // halt, not exit: the parent is gone, so a clean shutdown would only delay the exit.
        System.err.println("[sluice-testkit] Halting child JVM " + ProcessHandle.current().pid() + " because " + why);
        Runtime.getRuntime().halt(143);
    }
}
