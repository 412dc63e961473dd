package org.pushbench.bench.calibration;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The Jetty floor: Jetty 12's WebSocket upgrade handler and framing, a set of member sessions, and each received
 * text message sent to every member with {@code sendText} of the one String Jetty decoded (the plain way with
 * Jetty's API). Jetty's default thread pool and one {@link ServerConnector}, as a plain Jetty server has.
 */
public final class JettyFloorServer implements FloorServer {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Set<Session> members = ConcurrentHashMap.newKeySet();

    JettyFloorServer() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(Duration.ZERO);
            container.setAutoFragment(false);
            container.addMapping("/*", (request, response, callback) -> {
                response.setExtensions(List.of());
                return new Member(members);
            });
        }));
        server.start();
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * One connection: a member from open to close; every text it sends goes to all members. Public: Jetty looks
     * its methods up by reflection.
     */
    public static final class Member implements Session.Listener.AutoDemanding {

        private final Set<Session> members;
        private Session session;

        Member(Set<Session> members) {
            this.members = members;
        }

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
            members.add(opened);
        }

        @Override
        public void onWebSocketText(String text) {
            for (Session member : members) {
                member.sendText(text, Callback.NOOP);
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            members.remove(session);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            members.remove(session);
        }
    }
}
