package org.pushbench.bench.calibration;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Two ends of one loopback TCP connection, Nagle off on both: the bare socket the machine floors use. */
final class SocketPair implements AutoCloseable {

    final Socket near;
    final Socket far;

    SocketPair() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            near = new Socket();
            near.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 5_000);
            far = listener.accept();
        }
        near.setTcpNoDelay(true);
        far.setTcpNoDelay(true);
    }

    @Override
    public void close() throws IOException {
        try (Socket a = near; Socket b = far) {
            // both closed, the first failure reported
        }
    }
}
