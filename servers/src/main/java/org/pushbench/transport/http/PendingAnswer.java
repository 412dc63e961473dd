package org.pushbench.transport.http;

/** A request the core holds unanswered; what the engine tells it of the client meanwhile. */
public interface PendingAnswer {

    /** The client sent more (a pipelined request): answer now with what exists, so answers stay in order. */
    void clientSpoke();

    /**
     * The client is gone: drop the request without answering.
     *
     * @return whether it was still pending (the engine then fails the exchange, if it has to)
     */
    boolean clientLeft();
}
