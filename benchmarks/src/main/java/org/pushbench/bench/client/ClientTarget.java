package org.pushbench.bench.client;

import java.net.InetSocketAddress;

/**
 * Where a client connects and which room it joins.
 *
 * @param host    the server's address, e.g. {@code 127.0.0.1}
 * @param port    the port of the server for the client's transport
 * @param room    the room every client of a run joins
 * @param headers the extra request headers it sends
 * @param route   where its TCP connection goes instead, an emulated link's relay; null to connect directly.
 *                Host and Origin still name the server, so the bytes are the same either way.
 * @param tls     TLS on the connection ({@code https}, {@code wss}) or {@link ClientTls#OFF}
 */
public record ClientTarget(String host, int port, String room, HeaderProfile headers, InetSocketAddress route,
        ClientTls tls) {

    public ClientTarget(String host, int port, String room, HeaderProfile headers) {
        this(host, port, room, headers, null, ClientTls.OFF);
    }

    /** The same target reached through {@code relay}. */
    public ClientTarget via(InetSocketAddress relay) {
        return new ClientTarget(host, port, room, headers, relay, tls);
    }

    /** The same target reached directly. */
    public ClientTarget direct() {
        return new ClientTarget(host, port, room, headers, null, tls);
    }

    /** The same target over {@code value}. */
    public ClientTarget with(ClientTls value) {
        return new ClientTarget(host, port, room, headers, route, value);
    }

    /** Where the TCP connection goes. */
    public InetSocketAddress address() {
        return route != null ? route : new InetSocketAddress(host, port);
    }

    /** {@code host:port}, the value of a Host header. */
    public String authority() {
        return host + ":" + port;
    }

    public String origin() {
        return tls.scheme("http") + "://" + authority();
    }

    public String messagesPath() {
        return "/rooms/" + room + "/messages";
    }
}
