package org.pushbench.bench.client;

/**
 * RFC 6455 frame sizes on the wire. Netty's codec decodes frames without telling their header length, so the
 * client computes it from the payload length: 2 bytes, plus 2 or 8 for an extended length, plus the 4-byte
 * masking key every client-to-server frame carries (section 5.2).
 */
final class WebSocketFrames {

    private WebSocketFrames() {
    }

    /** Bytes a frame of {@code payloadLength} occupies on the wire besides its payload. */
    static int headerBytes(int payloadLength, boolean masked) {
        int header = payloadLength <= 125 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
        return masked ? header + 4 : header;
    }

    static int wireBytes(int payloadLength, boolean masked) {
        return headerBytes(payloadLength, masked) + payloadLength;
    }
}
