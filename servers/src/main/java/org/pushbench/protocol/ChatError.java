package org.pushbench.protocol;

/**
 * A request the server refuses, with the HTTP status (and, on WebSocket, the close code) it answers with.
 * Thrown before anything in the store changes.
 */
public final class ChatError extends RuntimeException {

    private final int status;
    private final String code;

    public ChatError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ChatError badRequest(String message) {
        return new ChatError(400, "bad_request", message);
    }

    public static ChatError tooLarge(int limit) {
        return new ChatError(413, "too_large", "the message is larger than the limit of " + limit + " bytes");
    }

    public static ChatError notFound(String path) {
        return new ChatError(404, "not_found", "no such resource: " + path);
    }

    public static ChatError methodNotAllowed(String method, String allowed) {
        return new ChatError(405, "method_not_allowed", method + " is not allowed here; use " + allowed);
    }

    public static ChatError unavailable(String message) {
        return new ChatError(503, "unavailable", message);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** A short machine-readable code, the {@code error} field of the JSON body. */
    public String code() {
        return code;
    }

    /** The JSON body of the error response: {@code {"error":"bad_request","message":"..."}}. */
    public byte[] toJson() {
        return ChatJson.error(code, getMessage());
    }
}
