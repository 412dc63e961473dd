package org.pushbench.bench.report;

import static org.pushbench.bench.load.FigureNames.*;

import java.util.List;

import org.pushbench.bench.load.TlsMode;

/**
 * The back-of-the-envelope model of the four transports, calibrated with header sizes the harness measured, so
 * that the summary can show what theory predicts beside what was measured. Every figure here is a prediction.
 * The floor is measured on the row's own network, so it holds the link's one-way delay (RTT/2) and serialization:
 * short polling is then T/2 + RTT/2 on top of what the machine adds.
 *
 * <ul>
 *   <li>Short polling with period T: a message waits for the next poll, on average T/2, at worst T, plus the
 *       delivery floor (the WebSocket median of the same load, the fastest this machine delivers). Bytes per client
 *       and second: one exchange per T whatever the traffic: a poll that finds messages costs its headers H, an
 *       empty one its whole exchange E; with r messages a second a share min(1, rT) of polls find some.</li>
 *   <li>Long polling: the answer leaves as the message arrives (the floor); over an emulated link with round trip
 *       RTT, when messages come more often than once per RTT, each also waits for the next request: RTT/2 on
 *       average, RTT at worst; one exchange, H + payload + 2 bytes of
 *       array brackets, per delivery when messages come slower than round trips; idle, one empty exchange per
 *       hold.</li>
 *   <li>WebSocket: one frame per message, payload plus a 2, 4 or 10-byte header; idle, one ping and its masked
 *       pong (2 + 6 bytes when empty) per ping interval.</li>
 *   <li>Server-Sent Events: one event per message in one chunk of its own: payload plus {@code id: N\n},
 *       {@code data: }, a blank line (13 bytes and the id's digits, taken as four: a run of a few minutes) plus the
 *       chunk's size line and CRLFs (4 bytes and the size's hex digits); the response head once per stream;
 *       idle, one {@code : keepalive} comment line in its chunk (17 bytes) per keep-alive interval.</li>
 *   <li>A newcomer's first message, on every transport: TCP's handshake, TLS 1.3's when on (one round trip),
 *       and one exchange (the first poll and its answer, or the upgrade and the 101 the frames follow): 2 or 3
 *       round trips, on top of what the same set-up takes over loopback in the same run.</li>
 *   <li>A silent server noticed by idle members (DeadServer): W watchers join at i·P/W over one keep-alive
 *       period P and the link is cut one period after the first; watcher i last heard from the server as it
 *       joined, so its rule (silence for P + grace) fires at grace + i·P/W after the cut: on average
 *       grace + P(W−1)/(2W), at worst grace + P(W−1)/W.</li>
 * </ul>
 */
final class TransportModel {

    /** A prediction for one row; null where the model says nothing. */
    record Prediction(Double latencyMeanUs, Double latencyMaxUs, Double bytesPerDelivery,
            Double idleBytesPerClientSecond) {
        static final Prediction NONE = new Prediction(null, null, null, null);
    }

    private TransportModel() {
    }

    static Prediction predict(ResultRow row, List<ResultRow> all) {
        return row.isFirstMessage() || row.isDeadServer() ? Prediction.NONE
                : row.isIdle() ? idle(row) : busy(row, all);
    }

    /** DeadServer's mean detection time after the cut, in µs (see the class's list). */
    static double deadServerMeanUs(ResultRow row) {
        int watchers = row.param("watchers", 20);
        return deadServerGraceUs(row) + deadServerPeriodUs(row) * (watchers - 1) / (2.0 * watchers);
    }

    /** DeadServer's longest detection time after the cut, in µs: the last watcher's. */
    static double deadServerMaxUs(ResultRow row) {
        int watchers = row.param("watchers", 20);
        return deadServerGraceUs(row) + deadServerPeriodUs(row) * (watchers - 1) / watchers;
    }

    private static double deadServerGraceUs(ResultRow row) {
        return row.param("graceMs", 1000) * 1000.0;
    }

    /** What the server promises to send at least that often: a poll's answer, a ping, a comment. */
    static double deadServerPeriodUs(ResultRow row) {
        return 1000.0 * (row.transport() == org.pushbench.server.Transport.SHORT_POLLING ? row.pollIntervalMs()
                : row.keepaliveMs());
    }

    /** Round trips a newcomer waits before its first message: TCP, TLS 1.3 if on, and its first exchange. */
    static int setupRoundTrips(ResultRow row) {
        return 2 + (row.tls() == TlsMode.ON ? 1 : 0);
    }

    /**
     * A newcomer's median time to its first message: {@link #setupRoundTrips} round trips of the row's link, plus
     * the median of the same set-up over loopback in the same run (what the machine adds); null without it.
     */
    static Double firstMessageP50Us(ResultRow row, List<ResultRow> all) {
        Double machine = all.stream().filter(r -> r.isFirstMessage() && r.transport() == row.transport()
                && r.engine() == row.engine() && r.tls() == row.tls() && r.headers() == row.headers()
                && !r.link().emulated()).map(r -> r.figure(FIRST_MESSAGE_P50)).filter(v -> v != null)
                .findFirst().orElse(null);
        return machine == null ? null : machine + setupRoundTrips(row) * row.link().rttMs() * 1000.0;
    }

    private static Prediction idle(ResultRow row) {
        Double emptyExchange = row.figure(HTTP_BYTES_PER_EMPTY_POLL);
        return switch (row.transport()) {
            case SHORT_POLLING -> emptyExchange == null ? Prediction.NONE
                    : new Prediction(null, null, null, emptyExchange * 1000.0 / row.pollIntervalMs());
            case LONG_POLLING -> emptyExchange == null ? Prediction.NONE
                    : new Prediction(null, null, null, emptyExchange * 1000.0 / row.keepaliveMs());
            case WEBSOCKET -> new Prediction(null, null, null, 8 * 1000.0 / row.keepaliveMs());
            case SSE -> new Prediction(null, null, null, KEEPALIVE_CHUNK_BYTES * 1000.0 / row.keepaliveMs());
        };
    }

    private static Prediction busy(ResultRow row, List<ResultRow> all) {
        Double payload = row.figure(BYTES_PAYLOAD_PER_DELIVERY);
        Double headers = row.figure(HTTP_HEADER_BYTES_PER_ANSWER);
        Double floor = floorUs(row, all);
        switch (row.transport()) {
            case SHORT_POLLING -> {
                double periodUs = row.pollIntervalMs() * 1000.0;
                Double mean = floor == null ? null : periodUs / 2 + floor;
                Double max = floor == null ? null : periodUs + floor;
                Double bytes = null;
                Double emptyExchange = emptyExchange(row, all);
                if (payload != null && headers != null && emptyExchange != null && row.rate() > 0) {
                    double periodS = row.pollIntervalMs() / 1000.0;
                    double finding = Math.min(1.0, row.rate() * periodS);
                    double perSecond = (finding * (headers + 2) + (1 - finding) * emptyExchange) / periodS
                            + row.rate() * (payload + 1);
                    bytes = perSecond / row.rate();
                }
                return new Prediction(mean, max, bytes, null);
            }
            case LONG_POLLING -> {
                Double bytes = payload == null || headers == null ? null : headers + payload + 2;
                double rttUs = row.link().rttMs() * 1000.0;
                // After each answer the next request is back a round trip later; when messages come faster than
                // that, each waits for it: on average half a round trip, at worst a whole one.
                boolean waits = rttUs > 0 && row.rate() > 0 && 1e6 / row.rate() < rttUs;
                Double mean = floor == null ? null : floor + (waits ? rttUs / 2 : 0);
                Double max = floor == null || rttUs == 0 ? null : floor + (waits ? rttUs : 0);
                return new Prediction(mean, max, bytes, null);
            }
            case SSE -> {
                Double bytes = payload == null ? null : payload + eventFraming(payload);
                return new Prediction(null, null, bytes, null);
            }
            default -> {
                Double bytes = payload == null ? null : payload + frameHeader(payload);
                return new Prediction(null, null, bytes, null);
            }
        }
    }

    /** {@code : keepalive\n} (12 bytes) in a chunk: {@code c\r\n} before it, CRLF after. */
    private static final int KEEPALIVE_CHUNK_BYTES = 12 + 3 + 2;
    private static final int ID_DIGITS = 4;

    /** {@code id: N\n}, {@code data: }, {@code \n\n} around the payload, then the chunk's size line and CRLFs. */
    private static double eventFraming(double payload) {
        double fields = 13 + ID_DIGITS;
        int size = (int) Math.round(payload + fields);
        return fields + Integer.toHexString(size).length() + 4;
    }

    private static double frameHeader(double payload) {
        return payload <= 125 ? 2 : payload <= 0xFFFF ? 4 : 10;
    }

    /** The median latency of WebSocket under the same load: how fast a push can be on this machine. */
    private static Double floorUs(ResultRow row, List<ResultRow> all) {
        return all.stream().filter(r -> r.sameLoad(row) && r.transport() == org.pushbench.server.Transport.WEBSOCKET
                && r.latency() != null).map(r -> (double) r.latency().corrected().p50()).findFirst().orElse(null);
    }

    /** One empty short-poll exchange, measured in this row or else in an idle run of the same client. */
    private static Double emptyExchange(ResultRow row, List<ResultRow> all) {
        Double own = row.figure(HTTP_BYTES_PER_EMPTY_POLL);
        if (own != null) {
            return own;
        }
        return all.stream().filter(r -> r.isIdle() && r.transport() == row.transport() && r.engine() == row.engine()
                && r.headers() == row.headers()).map(r -> r.figure(HTTP_BYTES_PER_EMPTY_POLL))
                .filter(v -> v != null).findFirst().orElse(null);
    }
}
