package org.pushbench.bench.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerConfig;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.server.tls.ServerCertificate;
import org.pushbench.store.InMemoryMessageStore;

/** One engine's four servers on one store, in the test's JVM, on ports the OS chose; a fresh room per call. */
final class InProcessServers implements AutoCloseable {

    private static final AtomicInteger ROOMS = new AtomicInteger();

    private final ServerFactory factory;
    private final Map<Transport, ChatServer> servers = new EnumMap<>(Transport.class);
    private final HttpClient http;
    private final String scheme;

    /** @param pingInterval how often the WebSocket server pings, and the SSE server sends a keep-alive comment */
    InProcessServers(Engine engine, Duration pingInterval) throws Exception {
        this(engine, ServerConfig.defaults().withPing(pingInterval, Duration.ofSeconds(5))
                .withEvents(ServerConfig.defaults().eventRetry(), pingInterval));
    }

    InProcessServers(Engine engine, ServerConfig config) throws Exception {
        factory = engine.newFactory();
        http = config.tls().map(tls -> HttpClient.newBuilder().sslContext(trusting(tls.certificate())).build())
                .orElseGet(HttpClient::newHttpClient);
        scheme = config.tls().isPresent() ? "https" : "http";
        InMemoryMessageStore store = new InMemoryMessageStore(1024, 1024);
        for (Transport t : Transport.values()) {
            ChatServer server = factory.create(t, 0, store, config);
            server.start();
            servers.put(t, server);
        }
    }

    /**
     * Every engine: one that cannot be built fails the test that asks for it, instead of silently leaving the
     * byte-exact and race tests to the other engine.
     */
    static Stream<Engine> engines() {
        return Stream.of(Engine.values());
    }

    ChatServer server(Transport t) {
        return servers.get(t);
    }

    ClientTarget target(Transport t, HeaderProfile headers) {
        return new ClientTarget("127.0.0.1", servers.get(t).port(), "room" + ROOMS.incrementAndGet(), headers);
    }

    /** Posts through the short-polling server with the JDK's own client, outside every meter. */
    void post(String room, String json) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:"
                + servers.get(Transport.SHORT_POLLING).port() + "/rooms/" + room + "/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new AssertionError("POST answered " + answer.statusCode() + " " + answer.body());
        }
    }

    /** A TLS context that trusts exactly the servers' generated certificate. */
    private static SSLContext trusting(ServerCertificate certificate) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", certificate.leaf());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        List.copyOf(servers.values()).forEach(ChatServer::close);
        factory.close();
    }
}
