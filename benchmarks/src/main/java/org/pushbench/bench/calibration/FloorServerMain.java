package org.pushbench.bench.calibration;

import org.pushbench.server.Engine;

/**
 * Runs one {@link FloorServer} in a JVM of its own, so its CPU is its own as a pushbench server's is:
 * {@code FloorServerMain netty|jetty} prints {@value #PORT_LINE}{@code <port>} and serves until its standard
 * input closes (the calibration that started it ends or dies).
 */
public final class FloorServerMain {

    static final String PORT_LINE = "pushbench floor port ";

    private FloorServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: FloorServerMain netty|jetty");
            System.exit(2);
        }
        try (FloorServer server = start(Engine.parse(args[0]))) {
            System.out.println(PORT_LINE + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our standard input
            }
        }
    }

    static FloorServer start(Engine engine) throws Exception {
        return switch (engine) {
            case NETTY -> new NettyFloorServer();
            case JETTY -> new JettyFloorServer();
        };
    }
}
