package org.pushbench.jetty.longpolling;

import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.StaticException;

/**
 * Read interest on the connection of a held poll. Jetty's HTTP/1.1 connection does not read while a request is
 * being handled, so without it a client that leaves (FIN or RST) would keep its registration until the poll's
 * timeout, and a request pipelined behind the held one would wait for it. Whatever becomes readable, the poll is
 * answered at once, as the Netty engine does: a departed client's answer fails and the connection closes; a
 * pipelined request is read next, its answer in order behind this one.
 *
 * <p>Only this registration can exist while the request is held; it is withdrawn before the poll is answered, so
 * it never stands in the way of Jetty's own once the response is complete.
 */
final class ReadInterest {

    private static final Throwable WITHDRAWN = new StaticException("the held poll was answered");

    private final AbstractEndPoint endPoint;

    ReadInterest(AbstractEndPoint endPoint) {
        this.endPoint = endPoint;
    }

    void register(Runnable onReadable) {
        endPoint.tryFillInterested(Callback.from(onReadable, failure -> onReadable.run()));
    }

    void withdraw() {
        endPoint.getFillInterest().onFail(WITHDRAWN);
    }
}
