package org.pushbench.jetty;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import org.pushbench.server.tls.ServerCertificate;
import org.pushbench.server.tls.TlsConfig;

/**
 * TLS for every Jetty server, whatever its transport: an {@link SslConnectionFactory} in front of the connector's
 * HTTP factory, so the endpoint below it still counts the wire (handshake and records) and every handler sees
 * plaintext, as without TLS.
 */
final class JettyTls {

    private JettyTls() {
    }

    /** The factory that decrypts, then hands the connection to {@code next}. */
    static ConnectionFactory in(TlsConfig tls, String next) {
        SslContextFactory.Server context = new SslContextFactory.Server();
        context.setKeyStore(tls.certificate().keyStore());
        context.setKeyStorePassword(ServerCertificate.KEY_STORE_PASSWORD);
        context.setIncludeProtocols(tls.version().protocol());
        context.setIncludeCipherSuites(TlsConfig.CIPHER_SUITES.toArray(new String[0]));
        context.setUseCipherSuitesOrder(true);
        return new SslConnectionFactory(context, next);
    }

    static ConnectionFactory in(TlsConfig tls) {
        return in(tls, HttpVersion.HTTP_1_1.asString());
    }

    /**
     * Requests on a TLS connection are {@code https} (and upgrades {@code wss}). No SNI host check: clients reach
     * the servers by address ({@code 127.0.0.1}), which sends no SNI name. No response header is added.
     */
    static void secure(HttpConfiguration http) {
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false);
        http.addCustomizer(customizer);
    }
}
