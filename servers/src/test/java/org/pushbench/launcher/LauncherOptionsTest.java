package org.pushbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;
import org.pushbench.server.tls.ServerCertificate;
import org.pushbench.server.tls.TlsConfig;
import org.pushbench.server.tls.TlsVersion;

class LauncherOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        LauncherOptions o = LauncherOptions.parse();
        assertEquals(Engine.NETTY, o.engine());
        assertEquals(EnumSet.allOf(Transport.class), o.transports());
        assertEquals(8080, o.adminPort());
        assertEquals(8081, o.ports().get(Transport.SHORT_POLLING));
        assertEquals(8082, o.ports().get(Transport.LONG_POLLING));
        assertEquals(8083, o.ports().get(Transport.WEBSOCKET));
        assertEquals("127.0.0.1", o.config().bindAddress());
        assertEquals(1 << 20, o.config().maxMessageBytes());
        assertEquals(1 << 20, o.config().maxAnswerBytes());
        assertEquals(Duration.ofSeconds(30), o.config().defaultWait());
        assertEquals("memory", o.store());
    }

    @Test
    void parsesEveryFlag() {
        LauncherOptions o = LauncherOptions.parse("--engine", "jetty", "--transports", "websocket,short-polling",
                "--bind", "127.0.0.2", "--admin-port", "0", "--websocket-port", "9003", "--retention", "10",
                "--max-rooms", "5", "--max-message-bytes", "2048", "--default-wait", "500ms", "--max-wait", "2m",
                "--max-answer-bytes", "4096", "--ping-interval", "5s", "--pong-timeout", "1s", "--idle-timeout", "3s", "--max-connections", "7",
                "--allowed-origins", "http://a.example,http://b.example", "--store", "redis://127.0.0.1:6390");
        assertEquals(Engine.JETTY, o.engine());
        assertEquals(EnumSet.of(Transport.SHORT_POLLING, Transport.WEBSOCKET), o.transports());
        assertEquals(9003, o.ports().get(Transport.WEBSOCKET));
        assertEquals(10, o.retention());
        assertEquals(5, o.maxRooms());
        assertEquals(2048, o.config().maxMessageBytes());
        assertEquals(4096, o.config().maxAnswerBytes());
        assertEquals(Duration.ofMillis(500), o.config().defaultWait());
        assertEquals(Duration.ofMinutes(2), o.config().maxWait());
        assertEquals(Duration.ofSeconds(5), o.config().pingInterval());
        assertEquals(Duration.ofSeconds(1), o.config().pongTimeout());
        assertEquals(Duration.ofSeconds(3), o.config().idleTimeout());
        assertEquals(7, o.config().maxConnections());
        assertEquals(2, o.config().allowedOrigins().size());
        assertEquals("redis://127.0.0.1:6390", o.store());
    }

    @Test
    void refusesBadFlagsWithAReason() {
        assertTrue(fails("--nope", "1").contains("unknown flag --nope"));
        assertTrue(fails("--admin-port").contains("needs a value"));
        assertTrue(fails("--admin-port", "70000").contains("0 to 65535"));
        assertTrue(fails("--retention", "0").contains("at least 1"));
        assertTrue(fails("--max-answer-bytes", "0").contains("at least 1"));
        assertTrue(fails("--ping-interval", "30").contains("with a unit"));
        assertTrue(fails("--engine", "tomcat").contains("unknown engine"));
        assertTrue(fails("--transports", "carrier-pigeon").contains("unknown transport"));
        assertTrue(fails("--store", "redis:/localhost").contains("memory or redis://host:port"));
        assertTrue(fails("--store", "postgres://h:1").contains("memory or redis://host:port"));
    }

    @Test
    void tlsIsOffUnlessAskedForThenTls13WithAGeneratedCertificate() {
        assertTrue(LauncherOptions.parse().config().tls().isEmpty());
        TlsConfig tls = LauncherOptions.parse("--tls").config().tls().orElseThrow();
        assertEquals(TlsVersion.TLS_1_3, tls.version());
        assertEquals(1, tls.certificate().chain().size());
        assertEquals(TlsVersion.TLS_1_2,
                LauncherOptions.parse("--tls", "--tls-version", "1.2").config().tls().orElseThrow().version());
        assertTrue(fails("--tls-version", "1.2").contains("need --tls"));
        assertTrue(fails("--tls", "--tls-version", "1.1").contains("1.3 or 1.2"));
        assertTrue(fails("--tls", "--cert", "a.pem").contains("go together"));
    }

    @Test
    void aRealCertificateIsReadFromPemFiles(@TempDir Path dir) throws Exception {
        ServerCertificate made = ServerCertificate.selfSigned();
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        // A PKCS#8 "PRIVATE KEY" block, as certbot and openssl genpkey write it.
        for (var file : List.of(Map.entry(cert, (Object) made.leaf()),
                Map.entry(key, (Object) new JcaPKCS8Generator(made.key(), null)))) {
            try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(file.getKey()))) {
                pem.writeObject(file.getValue());
            }
        }
        TlsConfig tls = LauncherOptions.parse("--tls", "--cert", cert.toString(), "--key", key.toString())
                .config().tls().orElseThrow();
        assertEquals(made.chain(), tls.certificate().chain());
        assertEquals(made.key(), tls.certificate().key());
        assertTrue(fails("--tls", "--cert", key.toString(), "--key", key.toString()).contains("not a certificate"));
    }

    @Test
    void helpListsEveryFlag() {
        assertTrue(LauncherOptions.parse("--help").help());
        for (String flag : new String[] {"--engine", "--transports", "--bind", "--admin-port", "--retention",
            "--max-rooms", "--max-message-bytes", "--max-answer-bytes", "--default-wait", "--max-wait",
            "--ping-interval", "--pong-timeout", "--idle-timeout", "--max-connections", "--allowed-origins", "--store",
            "--exit-with-parent", "--tls", "--tls-version", "--cert", "--key"}) {
            assertTrue(LauncherOptions.USAGE.contains(flag), flag);
        }
    }

    @Test
    void exitWithParentIsOffUnlessAsked() {
        assertFalse(LauncherOptions.parse().exitWithParent());
        assertTrue(LauncherOptions.parse("--exit-with-parent").exitWithParent());
    }

    private static String fails(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse(args)).getMessage();
    }
}
