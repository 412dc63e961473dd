package org.pushbench.server.tls;

import java.util.List;

/**
 * TLS on every server of a process: one version, one certificate. Each engine applies it once, below all its
 * transports (Netty: an {@code SslHandler} first in the pipeline; Jetty: an {@code SslConnectionFactory}).
 */
public record TlsConfig(TlsVersion version, ServerCertificate certificate) {

    /**
     * The cipher suites both engines offer, in the server's order of preference: AES-128-GCM first (what
     * browsers pick with AES hardware), so the engines negotiate the same suite. Left alone, Netty and Jetty
     * order the JDK's suites differently (TLS_AES_128_GCM_SHA256 on Netty, TLS_AES_256_GCM_SHA384 on Jetty).
     * The TLS 1.2 ones for an RSA key too, for a real certificate given with one.
     */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /** TLS 1.3 with a certificate made for this run. */
    public static TlsConfig generated() {
        return new TlsConfig(TlsVersion.TLS_1_3, ServerCertificate.selfSigned());
    }

    public TlsConfig withVersion(TlsVersion value) {
        return new TlsConfig(value, certificate);
    }

    public TlsConfig withCertificate(ServerCertificate value) {
        return new TlsConfig(version, value);
    }
}
