package org.pushbench.bench.link;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain blocking TCP server for the relay's tests, one thread per connection. Each request is a command byte
 * and a length: {@code E} echoes one byte, {@code D n} answers n bytes, {@code U n} reads n bytes and answers
 * one. Closes every socket and thread it opened.
 */
final class PeerServer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> endings = new LinkedBlockingQueue<>();

    PeerServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void start(Runnable body) {
        Thread thread = new Thread(body, "peer-server");
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                start(() -> serve(socket));
            }
        } catch (IOException closed) {
            // close() closed the listener
        }
    }

    /** How the next connection to end ended: {@code "eof"}, {@code "reset"} or the error; null if none did in time. */
    String nextEnding(long timeoutMillis) throws InterruptedException {
        return endings.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                int command = in.read();
                if (command < 0) {
                    endings.add("eof");
                    return;
                }
                int length = in.readInt();
                switch (command) {
                    case 'E' -> out.write(length & 0xFF);
                    case 'D' -> out.write(new byte[length]);
                    case 'U' -> {
                        in.readFully(new byte[length]);
                        out.write(1);
                    }
                    default -> throw new IOException("unknown command " + command);
                }
                out.flush();
            }
        } catch (IOException gone) {
            endings.add(String.valueOf(gone.getMessage()).contains("reset") ? "reset" : gone.toString());
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }
}
