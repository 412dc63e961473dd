package org.pushbench.jetty;

import java.nio.ByteBuffer;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import org.pushbench.server.ChatServer;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.TransportMetrics;

/**
 * The Jetty chat WebSocket server, its handlers, limits and close handling, with an echo in place of the room
 * stream: every text or binary message comes back as it came, as Autobahn|Testsuite expects.
 */
public final class JettyEchoServer {

    private JettyEchoServer() {
    }

    /** The echo server on the engine's threads, not started. */
    public static ChatServer of(JettyEngine engine, ServerConfig config) {
        return engine.webSocket(0, config, new TransportMetrics(), target -> new Echo());
    }

    /** Public because Jetty binds the listener methods by reflection. */
    public static final class Echo implements Session.Listener.AutoDemanding {

        private Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketText(String text) {
            session.sendText(text, Callback.NOOP);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            session.sendBinary(payload, callback);
        }
    }
}
