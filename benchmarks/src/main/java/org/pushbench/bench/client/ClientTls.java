package org.pushbench.bench.client;

import javax.net.ssl.SSLException;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import org.pushbench.server.tls.TlsVersion;

/**
 * TLS on the clients' connections, or none: one JDK-provider client context per run, shared by every client.
 * It trusts any certificate: the server under test makes its own at start-up, in another JVM, so there is no
 * authority to check it against; a browser's one signature check per handshake is left out of client CPU.
 */
public final class ClientTls {

    public static final ClientTls OFF = new ClientTls(null);

    private final SslContext context;

    private ClientTls(SslContext context) {
        this.context = context;
    }

    /** TLS offering only {@code version}. */
    public static ClientTls on(TlsVersion version) {
        try {
            return new ClientTls(SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                    .protocols(version.protocol()).trustManager(InsecureTrustManagerFactory.INSTANCE).build());
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up client TLS: " + e.getMessage(), e);
        }
    }

    public boolean enabled() {
        return context != null;
    }

    /** {@code https} or {@code http}; add {@code ws}'s own. */
    String scheme(String plain) {
        return enabled() ? plain + "s" : plain;
    }

    /** A TLS handler for one connection to {@code target}. */
    SslHandler handler(ByteBufAllocator alloc, ClientTarget target) {
        return context.newHandler(alloc, target.host(), target.port());
    }
}
