package org.pushbench.launcher.demo;

import org.pushbench.protocol.ChatError;

/**
 * An answer of the demo's admin routes, kept apart from Netty so that {@link DemoRoutes} is tested without a
 * server; {@link DemoHttpHandler} writes it.
 *
 * @param status      the HTTP status
 * @param contentType the {@code Content-Type}, or {@code null} for a response without a body
 * @param body        the body bytes (empty for 204)
 * @param allow       the {@code Allow} header of a 405, else {@code null}
 */
record DemoResponse(int status, String contentType, byte[] body, String allow) {

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
}
