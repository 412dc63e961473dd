package org.pushbench.server.tls;

import java.util.Locale;

/** The TLS version a server speaks, exactly one per run so that a measurement names what it measured. */
public enum TlsVersion {
    TLS_1_3("1.3", "TLSv1.3"),
    TLS_1_2("1.2", "TLSv1.2");

    private final String id;
    private final String protocol;

    TlsVersion(String id, String protocol) {
        this.id = id;
        this.protocol = protocol;
    }

    /** As the launcher's {@code --tls-version} takes it: {@code 1.3}, {@code 1.2}. */
    public String id() {
        return id;
    }

    /** The JSSE protocol name, as {@code SSLEngine.setEnabledProtocols} takes it. */
    public String protocol() {
        return protocol;
    }

    public static TlsVersion parse(String value) {
        String v = value.toLowerCase(Locale.ROOT).replace("tlsv", "");
        for (TlsVersion version : values()) {
            if (version.id.equals(v)) {
                return version;
            }
        }
        throw new IllegalArgumentException("--tls-version must be 1.3 or 1.2, not \"" + value + "\"");
    }
}
