package org.pushbench.conformance.autobahn;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.pushbench.jetty.JettyEchoServer;
import org.pushbench.jetty.JettyEngine;
import org.pushbench.netty.NettyEchoServer;
import org.pushbench.netty.NettyEngine;
import org.pushbench.server.ChatServer;
import org.pushbench.server.ServerConfig;

/**
 * Autobahn|Testsuite against each engine's WebSocket server, with the chat's default limits and an echo in place
 * of the room stream: every case must pass (OK, NON-STRICT or INFORMATIONAL, and the close code expected). The
 * suite's report stays in target/autobahn/index.html. Cases 1-7 (framing, pings, reserved bits, opcodes,
 * fragmentation, UTF-8, closing) and 10 (auto-fragmentation) run in every build; the {@code autobahn-performance}
 * profile runs the size and performance cases, 9, instead.
 */
// No JUnit timeout: the servers run in this JVM and cannot hang it; the client's run is bounded and killed.
class AutobahnIT {

    static final List<String> CASES = List.of(System.getProperty("autobahn.cases",
            "1.*,2.*,3.*,4.*,5.*,6.*,7.*,10.*").split(","));
    static final Duration CLIENT_BOUND = Duration.ofSeconds(Long.getLong("autobahn.seconds", 100));
    static final ServerConfig CONFIG = ServerConfig.defaults().withMaxMessageBytes(
            Integer.getInteger("autobahn.maxMessageBytes", ServerConfig.defaults().maxMessageBytes()));

    @Test
    void everyCasePassesOnBothEngines() throws Exception {
        try (NettyEngine netty = new NettyEngine(); JettyEngine jetty = new JettyEngine()) {
            Map<String, ChatServer> echoes = new LinkedHashMap<>();
            echoes.put("netty", NettyEchoServer.of(netty, CONFIG));
            echoes.put("jetty", JettyEchoServer.of(jetty, CONFIG));
            Map<String, String> urls = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, ChatServer> e : echoes.entrySet()) {
                    urls.put(e.getKey(), "ws://127.0.0.1:" + e.getValue().start() + "/rooms/autobahn/ws");
                }
                Path reports = Path.of("target", "autobahn");
                Map<String, Report> results = new FuzzingClient(reports, CLIENT_BOUND).run(urls, CASES);
                List<Executable> checks = new ArrayList<>();
                results.values().forEach(report -> {
                    System.out.println("Autobahn|Testsuite " + report.summary());
                    checks.add(() -> assertFalse(report.cases().isEmpty(), report.agent() + " ran cases"));
                    checks.add(() -> assertEquals(List.of(), report.failures(),
                            report.agent() + ": failed cases; see " + reports.resolve("index.html")));
                });
                assertAll(checks);
            } finally {
                echoes.values().forEach(ChatServer::close);
            }
        }
    }
}
