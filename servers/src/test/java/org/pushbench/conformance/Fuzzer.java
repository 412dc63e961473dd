package org.pushbench.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Throws random bytes and mutated valid requests (HTTP requests, a WebSocket handshake followed by frames) at a
 * port, one short-lived connection each, for a bounded time. Seeded, so a failure can be replayed.
 */
final class Fuzzer {

    private static final List<byte[]> SEEDS = List.of(
            ascii(RawHttp.post("/rooms/f/messages", RawHttp.message("fuzz", "hello", 1))),
            ascii(RawHttp.get("/rooms/f/messages?after=0&wait=50")),
            ascii("GET /rooms/f/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + RawWebSocket.RFC_KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n"
                    + "\u0081\u0085abcd\u0001\u0002\u0003\u0004\u0005"));

    private final Random random;
    private int sent;

    Fuzzer(long seed) {
        this.random = new Random(seed);
    }

    int sent() {
        return sent;
    }

    void run(int port, Duration duration) throws IOException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(20);
                socket.getOutputStream().write(nextInput());
                sent++;
                drain(socket.getInputStream());
            } catch (IOException e) {
                // the server may close or reset a connection that sent garbage: that is a fine answer
            }
        }
    }

    private byte[] nextInput() {
        if (random.nextInt(4) == 0) {
            byte[] noise = new byte[1 + random.nextInt(512)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] input = SEEDS.get(random.nextInt(SEEDS.size())).clone();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        }
        return random.nextBoolean() ? input : java.util.Arrays.copyOf(input, 1 + random.nextInt(input.length));
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // discard whatever the server answers
            }
        } catch (SocketTimeoutException e) {
            // nothing more for now: move on to the next input
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
