package org.pushbench.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Makes sure the server process ends: when its parent dies ({@link #exitWhenStdinCloses}), and when a clean stop
 * hangs ({@link #haltAfter}). A server that outlives the harness that measured it keeps its sockets and its
 * heap, and skews every run after it.
 */
final class ExitGuard {

    /** How long a stop may take before the JVM is halted without its shutdown hooks. */
    static final Duration STOP_BOUND = Duration.ofSeconds(5);

    private ExitGuard() {
    }

    /**
     * Exits (through the shutdown hooks, so within {@link #STOP_BOUND}) once standard input reaches end of file:
     * the harness holds its end of the pipe open, and the kernel closes it when the harness dies, however it dies.
     */
    static void exitWhenStdinCloses(InputStream stdin) {
        Thread watcher = new Thread(() -> {
            try {
                while (stdin.read() >= 0) {
                    // Nothing is sent on stdin; whatever arrives is ignored.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end of file: the parent is gone.
            }
            System.err.println("pushbench: standard input closed (the parent process is gone), stopping");
            System.exit(0);
        }, "pushbench-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Halts the JVM {@code bound} from now unless it has exited by then: a shutdown hook stuck on a server that
     * cannot stop (out of memory, a wedged event loop) must not keep the process, and its ports, alive.
     */
    static void haltAfter(Duration bound) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(bound.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("pushbench: the servers did not stop within " + bound.toSeconds() + " s, halting");
            Runtime.getRuntime().halt(1);
        }, "pushbench-halt");
        halt.setDaemon(true);
        halt.start();
    }
}
