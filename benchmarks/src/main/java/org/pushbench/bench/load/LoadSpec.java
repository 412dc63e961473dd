package org.pushbench.bench.load;

import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.server.Transport;

/**
 * What one run offers the server.
 *
 * @param transport          the members' (and the publisher's) transport
 * @param clients            members of the room, each receiving every message
 * @param ratePerSecond      messages sent into the room per second; 0 for an idle room
 * @param payloadBytes       characters of text in each message
 * @param pollIntervalMillis the short-polling period
 * @param waitMillis         the long-poll hold each request asks for; 0 for the server's default
 * @param headers            the members' request header profile
 * @param room               the room, fresh for the run so ids start at 1
 */
public record LoadSpec(Transport transport, int clients, int ratePerSecond, int payloadBytes,
        long pollIntervalMillis, long waitMillis, HeaderProfile headers, String room) {

    public LoadSpec {
        if (clients < 1 || ratePerSecond < 0 || payloadBytes < 0 || pollIntervalMillis < 1 || waitMillis < 0) {
            throw new IllegalArgumentException("bad load: " + this);
        }
    }
}
