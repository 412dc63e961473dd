package org.pushbench.bench.load;

import java.io.BufferedReader;
import java.io.UncheckedIOException;

/** Echoes a child process's output to ours, each line prefixed, on a daemon thread of its own. */
public final class ProcessOutput {

    private ProcessOutput() {
    }

    /**
     * Echoes what is left of {@code out} until it ends. Stopping the process closes the stream under the reader,
     * which ends the echo as its end of output would: nothing more is coming, and it is not an error.
     */
    public static void echo(BufferedReader out, String prefix, String threadName) {
        Thread drain = new Thread(() -> {
            try {
                out.lines().forEach(l -> System.out.println(prefix + l));
            } catch (UncheckedIOException closedByStop) {
                // the process was stopped: its output ends here
            }
        }, threadName);
        drain.setDaemon(true);
        drain.start();
    }
}
