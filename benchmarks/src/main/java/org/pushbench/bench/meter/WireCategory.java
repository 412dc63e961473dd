package org.pushbench.bench.meter;

/**
 * What a byte on a receiving client's socket was for. Every byte read or written lands in exactly one category,
 * so the categories add up to the socket total.
 */
public enum WireCategory {
    /** The delivered-message JSON itself: the bytes a chat needs, identical on every transport. */
    PAYLOAD,
    /** HTTP request and status lines and headers, and the WebSocket opening handshake. */
    HEADERS,
    /** What wraps the payload: JSON array brackets and commas, WebSocket frame headers and masking keys. */
    FRAMING,
    /** Whole request/response exchanges that came back with nothing ({@code 200 []}). */
    EMPTY_POLLS,
    /** WebSocket ping, pong and close frames. */
    KEEPALIVE,
    /** Over TLS: the handshake, every byte on the wire until the client's side of it is complete. */
    TLS_HANDSHAKE,
    /**
     * Over TLS: what records add to the bytes above (5-byte headers, AEAD tags, TLS 1.3's content-type byte),
     * and the messages after the handshake (TLS 1.3 session tickets, close_notify alerts).
     */
    TLS_RECORDS;

    /** The name used in results: {@code emptyPolls}, {@code keepalive}, ... */
    public String label() {
        return switch (this) {
            case PAYLOAD -> "payload";
            case HEADERS -> "headers";
            case FRAMING -> "framing";
            case EMPTY_POLLS -> "emptyPolls";
            case KEEPALIVE -> "keepalive";
            case TLS_HANDSHAKE -> "tlsHandshake";
            case TLS_RECORDS -> "tlsRecords";
        };
    }
}
