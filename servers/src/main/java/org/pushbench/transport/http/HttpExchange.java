package org.pushbench.transport.http;

import java.util.concurrent.Executor;

import org.pushbench.transport.TaskTimer;

/**
 * One whole HTTP request as an engine hands it to the core, answerable now or later (a held long poll).
 */
public interface HttpExchange {

    /** The request method, e.g. {@code GET}. */
    String method();

    /** The request target as sent: path and query, not decoded. */
    String target();

    /** The request's {@code Origin} header (a browser page's), {@code null} when absent. */
    String origin();

    /** The request's {@code Host} header; engines may give {@code null} when there is no {@link #origin()}. */
    String host();

    /** The body, whole ({@code 413} beyond the limit is the engine's, before the core sees the request). */
    byte[] body();

    /**
     * Answers the request.
     *
     * @implSpec Called at most once per exchange, on {@link #serial()} or the thread that handed the exchange
     *           to the core. Answers of one connection go out in request order; the engine restarts the
     *           connection's request deadline after it.
     */
    void answer(Answer answer);

    /**
     * The connection's serial executor.
     *
     * @implSpec Runs tasks one at a time, in submission order, never on the calling thread's stack when called
     *           from another connection's or the store's thread; may run them on the calling thread if it is the
     *           connection's own (an event loop) or if the engine serialises otherwise (a direct executor whose
     *           callers all synchronise on the exchange's state).
     */
    Executor serial();

    /** The connection's timer; see {@link TaskTimer}. */
    TaskTimer timer();

    /**
     * The core holds this request unanswered (a long poll).
     *
     * @implSpec Until {@link #released()}, the engine calls {@link PendingAnswer#clientSpoke()} when the client
     *           sends more bytes (a pipelined request) and {@link PendingAnswer#clientLeft()} when the connection
     *           closes or fails, each at most once.
     */
    void holding(PendingAnswer pending);

    /** The held request is about to be answered or dropped; stop reporting to its {@link PendingAnswer}. */
    void released();
}
