package org.pushbench.bench.client;

import org.pushbench.bench.meter.RecipientMeters;
import org.pushbench.server.Transport;

/** Asks with {@code wait}, and asks again the moment an answer arrives, with or without messages. */
public final class LongPollingClient extends PollingClient {

    private final long waitMillis;

    /** @param waitMillis the hold each request asks for; 0 for the server's default */
    public LongPollingClient(ClientLoop loop, ClientTarget target, RecipientMeters meters, long waitMillis) {
        super(loop, target, meters);
        this.waitMillis = waitMillis;
    }

    @Override
    public Transport transport() {
        return Transport.LONG_POLLING;
    }

    @Override
    protected String query(long after) {
        return waitMillis > 0 ? "after=" + after + "&wait=" + waitMillis : "after=" + after;
    }

    @Override
    protected void connected() {
        poll();
    }

    @Override
    protected void answered() {
        poll();
    }
}
