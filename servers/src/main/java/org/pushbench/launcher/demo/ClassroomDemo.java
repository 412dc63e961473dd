package org.pushbench.launcher.demo;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.netty.channel.ChannelHandler;

import org.pushbench.server.ChatServer;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.store.MessageStore;

/**
 * The classroom demo as the launcher wires it in (docs/DEMO.md): its admin routes and its background crowd,
 * for the running servers of any engine. Close it before the servers.
 */
public final class ClassroomDemo implements AutoCloseable {

    private final DemoCrowd crowd;
    private final DemoHttpHandler httpHandler;

    /**
     * @param servers the running servers, by transport (the page shows a pane per server)
     * @param store   their shared store (the demo room's newest id, so the page and the crowd start from now)
     * @param config  the servers' config
     */
    public ClassroomDemo(Map<Transport, ? extends ChatServer> servers, MessageStore store, ServerConfig config) {
        Map<Transport, Integer> ports = new EnumMap<>(Transport.class);
        servers.forEach((t, s) -> ports.put(t, s.port()));
        crowd = new DemoCrowd(config.bindAddress(), ports, DemoRoutes.ROOM, () -> store.lastId(DemoRoutes.ROOM));
        httpHandler = new DemoHttpHandler(
                new DemoRoutes(crowd, ports, () -> store.lastId(DemoRoutes.ROOM), config.maxWait().toMillis()));
    }

    /**
     * The config with the demo page's origins ({@code http://localhost:<adminPort>},
     * {@code http://127.0.0.1:<adminPort>}) added to the allowed origins, so the page may read the polling
     * servers and open the WebSocket.
     */
    public static ServerConfig allowPageOrigins(ServerConfig config, int adminPort) {
        Set<String> origins = new HashSet<>(config.allowedOrigins());
        origins.add("http://localhost:" + adminPort);
        origins.add("http://127.0.0.1:" + adminPort);
        return config.withAllowedOrigins(origins);
    }

    /** The admin port's handler of the demo's paths; it passes every other request on. */
    public ChannelHandler httpHandler() {
        return httpHandler;
    }

    /** Stops the crowd. */
    @Override
    public void close() {
        crowd.close();
    }
}
