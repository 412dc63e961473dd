package org.pushbench.bench.report;

import static org.pushbench.bench.load.FigureNames.*;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.pushbench.server.Transport;

/**
 * Lubbers and Greco's 2009 bandwidth table ("HTML5 Web Sockets: A Quantum Leap in Scalability for the Web"),
 * recomputed from this run's measured bytes: N clients each polling once a second, against N WebSocket clients
 * each receiving one message a second, counting only what is not payload.
 */
final class BandwidthTable {

    private static final int[] CLIENTS = {1_000, 10_000, 100_000};

    private final List<ResultRow> rows;

    BandwidthTable(List<ResultRow> rows) {
        this.rows = rows;
    }

    String render() {
        MarkdownTable t = new MarkdownTable("source", "overhead per poll or message, B", "1,000 clients Mbit/s",
                "10,000 clients Mbit/s", "100,000 clients Mbit/s");
        t.row("Lubbers & Greco 2009: polling (as published)", 871.0, 6.6, 66.0, 665.0);
        t.row("Lubbers & Greco 2009: WebSocket (as published)", 2.0, 0.015, 0.153, 1.526);
        for (ResultRow r : rows) {
            Double emptyPoll = r.figure(HTTP_BYTES_PER_EMPTY_POLL);
            if (r.isIdle() && r.transport() == Transport.SHORT_POLLING && emptyPoll != null) {
                line(t, "pushbench " + r.engine().id() + ", " + r.headers().label()
                        + " headers: one empty poll, request + answer headers", emptyPoll - 2);
            }
        }
        framing(t, Transport.WEBSOCKET, "server-to-client frame header");
        framing(t, Transport.SSE, "Server-Sent Events framing per message (id:, data:, line ends, chunk)");
        line(t, "RFC 6455: client-to-server frame header with its mask (pinned by WireBytesTest)", 6.0);
        return "## Bandwidth for N clients, recomputed (Lubbers & Greco, 2009)\n\n" + t.render()
                + "\nThe 2009 table counted 871 bytes of headers per poll from a browser with cookies; pushbench's "
                + "`minimal` client sends only `Host`, its `browser` profile what a current Chromium sends. The article "
                + "also counted 2 bytes per WebSocket frame, which holds for server-to-client frames of up to 125 "
                + "bytes; a frame of 126 to 65,535 bytes has a 4-byte header, and every client-to-server frame "
                + "carries a 4-byte masking key (RFC 6455 section 5.3), so a chat message sent from a browser costs "
                + "6 bytes of framing, not 2. Mbit/s = bytes x 8 x clients / 2^20, one poll or message per client "
                + "per second, computed as the article did.\n";
    }

    /** The framing per delivery of {@code transport}'s FanOut with the smallest messages, per engine. */
    private void framing(MarkdownTable t, Transport transport, String what) {
        rows.stream().filter(r -> r.benchmark().equals("FanOut") && r.transport() == transport
                && r.figure(BYTES_FRAMING_PER_DELIVERY) != null)
                .collect(Collectors.toMap(ResultRow::engine, r -> r, (a, b) -> a.payloadBytes() <= b.payloadBytes() ? a : b,
                        TreeMap::new))
                .values().forEach(r -> line(t, "pushbench " + r.engine().id() + ": " + what + " ("
                        + r.payloadBytes() + "-character message, " + Math.round(r.figure(BYTES_PAYLOAD_PER_DELIVERY))
                        + " B of JSON)", r.figure(BYTES_FRAMING_PER_DELIVERY)));
    }

    private static void line(MarkdownTable t, String source, double bytes) {
        t.row(source, bytes, mbit(bytes, CLIENTS[0]), mbit(bytes, CLIENTS[1]), mbit(bytes, CLIENTS[2]));
    }

    private static double mbit(double bytes, int clients) {
        return bytes * 8 * clients / (1 << 20);
    }
}
