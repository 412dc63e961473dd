package org.pushbench.conformance;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.pushbench.server.tls.ServerCertificate;
import org.pushbench.server.tls.TlsVersion;

/**
 * TLS client sockets for the conformance tests: the JDK's TLS over a TCP socket that counts the bytes crossing it
 * (below TLS), trusting exactly the server's certificate, so a test checks the certificate as a browser would.
 */
final class TlsSockets {

    private TlsSockets() {
    }

    /** A TCP socket whose streams count the bytes they carry: what crossed the wire, TLS records included. */
    static final class CountingSocket extends Socket {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong received = new AtomicLong();

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    received.addAndGet(Math.max(n, 0));
                    return n;
                }
            };
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sent.addAndGet(len);
                    out.write(b, off, len);
                }
            };
        }
    }

    /** A handshaken TLS connection to {@code 127.0.0.1:port} over {@code wire}, offering only {@code version}. */
    static SSLSocket connect(CountingSocket wire, int port, ServerCertificate server, TlsVersion version)
            throws IOException {
        wire.connect(new InetSocketAddress("127.0.0.1", port));
        SSLSocket tls = (SSLSocket) trusting(server).getSocketFactory().createSocket(wire, "localhost", port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(new String[] {version.protocol()});
        // Check the name as a browser does: the certificate must be for the host the client asked for.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    static SSLSocket connect(int port, ServerCertificate server, TlsVersion version) throws IOException {
        return connect(new CountingSocket(), port, server, version);
    }

    private static SSLContext trusting(ServerCertificate server) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", server.leaf());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
