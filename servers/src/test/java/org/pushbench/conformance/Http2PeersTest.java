package org.pushbench.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pushbench.conformance.Eventually.eventually;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pushbench.server.ChatServer;
import org.pushbench.server.Engine;
import org.pushbench.server.ServerFactory;
import org.pushbench.server.Transport;
import org.pushbench.server.tls.TlsConfig;
import org.pushbench.store.InMemoryMessageStore;

/**
 * HTTP/2 against independent peers, on both engines, h2c with prior knowledge and h2 over TLS by ALPN: curl posts
 * and reads, and nghttp2's h2load holds eight long polls as streams of one connection, which all end with the wait
 * (not one after the other) and leave no held request behind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Http2PeersTest {

    static List<Arguments> enginesAndTls() {
        return ConformanceServers.ENGINES.stream().flatMap(e -> java.util.stream.Stream.of(
                Arguments.of(e, false), Arguments.of(e, true))).toList();
    }

    @ParameterizedTest
    @MethodSource("enginesAndTls")
    void curlAndH2loadSpeakHttp2(Engine engine, boolean tls) throws Exception {
        boolean tools = found("curl") && found("h2load");
        if (System.getenv("CI") != null) {
            assertTrue(tools, "CI must have curl and h2load (nghttp2-client; .ci/run installs them)");
        }
        Assumptions.assumeTrue(tools, "needs curl and h2load (apt-get install curl nghttp2-client)");
        var config = ConformanceServers.CONFIG;
        if (tls) {
            config = config.withTls(TlsConfig.generated());
        }
        InMemoryMessageStore store = new InMemoryMessageStore(16, 64);
        try (ServerFactory factory = engine.newFactory()) {
            ChatServer polling = factory.create(Transport.LONG_POLLING, 0, store, config);
            polling.start();
            try {
                String base = (tls ? "https" : "http") + "://127.0.0.1:" + polling.port() + "/rooms/"
                        + ConformanceServers.freshRoom() + "/messages";
                String h2 = tls ? "--http2" : "--http2-prior-knowledge";
                String posted = run("curl", "-sk", h2, "-w", "\n%{http_version}", "-H",
                        "Content-Type: application/json", "-d", RawHttp.message("ann", "over-h2", 1), base);
                assertTrue(posted.endsWith("\n2"), posted);
                String read = run("curl", "-sk", h2, "-w", "\n%{http_version}", base + "?after=0");
                assertTrue(read.contains("over-h2") && read.endsWith("\n2"), read);
                long start = System.nanoTime();
                String load = run("h2load", "-n", "8", "-c", "1", "-m", "8", base + "?after=1");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(load.contains("8 succeeded"), load);
                // Eight waits of 1 s one after the other would take 8 s; as streams they take about one.
                assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, took + "\n" + load);
                eventually("no held request", Duration.ofSeconds(5), () -> polling.metrics().heldRequests() == 0);
            } finally {
                polling.close();
            }
        }
    }

    private static boolean found(String tool) throws Exception {
        return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        return out;
    }
}
