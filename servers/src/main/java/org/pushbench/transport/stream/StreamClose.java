package org.pushbench.transport.stream;

/**
 * Why the server ends a push stream, with the WebSocket close code (RFC 6455, 7.4.1) it sends; a stream without
 * close codes (Server-Sent Events) just ends its response. The one list of them, for every engine.
 */
public enum StreamClose {
    /** The reader fell a whole retention behind while its socket stopped draining. */
    SLOW_CONSUMER(1013, "slow consumer: fell a whole retention behind"),
    /** The room did not exist and the store holds its maximum of rooms. */
    ROOMS_FULL(1013, "the server holds its maximum of rooms"),
    /** No frame arrived within the pong timeout after a ping. */
    PONG_TIMEOUT(1008, "pong timeout"),
    /** The client sent a binary message. */
    BINARY(1003, "this chat speaks text frames only"),
    /** The client sent a message over the size limit. */
    TOO_BIG(1009, "the message is larger than the limit");

    private final int code;
    private final String reason;

    StreamClose(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /** The WebSocket close code. */
    public int code() {
        return code;
    }

    /** The close frame's reason text. */
    public String reason() {
        return reason;
    }
}
