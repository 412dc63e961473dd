package org.pushbench.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.server.tls.TlsVersion;
import org.pushbench.store.InMemoryMessageStore;
import org.pushbench.store.MessageStores;

/**
 * The launcher's command line. Every flag has a default; {@link #parse} refuses unknown flags and bad values
 * with a one-line reason.
 */
public record LauncherOptions(
        Engine engine,
        Set<Transport> transports,
        int adminPort,
        Map<Transport, Integer> ports,
        int retention,
        int maxRooms,
        String store,
        ServerConfig config,
        boolean exitWithParent,
        boolean help) {

    public static final String USAGE = """
            Usage: java -jar chat-servers.jar [flags]
            Starts the chat servers (one per transport, one shared message store) and the admin port.

              --engine netty|jetty          server library (default netty)
              --transports LIST             comma-separated: short-polling,long-polling,websocket,sse
                                            (default all)
              --bind ADDRESS                address to listen on (default 127.0.0.1: this machine only;
                                            0.0.0.0 exposes every port, unauthenticated, to the network)
              --admin-port N                /health and /metrics (default 8080; 0 = any free port)
              --short-polling-port N        (default 8081; 0 = any free port)
              --long-polling-port N         (default 8082; 0 = any free port)
              --websocket-port N            (default 8083; 0 = any free port)
              --sse-port N                  Server-Sent Events (default 8084; 0 = any free port)
              --retention N                 messages kept per room (default 1024)
              --max-rooms N                 rooms the store may hold (default 1024)
              --store memory|redis://HOST:PORT
                                            where messages live: this process's memory (default), or a Redis
                                            server that several nodes share (scripts/cluster.sh)
              --max-message-bytes N         largest POST body or WebSocket message (default 1048576)
              --max-answer-bytes N          largest body of a polling answer (default 1048576): it ends at
                                            the last whole message within N (at least one message), and
                                            the client's next poll goes on from there
              --default-wait DURATION       long-poll hold without a wait parameter (default 30s)
              --max-wait DURATION           longest hold a wait parameter may ask (default 120s)
              --ping-interval DURATION      WebSocket ping interval (default 30s)
              --pong-timeout DURATION       close a WebSocket silent this long after a ping (default 10s)
              --event-retry DURATION        the retry: field an SSE stream starts with (default 3s)
              --event-keepalive DURATION    SSE keep-alive comment interval (default 30s)
              --idle-timeout DURATION       close an HTTP connection with no whole request this long (default 60s)
              --max-connections N           connections per server, further ones refused (default 20000)
              --allowed-origins LIST        browser Origins, besides a server's own, whose pages may post,
                                            preflight and read (CORS) or open a WebSocket; a POST from any
                                            other Origin is 403; * for any. --classroom-demo adds the demo
                                            page's (http://localhost:<admin port>, http://127.0.0.1:...)
              --tls                         TLS on every server: https:// and wss://, TLS 1.3, with a certificate
                                            made at start-up (self-signed, ECDSA P-256, for localhost and
                                            127.0.0.1, in memory only: clients skip verifying it, curl -k)
              --tls-version 1.3|1.2         the one TLS version the servers speak (default 1.3; needs --tls)
              --cert FILE --key FILE        a real certificate instead: the PEM chain (leaf first) and its
                                            unencrypted PEM private key (PKCS#8 or PKCS#1/SEC1; needs --tls)
              --classroom-demo              serve the classroom demo's page on the admin port, and count each
                                            demo client's bytes (off: the servers carry none of the demo)
              --exit-with-parent            exit when standard input closes: a harness that starts this
                                            server keeps it open, so its death (even by SIGKILL) ends the server
              --help                        this text

            DURATION is an integer with a unit: 500ms, 30s, 2m.
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    /** Parses the flags; throws IllegalArgumentException with a one-line reason on a bad one. */
    public static LauncherOptions parse(String... args) {
        Engine engine = Engine.NETTY;
        Set<Transport> transports = EnumSet.allOf(Transport.class);
        int adminPort = 8080;
        Map<Transport, Integer> ports = new EnumMap<>(Transport.class);
        for (Transport t : Transport.values()) {
            ports.put(t, t.defaultPort());
        }
        int retention = InMemoryMessageStore.DEFAULT_RETENTION;
        int maxRooms = InMemoryMessageStore.DEFAULT_MAX_ROOMS;
        String store = "memory";
        ServerConfig config = ServerConfig.defaults();
        boolean exitWithParent = false;
        boolean help = false;
        TlsFlags tls = new TlsFlags();

        List<String> rest = new ArrayList<>(Arrays.asList(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (flag.equals("--help") || flag.equals("-h")) {
                help = true;
                continue;
            }
            if (flag.equals("--exit-with-parent")) {
                exitWithParent = true;
                continue;
            }
            if (flag.equals("--tls")) {
                tls.on = true;
                continue;
            }
            if (flag.equals("--classroom-demo")) {
                config = config.withClassroomDemo(true);
                continue;
            }
            if (rest.isEmpty() || !flag.startsWith("--")) {
                throw new IllegalArgumentException(flag.startsWith("--") ? flag + " needs a value"
                        : "unexpected argument \"" + flag + "\"");
            }
            String value = rest.remove(0);
            switch (flag) {
                case "--engine" -> engine = Engine.parse(value);
                case "--transports" -> transports = transports(value);
                case "--bind" -> config = config.withBindAddress(value);
                case "--admin-port" -> adminPort = port(flag, value);
                case "--short-polling-port" -> ports.put(Transport.SHORT_POLLING, port(flag, value));
                case "--long-polling-port" -> ports.put(Transport.LONG_POLLING, port(flag, value));
                case "--websocket-port" -> ports.put(Transport.WEBSOCKET, port(flag, value));
                case "--sse-port" -> ports.put(Transport.SSE, port(flag, value));
                case "--retention" -> retention = positive(flag, value);
                case "--max-rooms" -> maxRooms = positive(flag, value);
                case "--store" -> store = MessageStores.check(value);
                case "--max-message-bytes" -> config = config.withMaxMessageBytes(positive(flag, value));
                case "--max-answer-bytes" -> config = config.withMaxAnswerBytes(positive(flag, value));
                case "--default-wait" -> config = config.withWaits(duration(flag, value), config.maxWait());
                case "--max-wait" -> config = config.withWaits(config.defaultWait(), duration(flag, value));
                case "--ping-interval" -> config = config.withPing(duration(flag, value), config.pongTimeout());
                case "--pong-timeout" -> config = config.withPing(config.pingInterval(), duration(flag, value));
                case "--event-retry" -> config = config.withEvents(duration(flag, value), config.eventKeepAlive());
                case "--event-keepalive" -> config = config.withEvents(config.eventRetry(), duration(flag, value));
                case "--idle-timeout" -> config = config.withIdleTimeout(duration(flag, value));
                case "--max-connections" -> config = config.withMaxConnections(positive(flag, value));
                case "--allowed-origins" -> config = config.withAllowedOrigins(
                        new LinkedHashSet<>(Arrays.asList(value.split(","))));
                case "--tls-version" -> tls.version = TlsVersion.parse(value);
                case "--cert" -> tls.certificate = Path.of(value);
                case "--key" -> tls.key = Path.of(value);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (tls.on) {
            config = config.withTls(tls.config());
        } else if (tls.given()) {
            throw new IllegalArgumentException("--tls-version, --cert and --key need --tls");
        }
        return new LauncherOptions(engine, transports, adminPort, ports, retention, maxRooms, store, config,
                exitWithParent, help);
    }

    private static Set<Transport> transports(String list) {
        Set<Transport> chosen = EnumSet.noneOf(Transport.class);
        for (String name : list.split(",")) {
            chosen.add(Transport.parse(name.trim()));
        }
        return chosen;
    }

    private static int port(String flag, String value) {
        int port = integer(flag, value);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(flag + " must be a port from 0 to 65535, not " + value);
        }
        return port;
    }

    private static int positive(String flag, String value) {
        int n = integer(flag, value);
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1, not " + value);
        }
        return n;
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, not \"" + value + "\"");
        }
    }

    static Duration duration(String flag, String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(flag + " must be an integer with a unit (500ms, 30s, 2m), not \""
                    + value + "\"");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
