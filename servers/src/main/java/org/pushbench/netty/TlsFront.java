package org.pushbench.netty;

import javax.net.ssl.SSLException;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import org.pushbench.server.tls.TlsConfig;

/**
 * TLS for every Netty server, whatever its transport: the transport's pipeline, with Netty's {@code SslHandler}
 * put right behind the byte counters. So they see the wire (handshake and records) and every handler behind it
 * sees plaintext, as without TLS.
 */
final class TlsFront extends ChannelInitializer<SocketChannel> {

    private final SslContext context;
    private final ChannelInitializer<SocketChannel> transport;

    TlsFront(SslContext context, ChannelInitializer<SocketChannel> transport) {
        this.context = context;
        this.transport = transport;
    }

    /**
     * The server side of {@code tls}: its key and chain, its one version, the JDK's provider; with
     * {@code offerHttp2}, ALPN offers h2 before http/1.1 (a client without ALPN gets HTTP/1.1), and
     * {@link Http2Front} then finds the version from the client's first bytes.
     */
    static SslContext context(TlsConfig tls, boolean offerHttp2) {
        ApplicationProtocolConfig alpn = offerHttp2 ? new ApplicationProtocolConfig(
                ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)
                : ApplicationProtocolConfig.DISABLED;
        try {
            return SslContextBuilder.forServer(tls.certificate().key(), tls.certificate().chain())
                    .sslProvider(SslProvider.JDK)
                    .applicationProtocolConfig(alpn)
                    .protocols(tls.version().protocol())
                    .ciphers(TlsConfig.CIPHER_SUITES)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        // The transport's initializer runs as it is added (the channel is registered), so the gate exists next.
        channel.pipeline().addLast(transport)
                .addBefore(HttpFront.GATE, "tls", context.newHandler(channel.alloc()));
    }
}
