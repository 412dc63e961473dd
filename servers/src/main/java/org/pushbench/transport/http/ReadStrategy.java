package org.pushbench.transport.http;

/** How a polling transport answers {@code GET /rooms/{room}/messages}: at once, or held until news. */
@FunctionalInterface
public interface ReadStrategy {

    /**
     * Answers a read of the messages after {@code target.after()}.
     *
     * @implSpec Calls {@link HttpExchange#answer} exactly once, now or later, unless the client leaves first.
     */
    void read(HttpExchange exchange, RequestTarget target);
}
