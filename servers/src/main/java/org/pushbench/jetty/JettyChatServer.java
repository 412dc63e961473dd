package org.pushbench.jetty;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;

import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.Transport;
import org.pushbench.server.TransportMetrics;

/**
 * One Jetty server: one {@link Server} on the engine's threads, its {@link ChatConnector}, the HTTP/1.1 settings
 * and the JSON error answers, TLS when configured ({@link JettyTls}), and HTTP/2 beside HTTP/1.1 on the HTTP
 * transports ({@link JettyHttp2}). A transport supplies only its handler.
 */
final class JettyChatServer implements ChatServer {

    /** The request line and headers together, as Netty's 4096 + 8192 bound them; beyond is 431. */
    static final int MAX_REQUEST_HEAD_BYTES = 12 * 1024;

    private final ServerConfig config;
    private final TransportMetrics metrics;
    private final JettyEngine.Shared shared;
    private final Function<Server, Handler> handler;
    private final Transport transport;
    private final int requestedPort;
    private Server server;
    private ChatConnector connector;

    /** @param handler the handler of every request of this server, given the server it will run in */
    JettyChatServer(Transport transport, JettyEngine.Shared shared, int port, ServerConfig config,
            TransportMetrics metrics, Function<Server, Handler> handler) {
        this.transport = transport;
        this.shared = shared;
        this.requestedPort = port;
        this.config = config;
        this.metrics = metrics;
        this.handler = handler;
    }

    @Override
    public int start() throws Exception {
        server = new Server(shared.threads(), shared.scheduler(), shared.buffers());
        HttpConfiguration settings = httpConfiguration();
        HttpConnectionFactory http = new HttpConnectionFactory(settings);
        boolean http2 = transport.offersHttp2();
        ConnectionFactory[] factories;
        if (config.tls().isPresent()) {
            factories = http2 ? JettyHttp2.overTls(config.tls().get(), settings, http)
                    : new ConnectionFactory[] {JettyTls.in(config.tls().get()), http};
        } else {
            factories = http2 ? JettyHttp2.cleartext(settings, http) : new ConnectionFactory[] {http};
        }
        connector = new ChatConnector(server, shared, metrics, config, factories);
        // The engine's, not this server's: stopping this server must leave them running for the other two.
        for (ContainerLifeCycle owner : List.of(server, connector)) {
            owner.unmanage(shared.threads());
            owner.unmanage(shared.scheduler());
        }
        connector.setHost(config.bindAddress());
        connector.setPort(requestedPort);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(handler.apply(server));
        server.start();
        return port();
    }

    /** HTTP/1.1 as Netty speaks it here: no {@code Server} or {@code Date} header, the same head size bound. */
    private HttpConfiguration httpConfiguration() {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
        // No per-connection header field cache: Jetty builds one on a connection's second request, an ArrayTrie
        // of ~100 KB that a chat client's three or four headers never need. It was 96 % of a polling
        // connection's heap (jcmd GC.class_histogram: char[] of ~41 KB, two per connection).
        http.setHeaderCacheSize(0);
        if (config.tls().isPresent()) {
            JettyTls.secure(http);
        }
        return http;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public Engine engine() {
        return Engine.JETTY;
    }

    @Override
    public TransportMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (server != null) {
            LifeCycle.stop(server);
        }
    }
}
