package org.pushbench.netty;

import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.EventExecutor;

import org.pushbench.transport.TaskTimer;

/** The core's {@link TaskTimer} on a connection's event loop: its tasks run there, in turn with its I/O. */
final class LoopTimer {

    private LoopTimer() {
    }

    static TaskTimer on(EventExecutor loop) {
        return (task, millis) -> {
            var scheduled = loop.schedule(task, millis, TimeUnit.MILLISECONDS);
            return () -> scheduled.cancel(false);
        };
    }
}
