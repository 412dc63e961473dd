package org.pushbench.bench.load;

/**
 * How result files are named: the benchmark and its parameters, in a fixed order, so a file says what produced it
 * ({@code FanOut_transport=websocket_engine=netty_clients=100_rate=20_payloadBytes=64_pollIntervalMs=1000_headers=minimal}).
 */
public final class ResultNames {

    private ResultNames() {
    }

    /** The stem of a run over an emulated link: {@link #stem} and the link's part, empty for loopback. */
    public static String stem(String benchmark, String transport, String engine, int clients, int rate,
            int payloadBytes, long pollIntervalMs, String headers, String link) {
        String base = stem(benchmark, transport, engine, clients, rate, payloadBytes, pollIntervalMs, headers);
        return link.isEmpty() ? base : base + "_" + link;
    }

    public static String stem(String benchmark, String transport, String engine, int clients, int rate,
            int payloadBytes, long pollIntervalMs, String headers) {
        return benchmark + "_transport=" + transport + "_engine=" + engine + "_clients=" + clients + "_rate=" + rate
                + "_payloadBytes=" + payloadBytes + "_pollIntervalMs=" + pollIntervalMs + "_headers=" + headers;
    }
}
