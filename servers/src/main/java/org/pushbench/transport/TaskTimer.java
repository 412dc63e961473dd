package org.pushbench.transport;

/**
 * The engine's clock for one connection: runs a task once after a delay, so the core can time a held poll, a
 * keep-alive or a request deadline without a thread of its own.
 */
@FunctionalInterface
public interface TaskTimer {

    /**
     * Schedules {@code task} to run once, {@code millis} milliseconds from now.
     *
     * @implSpec Never runs the task on the calling thread. A task of a connection with a serial executor (see
     *           {@link org.pushbench.transport.http.HttpExchange#serial()}) runs on that executor.
     */
    Cancellable schedule(Runnable task, long millis);

    /** A scheduled task; cancelling a task that ran or was cancelled does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
