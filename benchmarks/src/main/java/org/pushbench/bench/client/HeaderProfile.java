package org.pushbench.bench.client;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The request headers a simulated client sends besides the ones the protocol needs ({@code Host}, the body's
 * {@code Content-Type} and {@code Content-Length}, the WebSocket handshake's own). Header bytes are most of what
 * polling costs, so the profile is a benchmark parameter.
 */
public enum HeaderProfile {
    /** Nothing extra: the floor any HTTP client pays. */
    MINIMAL,
    /**
     * What a desktop Chromium sends with a {@code fetch} from a page on the same origin: user agent, client hints,
     * fetch metadata, accepted encodings and languages, a referer and a session cookie. The values are typical,
     * not copied from any one browser build; their size is what matters and is measured.
     */
    BROWSER;

    /** The extra headers for a request to {@code origin} (e.g. {@code http://127.0.0.1:8081}). */
    public HttpHeaders headers(String origin) {
        HttpHeaders h = new DefaultHttpHeaders();
        if (this == MINIMAL) {
            return h;
        }
        h.add("Connection", "keep-alive");
        h.add("sec-ch-ua", "\"Chromium\";v=\"156\", \"Not;A=Brand\";v=\"24\"");
        h.add("sec-ch-ua-mobile", "?0");
        h.add("sec-ch-ua-platform", "\"Linux\"");
        h.add("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/156.0.0.0 Safari/537.36");
        h.add("Accept", "*/*");
        h.add("Origin", origin);
        h.add("Sec-Fetch-Site", "same-origin");
        h.add("Sec-Fetch-Mode", "cors");
        h.add("Sec-Fetch-Dest", "empty");
        h.add("Referer", origin + "/");
        h.add("Accept-Encoding", "gzip, deflate, br, zstd");
        h.add("Accept-Language", "en-US,en;q=0.9");
        h.add("Cookie", "session=7f3c9a1e4b2d8f6a0c5e9b3d7a1f4c8e; theme=dark");
        return h;
    }

    /** The name used in parameters and result files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
