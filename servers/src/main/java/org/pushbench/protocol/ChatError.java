package org.pushbench.protocol;

import java.util.Map;

/**
 * A request the server refuses, with the HTTP status (and, on WebSocket, the close code) it answers with: the
 * protocol's one error vocabulary. Every error answer of every transport and engine is built here, none inline.
 * Thrown before anything in the store changes.
 */
public final class ChatError extends RuntimeException {

    /** WebSocket close codes the chat uses (RFC 6455, 7.4.1). */
    public static final int CLOSE_POLICY_VIOLATION = 1008;
    public static final int CLOSE_TRY_AGAIN_LATER = 1013;
    public static final int CLOSE_UNSUPPORTED_DATA = 1003;
    public static final int CLOSE_TOO_BIG = 1009;

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    public ChatError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    private ChatError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    public static ChatError badRequest(String message) {
        return new ChatError(400, "bad_request", message);
    }

    /** A request line or head the server could not parse. */
    public static ChatError unparsable() {
        return badRequest("the request could not be parsed as HTTP/1.1");
    }

    public static ChatError tooLarge(int limit) {
        return new ChatError(413, "too_large", "the message is larger than the limit of " + limit + " bytes");
    }

    public static ChatError headersTooLarge(int limit) {
        return new ChatError(431, "too_large", "the request headers are larger than " + limit + " bytes");
    }

    public static ChatError notFound(String path) {
        return new ChatError(404, "not_found", "no such resource: " + path);
    }

    /** 405 with the {@code Allow} header RFC 9110 asks for, e.g. {@code allowed = "GET, POST"}. */
    public static ChatError methodNotAllowed(String method, String allowed) {
        return new ChatError(405, "method_not_allowed", method + " is not allowed here; use " + allowed,
                Map.of("Allow", allowed));
    }

    /** 405 for a read of the messages on the Server-Sent Events server, which streams them instead. */
    public static ChatError readThroughEvents(String room) {
        return new ChatError(405, "method_not_allowed", "GET is not allowed here; read the room through /rooms/"
                + room + "/events", Map.of("Allow", "POST, OPTIONS"));
    }

    /** 426 for a plain request on a WebSocket path. */
    public static ChatError upgradeRequired() {
        return new ChatError(426, "bad_request", "this path is a WebSocket: send an Upgrade: websocket request");
    }

    /** 426 naming the one WebSocket version this server speaks (RFC 6455, 4.4). */
    public static ChatError unsupportedWebSocketVersion() {
        return new ChatError(426, "bad_request", "this server speaks WebSocket version 13",
                Map.of("Sec-WebSocket-Version", "13"));
    }

    public static ChatError originRefused(String origin) {
        return new ChatError(403, "forbidden", "Origin " + origin + " is not allowed");
    }

    public static ChatError unavailable(String message) {
        return new ChatError(503, "unavailable", message);
    }

    /** The error for a status an engine answers by itself (an unparsable head, a failed handler). */
    public static ChatError forStatus(int status, String message) {
        String code = switch (status) {
            case 400 -> "bad_request";
            case 413, 431 -> "too_large";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 503 -> "unavailable";
            default -> "server_error";
        };
        return new ChatError(status, code, message == null ? "HTTP " + status : message);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** A short machine-readable code, the {@code error} field of the JSON body. */
    public String code() {
        return code;
    }

    /** Headers the answer must carry besides the JSON ones ({@code Allow}, {@code Sec-WebSocket-Version}). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The JSON body of the error response: {@code {"error":"bad_request","message":"..."}}. */
    public byte[] toJson() {
        return ChatJson.error(code, getMessage());
    }
}
