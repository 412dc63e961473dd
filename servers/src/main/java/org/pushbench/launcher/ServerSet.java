package org.pushbench.launcher;

import java.util.EnumMap;
import java.util.Map;

import org.pushbench.launcher.demo.ClassroomDemo;
import org.pushbench.server.ChatServer;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.store.MessageStore;
import org.pushbench.store.MessageStores;

/**
 * The servers of one process: one message store, the chosen transports of one engine on it, and the admin
 * port that reports on them and serves the classroom demo. What the launcher starts, and what tests can start
 * in-process.
 */
public final class ServerSet implements AutoCloseable {

    private final LauncherOptions options;
    private final MessageStore store;
    private final ServerFactory factory;
    private final Map<Transport, ChatServer> servers = new EnumMap<>(Transport.class);
    private final AdminServer admin;
    private ClassroomDemo demo;

    private ServerSet(LauncherOptions options) {
        this.options = options;
        this.store = MessageStores.open(options.store(), options.retention(), options.maxRooms());
        this.factory = options.engine().newFactory();
        this.admin = new AdminServer(this);
    }

    /** Starts every server and the admin port; on failure stops what had started and rethrows. */
    public static ServerSet start(LauncherOptions options) throws Exception {
        ServerSet set = new ServerSet(options);
        try {
            // The admin port is bound first: the demo page comes from it, so the servers must allow its origin.
            set.admin.bind(options.config().bindAddress(), options.adminPort());
            boolean demo = options.config().classroomDemo();
            ServerConfig config = demo ? ClassroomDemo.allowPageOrigins(options.config(), set.admin.port())
                    : options.config();
            for (Transport t : options.transports()) {
                ChatServer server = set.factory.create(t, options.ports().get(t), set.store, config);
                set.servers.put(t, server);
                server.start();
            }
            if (demo) {
                set.demo = new ClassroomDemo(set.servers, set.store, config);
            }
            set.admin.open();
            return set;
        } catch (Exception | Error e) {
            set.close();
            throw e;
        }
    }

    public LauncherOptions options() {
        return options;
    }

    public MessageStore store() {
        return store;
    }

    /** The running servers, by transport, in transport order. */
    public Map<Transport, ChatServer> servers() {
        return servers;
    }

    /** The classroom demo the admin port serves, once the servers run; null unless asked for. */
    ClassroomDemo demo() {
        return demo;
    }

    public int adminPort() {
        return admin.port();
    }

    @Override
    public void close() {
        admin.close();
        if (demo != null) {
            demo.close();
        }
        servers.values().forEach(ChatServer::close);
        factory.close();
        store.close();
    }
}
