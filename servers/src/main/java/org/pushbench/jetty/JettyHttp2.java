package org.pushbench.jetty;

import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;

import org.pushbench.server.tls.TlsConfig;

/**
 * HTTP/2 beside HTTP/1.1 on one port, for the HTTP transports: under TLS, ALPN offers h2 before http/1.1 (a
 * client without ALPN gets HTTP/1.1); in plaintext, an HTTP/1.1 connection that opens with HTTP/2's preface
 * becomes h2c (prior knowledge). Each stream is its own request to the same handler, so a held poll or event
 * stream is a stream's, not the connection's.
 */
final class JettyHttp2 {

    private JettyHttp2() {
    }

    static ConnectionFactory[] overTls(TlsConfig tls, HttpConfiguration settings,
            HttpConnectionFactory http) {
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", http.getProtocol());
        alpn.setDefaultProtocol(http.getProtocol());
        return new ConnectionFactory[] {JettyTls.in(tls, alpn.getProtocol()), alpn,
                new HTTP2ServerConnectionFactory(settings), http};
    }

    static ConnectionFactory[] cleartext(HttpConfiguration settings, HttpConnectionFactory http) {
        return new ConnectionFactory[] {http, new HTTP2CServerConnectionFactory(settings)};
    }
}
