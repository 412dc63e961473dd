package org.pushbench.launcher.demo;

import java.nio.charset.StandardCharsets;

import org.pushbench.protocol.ChatError;

/**
 * An answer of the demo's admin routes, whatever server writes it.
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type}, or {@code null} for a response without a body
 * @param body        the body bytes (empty for 204)
 * @param allow       the {@code Allow} header of a 405, else {@code null}
 */
public record DemoResponse(int status, String contentType, byte[] body, String allow) {

    static final String JSON = "application/json";

    static DemoResponse json(int status, byte[] body) {
        return new DemoResponse(status, JSON, body, null);
    }

    static DemoResponse noContent() {
        return new DemoResponse(204, null, new byte[0], null);
    }

    static DemoResponse error(ChatError error, String allow) {
        return new DemoResponse(error.status(), JSON, error.toJson(), allow);
    }

    static DemoResponse text(int status, String contentType, String body) {
        return new DemoResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }
}
