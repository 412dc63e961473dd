package org.pushbench.launcher;

import org.pushbench.server.Transport;
import org.pushbench.store.StoreUnavailableException;

/**
 * {@code java -jar chat-servers.jar}: starts the chat servers of one engine on one shared store, and the admin
 * port, prints where they listen, and stops them cleanly on Ctrl-C or SIGTERM (the event loops keep the JVM
 * alive), halting when that takes longer than {@link ExitGuard#STOP_BOUND}; with {@code --exit-with-parent},
 * also when its parent dies.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pushbench: " + e.getMessage());
            System.err.println("Run with --help for the flags and their defaults.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LauncherOptions.USAGE);
            return;
        }
        ServerSet servers;
        try {
            servers = ServerSet.start(options);
        } catch (StoreUnavailableException e) {
            System.err.println("pushbench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ExitGuard.haltAfter(ExitGuard.STOP_BOUND);
            servers.close();
        }, "pushbench-shutdown"));
        if (options.exitWithParent()) {
            ExitGuard.exitWhenStdinCloses(System.in);
        }
        String host = options.config().bindAddress();
        String secure = options.config().tls().isPresent() ? "s" : "";
        servers.servers().forEach((transport, server) -> {
            boolean ws = transport == Transport.WEBSOCKET;
            System.out.printf("pushbench: %s (%s) on %s%s://%s:%d%s%n", transport.id(), options.engine().id(),
                    ws ? "ws" : "http", secure, host, server.port(), switch (transport) {
                        case WEBSOCKET -> "/rooms/{room}/ws";
                        case SSE -> "/rooms/{room}/events";
                        default -> "/rooms/{room}/messages";
                    });
        });
        // A fixed, machine-readable line: the harness reads the admin port from it when started with port 0.
        System.out.printf("pushbench admin http://%s:%d/%n", host, servers.adminPort());
        System.out.flush();
    }
}
