package org.pushbench.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * An HTTP/1.1 client on a plain socket, so tests control every byte they send (malformed requests included)
 * and count every byte they get back. Responses are decoded by Netty's own {@link HttpResponseDecoder}.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final EmbeddedChannel decoder =
            new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20));

    RawHttp(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    /** Over a connected socket: a TLS one ({@link TlsSockets}) for https. */
    RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** The response to one request, with the exact number of bytes it took on the wire. */
    record Response(int status, io.netty.handler.codec.http.HttpHeaders headers, byte[] body, long wireBytes) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    static String message(String from, String text, long stamp) {
        return "{\"from\":\"" + from + "\",\"text\":\"" + text + "\",\"stamp\":" + stamp + "}";
    }

    /** Sends a request (or any bytes) and reads one whole response. */
    Response exchange(String request) throws IOException {
        return exchange(request.getBytes(StandardCharsets.UTF_8));
    }

    Response exchange(byte[] request) throws IOException {
        send(request);
        return read();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads until one whole response is decoded; fails with an IOException if the server closes first. */
    Response read() throws IOException {
        return readSlowly(8192, 0);
    }

    /** {@link #read()}, taking at most {@code bytesPerRead} bytes at a time with a pause before each. */
    Response readSlowly(int bytesPerRead, long pauseMillis) throws IOException {
        byte[] chunk = new byte[bytesPerRead];
        long bytes = 0;
        while (true) {
            FullHttpResponse response = decoder.readInbound();
            if (response != null) {
                try {
                    return new Response(response.status().code(), response.headers().copy(),
                            ByteBufUtil.getBytes(response.content()), bytes);
                } finally {
                    response.release();
                }
            }
            pause(pauseMillis);
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("the server closed the connection before a whole response");
            }
            bytes += n;
            decoder.writeInbound(Unpooled.copiedBuffer(chunk, 0, n));
        }
    }

    private static void pause(long millis) throws IOException {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading slowly", e);
            }
        }
    }

    /** Reads the next response on another thread: for a request the server holds. */
    CompletableFuture<Response> readLater() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** True when the server closes the connection within the socket timeout, sending nothing more. */
    boolean closedByServer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        decoder.finishAndReleaseAll();
        socket.close();
    }
}
