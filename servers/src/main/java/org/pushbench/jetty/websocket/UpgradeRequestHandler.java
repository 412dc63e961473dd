package org.pushbench.jetty.websocket;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.pushbench.jetty.ChatEndPoint;
import org.pushbench.jetty.JsonResponses;
import org.pushbench.jetty.RequestDeadline;
import org.pushbench.protocol.ChatError;
import org.pushbench.protocol.ChatRoute;
import org.pushbench.server.ServerConfig;

/**
 * Checks an upgrade request before Jetty's handshake sees it: the path must be {@code /rooms/{room}/ws}, the method
 * GET, the request a WebSocket upgrade, and a browser's {@code Origin} this server's own or an allowed one. Anything
 * else gets the protocol's JSON error. Leaves the parsed route in a request attribute for the endpoint.
 */
final class UpgradeRequestHandler extends Handler.Wrapper {

    static final String ROUTE = ChatRoute.class.getName();

    private final ServerConfig config;

    UpgradeRequestHandler(ServerConfig config, Handler upgrade) {
        super(upgrade);
        this.config = config;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        RequestDeadline.of(request).stop();
        ChatEndPoint.of(request).demo().request(request.getHttpURI().getPathQuery());
        try {
            ChatRoute route = ChatRoute.parse(request.getHttpURI().getPathQuery());
            if (route.kind() != ChatRoute.Kind.WEBSOCKET) {
                throw ChatError.notFound(request.getHttpURI().getPath());
            }
            if (!request.getMethod().equals("GET")) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET");
                throw ChatError.methodNotAllowed(request.getMethod(), "GET");
            }
            if (!request.getHeaders().contains(HttpHeader.UPGRADE, "websocket")) {
                throw new ChatError(426, "bad_request", "this path is a WebSocket: send an Upgrade: websocket request");
            }
            if (!"13".equals(request.getHeaders().get(HttpHeader.SEC_WEBSOCKET_VERSION))) {
                // RFC 6455, 4.4: name the version this server speaks.
                response.getHeaders().put(HttpHeader.SEC_WEBSOCKET_VERSION, "13");
                throw new ChatError(426, "bad_request", "this server speaks WebSocket version 13");
            }
            String origin = request.getHeaders().get(HttpHeader.ORIGIN);
            if (origin != null && !config.originAllowed(origin, request.getHeaders().get(HttpHeader.HOST))) {
                throw new ChatError(403, "forbidden", "Origin " + origin + " is not allowed");
            }
            request.setAttribute(ROUTE, route);
            if (!super.handle(request, response, callback)) {
                throw ChatError.badRequest("not a valid WebSocket upgrade request");
            }
        } catch (ChatError e) {
            JsonResponses.error(request, response, callback, e);
        }
        return true;
    }
}
