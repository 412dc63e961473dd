package org.pushbench.bench.load;

import java.util.List;

import org.pushbench.bench.client.ClientTls;
import org.pushbench.server.tls.TlsVersion;

/** The {@code tls} parameter: plaintext, or TLS 1.3 (the launcher's default version) on server and clients. */
public enum TlsMode {
    OFF,
    ON;

    /** The launcher flags for a server this run starts. */
    public List<String> serverFlags() {
        return this == ON ? List.of("--tls") : List.of();
    }

    public ClientTls client() {
        return this == ON ? ClientTls.on(TlsVersion.TLS_1_3) : ClientTls.OFF;
    }

    /** What a result file name adds: nothing for plaintext, so earlier names stay. */
    public String fileNamePart() {
        return this == ON ? "_tls=on" : "";
    }

    /** A run's {@code tls} parameter as JMH reports it; absent (an older run) is plaintext. */
    public static TlsMode ofParam(String value) {
        return value == null ? OFF : valueOf(value);
    }
}
