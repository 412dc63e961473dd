package org.pushbench.launcher;

import java.nio.file.Path;

import org.pushbench.server.tls.ServerCertificate;
import org.pushbench.server.tls.TlsConfig;
import org.pushbench.server.tls.TlsVersion;

/** The launcher's TLS flags as given; the certificate is read (or made) once all flags are parsed. */
final class TlsFlags {

    boolean on;
    TlsVersion version;
    Path certificate;
    Path key;

    /** Whether a flag that only means something with {@code --tls} was given. */
    boolean given() {
        return version != null || certificate != null || key != null;
    }

    TlsConfig config() {
        if ((certificate == null) != (key == null)) {
            throw new IllegalArgumentException("--cert and --key go together");
        }
        TlsConfig tls = certificate == null ? TlsConfig.generated()
                : TlsConfig.generated().withCertificate(ServerCertificate.fromPem(certificate, key));
        return version == null ? tls : tls.withVersion(version);
    }
}
