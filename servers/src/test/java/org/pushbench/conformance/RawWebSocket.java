package org.pushbench.conformance;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * A WebSocket client on a plain socket that writes and reads RFC 6455 frames byte for byte. A library client
 * would hide exactly what these tests check: the frame header sizes, the mask, and how the server answers
 * frames no correct client sends (unmasked, reserved bits, oversize).
 */
final class RawWebSocket implements AutoCloseable {

    /** The example key and accept value of RFC 6455, section 1.3. */
    static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    static final int CONTINUATION = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9, PONG = 0xA;

    /** One frame as it came off the wire. */
    record Frame(boolean fin, int rsv, int opcode, byte[] payload, int headerBytes) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    final FullHttpResponse handshake;
    /** The bytes of the upgrade request and of its answer, as they crossed the wire. */
    final long handshakeRequestBytes;
    final long handshakeResponseBytes;

    private RawWebSocket(Socket socket, FullHttpResponse handshake, long requestBytes, long responseBytes)
            throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.handshake = handshake;
        this.handshakeRequestBytes = requestBytes;
        this.handshakeResponseBytes = responseBytes;
    }

    /** Sends an upgrade request with the RFC's example key and returns the connection, whatever the answer. */
    static RawWebSocket connect(int port, String path, String... extraHeaders) throws IOException {
        return connect(new Socket("127.0.0.1", port), path, extraHeaders);
    }

    /** Over a connected socket: a TLS one ({@link TlsSockets}) for wss. */
    static RawWebSocket connect(Socket socket, String path, String... extraHeaders) throws IOException {
        int port = socket.getPort();
        socket.setSoTimeout(10_000);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + RFC_KEY
                + "\r\nSec-WebSocket-Version: 13\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        byte[] head = request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        socket.getOutputStream().write(head);
        long[] responseBytes = new long[1];
        FullHttpResponse response = readResponseHead(socket, responseBytes);
        return new RawWebSocket(socket, response, head.length, responseBytes[0]);
    }

    /** Connects and fails unless the server switched protocols. */
    static RawWebSocket open(int port, String path) throws IOException {
        return open(new Socket("127.0.0.1", port), path);
    }

    static RawWebSocket open(Socket socket, String path) throws IOException {
        RawWebSocket ws = connect(socket, path);
        if (ws.handshake.status().code() != 101) {
            ws.close();
            throw new IOException("expected 101, got " + ws.handshake.status());
        }
        return ws;
    }

    /**
     * Reads the handshake response one byte at a time into Netty's HTTP decoder until it yields a whole
     * response, so that no frame byte after it is consumed.
     */
    private static FullHttpResponse readResponseHead(Socket socket, long[] bytesRead) throws IOException {
        EmbeddedChannel decoder = new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 16));
        var in = socket.getInputStream();
        try {
            FullHttpResponse response;
            while ((response = decoder.readInbound()) == null) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("the server closed the connection during the handshake");
                }
                bytesRead[0]++;
                decoder.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) b}));
            }
            return response;
        } finally {
            decoder.finishAndReleaseAll();
        }
    }

    void sendText(String text) throws IOException {
        sendFrame(true, 0, TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Writes one frame; a client frame is masked unless {@code masked} is false (a protocol violation). */
    void sendFrame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
        frame.put((byte) ((fin ? 0x80 : 0) | (rsv << 4) | opcode));
        int maskBit = masked ? 0x80 : 0;
        if (payload.length <= 125) {
            frame.put((byte) (maskBit | payload.length));
        } else if (payload.length <= 0xFFFF) {
            frame.put((byte) (maskBit | 126)).putShort((short) payload.length);
        } else {
            frame.put((byte) (maskBit | 127)).putLong(payload.length);
        }
        byte[] mask = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i % 4]));
        }
        out.write(frame.array(), 0, frame.position());
        out.flush();
    }

    void sendClose(int code) throws IOException {
        sendFrame(true, 0, CLOSE, new byte[] {(byte) (code >> 8), (byte) code}, true);
    }

    /** Answers the server's close frame, unless the server has already closed TCP, as it may. */
    void answerClose(int code) {
        try {
            sendClose(code);
        } catch (IOException closedAlready) {
            // The server need not wait for the answer after a protocol violation.
        }
    }

    /** Reads the next frame, whatever it is. */
    Frame readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        int header = 2;
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
            header += 2;
        } else if (length == 127) {
            length = in.readLong();
            header += 8;
        }
        if ((b1 & 0x80) != 0) {
            throw new IOException("a server frame must not be masked");
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 0x7, b0 & 0x0F, payload, header);
    }

    /** Reads the next data or close frame, answering the server's pings with pongs on the way. */
    Frame next() throws IOException {
        while (true) {
            Frame f = readFrame();
            if (f.opcode() == PING) {
                sendFrame(true, 0, PONG, f.payload(), true);
            } else if (f.opcode() != PONG) {
                return f;
            }
        }
    }

    /**
     * The frames the server sends until it closes TCP, which must be within the timeout; a reset counts as closed.
     */
    List<Frame> framesUntilClosed(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        List<Frame> frames = new ArrayList<>();
        try {
            while (true) {
                frames.add(readFrame());
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close within " + timeoutMillis + " ms; it sent " + frames);
        } catch (IOException e) {
            return frames;
        }
    }

    /** True when the server closes TCP within the timeout (after anything it still had to send). */
    boolean closedByServer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            while (true) {
                readFrame();
            }
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    void setReadTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        handshake.release();
        socket.close();
    }
}
