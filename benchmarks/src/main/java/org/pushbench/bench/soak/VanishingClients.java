package org.pushbench.bench.soak;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults a soak injects: clients that leave without saying so. Each round, on each server: a long poll reset
 * while held (RST), an event stream reset once it has started (RST), a WebSocket dropped without a close frame, a WebSocket that stays connected but never answers
 * a ping (only the server's pong timeout ends it), and an HTTP request whose headers never finish (only the
 * server's idle timeout ends it). Blocking sockets on the churn's thread: a few per round.
 */
final class VanishingClients implements AutoCloseable {

    private final String host;
    private final int longPollingPort;
    private final int webSocketPort;
    private final int shortPollingPort;
    private final int ssePort;
    private final List<Socket> silent = new ArrayList<>();
    private final AtomicLong injected = new AtomicLong();

    VanishingClients(String host, int shortPollingPort, int longPollingPort, int webSocketPort, int ssePort) {
        this.host = host;
        this.ssePort = ssePort;
        this.shortPollingPort = shortPollingPort;
        this.longPollingPort = longPollingPort;
        this.webSocketPort = webSocketPort;
    }

    /** Faults injected so far. */
    long injected() {
        return injected.get();
    }

    /** One round of every fault, in a room of its own so no member of the measured rooms is disturbed. */
    void round(String room) throws IOException {
        reset(open(longPollingPort, "GET /rooms/" + room + "/messages?after=0&wait=60000 HTTP/1.1\r\nHost: a\r\n\r\n"));
        Socket dropped = open(webSocketPort, upgrade(room));
        dropped.getInputStream().read(new byte[512]);
        dropped.close();
        Socket mute = open(webSocketPort, upgrade(room));
        mute.getInputStream().read(new byte[512]);
        silent.add(mute);
        silent.add(open(shortPollingPort, "GET /rooms/" + room + "/messages?after=0 HTTP/1.1\r\nHost: a\r\nX-Unfini"));
        Socket stream = open(ssePort, "GET /rooms/" + room + "/events HTTP/1.1\r\nHost: a\r\n\r\n");
        stream.getInputStream().read(new byte[512]);
        reset(stream);
        injected.addAndGet(5);
    }

    private Socket open(int port, String bytes) throws IOException {
        Socket socket = new Socket(host, port);
        socket.setSoTimeout(10_000); // a server that never answers the upgrade fails the soak instead of hanging it
        OutputStream out = socket.getOutputStream();
        out.write(bytes.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String upgrade(String room) {
        return "GET /rooms/" + room + "/ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    }

    /** Closes with a TCP reset instead of a FIN: the client crashed. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** The silent ones were closed by the server long ago; this only frees their file descriptors here. */
    @Override
    public void close() throws IOException {
        for (Socket s : silent) {
            s.close();
        }
    }
}
