package org.pushbench.bench.client;

import java.net.InetSocketAddress;

/**
 * Where a client connects and which room it joins.
 *
 * @param host   the server's address, e.g. {@code 127.0.0.1}
 * @param port   the port of the server for the client's transport
 * @param room   the room every client of a run joins
 * @param headers the extra request headers it sends
 */
public record ClientTarget(String host, int port, String room, HeaderProfile headers) {

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** {@code host:port}, the value of a Host header. */
    public String authority() {
        return host + ":" + port;
    }

    public String origin() {
        return "http://" + authority();
    }

    public String messagesPath() {
        return "/rooms/" + room + "/messages";
    }
}
