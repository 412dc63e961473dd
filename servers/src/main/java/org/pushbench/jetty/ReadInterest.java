package org.pushbench.jetty;

import java.io.IOException;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Request;
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
 *
 * <p>An HTTP/2 request gets none: its connection always reads, for every stream, and a client that leaves
 * resets the stream or closes the connection, which Jetty reports as the request's failure. Registering or
 * withdrawing read interest there would take the connection's own (TLS's or HTTP/2's): withdrawing it when one
 * held poll was answered failed the connection's reads, and the other streams' polls with them.
 */
final class ReadInterest {

    private static final Throwable WITHDRAWN = new StaticException("the held poll was answered");

    /** Null on HTTP/2 (see above). */
    private final ChatEndPoint endPoint;

    private ReadInterest(ChatEndPoint endPoint) {
        this.endPoint = endPoint;
    }

    /** The read interest for a request held on its connection. */
    static ReadInterest of(Request request) {
        boolean multiplexed = request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_2;
        return new ReadInterest(multiplexed ? null : ChatEndPoint.of(request));
    }

    void register(Runnable onReadable) {
        if (endPoint == null) {
            return;
        }
        endPoint.tryFillInterested(Callback.from(() -> readable(onReadable), failure -> onReadable.run()));
    }

    /** A wake-up with nothing to read is the selector's, not the client's: keep waiting. */
    private void readable(Runnable onReadable) {
        int probe;
        try {
            probe = endPoint.probe();
        } catch (IOException e) {
            probe = -1;
        }
        if (probe == 0) {
            register(onReadable);
        } else {
            onReadable.run();
        }
    }

    void withdraw() {
        if (endPoint == null) {
            return;
        }
        endPoint.getFillInterest().onFail(WITHDRAWN);
    }
}
