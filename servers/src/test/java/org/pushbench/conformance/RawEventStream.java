package org.pushbench.conformance;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A Server-Sent Events client on a plain socket: sends the request it is given, keeps the response head as
 * sent, and reads the chunked body one chunk at a time (the servers write one event per chunk), counting every
 * byte. A chunk's closing CRLF is read before the next chunk's size, not after its data: Jetty sends it with the
 * next chunk.
 */
final class RawEventStream implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private boolean crlfPending;
    private long wireBytes;
    /** The status line and headers exactly as sent, the blank line included. */
    final String head;

    RawEventStream(int port, String request) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        in = new DataInputStream(socket.getInputStream());
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        while (!h.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            h.write(readByte());
        }
        head = h.toString(StandardCharsets.US_ASCII);
    }

    /** {@code GET path} with only a Host header, plus {@code extraHeaders} (each ending in CRLF). */
    static RawEventStream open(int port, String path, String extraHeaders) throws IOException {
        return new RawEventStream(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n");
    }

    static RawEventStream open(int port, String path) throws IOException {
        return open(port, path, "");
    }

    int status() {
        return Integer.parseInt(head.substring(9, 12));
    }

    /** The data of the next chunk; {@code null} for the last chunk. */
    String nextChunk() throws IOException {
        if (crlfPending) {
            expectCrlf();
        }
        StringBuilder size = new StringBuilder();
        for (int b = readByte(); b != '\r'; b = readByte()) {
            size.append((char) b);
        }
        if (readByte() != '\n') {
            throw new IOException("a chunk size line must end in CRLF");
        }
        int length = Integer.parseInt(size.toString(), 16);
        if (length == 0) {
            expectCrlf();
            return null;
        }
        byte[] data = new byte[length];
        in.readFully(data);
        wireBytes += length;
        crlfPending = true;
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The next chunk that is not a comment (the keep-alive's). */
    String nextEvent() throws IOException {
        String chunk = nextChunk();
        while (chunk != null && chunk.startsWith(":")) {
            chunk = nextChunk();
        }
        return chunk;
    }

    /** Every byte read so far, the head and chunk framing included. */
    long wireBytes() {
        return wireBytes;
    }

    /** True when the server closes the connection within the timeout, sending nothing more but comments. */
    boolean closedByServer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            while (true) {
                String chunk = nextChunk();
                if (chunk == null || !chunk.startsWith(":")) {
                    return chunk == null && in.read() < 0;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    void send(String bytes) throws IOException {
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.UTF_8));
    }

    /** Closes with a TCP reset, as a client that vanishes. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private void expectCrlf() throws IOException {
        if (readByte() != '\r' || readByte() != '\n') {
            throw new IOException("a chunk must end in CRLF");
        }
        crlfPending = false;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new java.io.EOFException("the server closed the stream");
        }
        wireBytes++;
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
