package org.pushbench.jetty;

import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.thread.Scheduler;

import org.pushbench.transport.TaskTimer;

/** The core's {@link TaskTimer} on the engine's shared Jetty scheduler (its tasks run on the scheduler thread). */
final class SchedulerTimer {

    private SchedulerTimer() {
    }

    static TaskTimer on(Scheduler scheduler) {
        return (task, millis) -> scheduler.schedule(task, millis, TimeUnit.MILLISECONDS)::cancel;
    }
}
