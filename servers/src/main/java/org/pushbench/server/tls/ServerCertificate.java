package org.pushbench.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A server's private key and certificate chain, held in memory only: either made at start-up
 * ({@link SelfSignedCertificate}: no private key is ever committed or written to disk) or read from the PEM files
 * a user gives for a real certificate.
 */
public record ServerCertificate(PrivateKey key, List<X509Certificate> chain) {

    /** The password of the in-memory key store {@link #keyStore} builds; it protects nothing on disk. */
    public static final String KEY_STORE_PASSWORD = "pushbench";

    public ServerCertificate {
        chain = List.copyOf(chain);
    }

    /** A fresh self-signed certificate for {@code localhost} and {@code 127.0.0.1}. */
    public static ServerCertificate selfSigned() {
        return SelfSignedCertificate.generate();
    }

    /** The chain (leaf first) and the unencrypted private key (PKCS#8 or PKCS#1/SEC1) from PEM files. */
    public static ServerCertificate fromPem(Path certificateFile, Path keyFile) {
        try (InputStream certs = Files.newInputStream(certificateFile); Reader keys = Files.newBufferedReader(keyFile);
                PEMParser parser = new PEMParser(keys)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(certs).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + certificateFile);
            }
            Object pem = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key;
            if (pem instanceof PEMKeyPair pair) {
                // An "EC/RSA PRIVATE KEY" block; it may lack the public half, which the chain has anyway.
                key = converter.getPrivateKey(pair.getPrivateKeyInfo());
            } else if (pem instanceof PrivateKeyInfo info) {
                key = converter.getPrivateKey(info);
            } else {
                throw new IllegalArgumentException("no unencrypted private key in " + keyFile);
            }
            return new ServerCertificate(key, chain);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + certificateFile + " or " + keyFile + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a certificate: " + certificateFile + ": " + e.getMessage(), e);
        }
    }

    /** The key and chain in an in-memory PKCS#12 key store, as Jetty's {@code SslContextFactory} takes them. */
    public KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, KEY_STORE_PASSWORD.toCharArray(),
                    chain.toArray(new X509Certificate[0]));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the server key in a key store", e);
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }
}
