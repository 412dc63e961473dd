package org.pushbench.transport.websocket;

import java.util.function.UnaryOperator;

import org.pushbench.protocol.ChatError;
import org.pushbench.server.ServerConfig;
import org.pushbench.transport.http.RequestTarget;

/**
 * Checks a WebSocket upgrade request before the engine's handshake sees it, the same on every engine: the path
 * must be {@code /rooms/{room}/ws} (404), the method GET (405 with {@code Allow: GET}), the request an upgrade
 * (426), its version 13 (426 naming it, with a body), and a browser's {@code Origin} this server's own or an
 * allowed one (403), so a page from another site cannot open a chat connection with the user's cookies.
 */
public final class UpgradeCheck {

    private final ServerConfig config;

    public UpgradeCheck(ServerConfig config) {
        this.config = config;
    }

    /**
     * @param headers a request header by name (case-insensitive), {@code null} when absent
     * @return the parsed target of an acceptable upgrade
     * @throws ChatError the refusal to answer with
     */
    public RequestTarget check(String method, String target, UnaryOperator<String> headers) {
        RequestTarget parsed = RequestTarget.parse(target);
        if (parsed.kind() != RequestTarget.Kind.WEBSOCKET) {
            throw ChatError.notFound(target);
        }
        if (!method.equals("GET")) {
            throw ChatError.methodNotAllowed(method, "GET");
        }
        if (!hasToken(headers.apply("Upgrade"), "websocket")) {
            throw ChatError.upgradeRequired();
        }
        if (!"13".equals(headers.apply("Sec-WebSocket-Version"))) {
            throw ChatError.unsupportedWebSocketVersion();
        }
        String origin = headers.apply("Origin");
        if (origin != null && !config.originAllowed(origin, headers.apply("Host"))) {
            throw ChatError.originRefused(origin);
        }
        return parsed;
    }

    private static boolean hasToken(String header, String token) {
        if (header == null) {
            return false;
        }
        for (String t : header.split(",")) {
            if (t.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
