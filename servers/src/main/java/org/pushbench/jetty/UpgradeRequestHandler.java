package org.pushbench.jetty;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.pushbench.protocol.ChatError;
import org.pushbench.server.DemoConnection;
import org.pushbench.server.ServerConfig;
import org.pushbench.transport.http.RequestTarget;
import org.pushbench.transport.websocket.UpgradeCheck;

/**
 * Runs the core's {@link UpgradeCheck} before Jetty's handshake sees the request; a refusal gets the protocol's JSON
 * error. Leaves the parsed target in a request attribute for the endpoint.
 */
final class UpgradeRequestHandler extends Handler.Wrapper {

    static final String TARGET = RequestTarget.class.getName();

    private final UpgradeCheck check;

    UpgradeRequestHandler(ServerConfig config, Handler upgrade) {
        super(upgrade);
        this.check = new UpgradeCheck(config);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        ChatEndPoint.deadlineOf(request).stop();
        DemoConnection demo = ChatEndPoint.of(request).demo();
        if (demo != null) {
            demo.request(request.getHttpURI().getPathQuery());
        }
        try {
            RequestTarget target = check.check(request.getMethod(), request.getHttpURI().getPathQuery(),
                    request.getHeaders()::get);
            request.setAttribute(TARGET, target);
            if (!super.handle(request, response, callback)) {
                throw ChatError.badRequest("not a valid WebSocket upgrade request");
            }
        } catch (ChatError e) {
            JsonResponses.error(request, response, callback, e);
        }
        return true;
    }
}
