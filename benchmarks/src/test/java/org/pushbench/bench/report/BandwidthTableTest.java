package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.load.FigureNames;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/** Lubbers and Greco's table recomputed from given measured bytes. */
class BandwidthTableTest {

    @Test
    void anEmptyPollsHeadersAndAFramesHeaderBecomeMegabitsForNClients() {
        ResultRow idlePoll = new ResultRow("IdleCost", Transport.SHORT_POLLING, Engine.NETTY, 100, 0, 64, 1000, 5000,
                HeaderProfile.MINIMAL, 0, Map.of(FigureNames.HTTP_BYTES_PER_EMPTY_POLL, 156.0), null, "");
        ResultRow push = new ResultRow("FanOut", Transport.WEBSOCKET, Engine.NETTY, 100, 20, 64, 1000, 0,
                HeaderProfile.MINIMAL, 2000, Map.of(FigureNames.BYTES_FRAMING_PER_DELIVERY, 4.0,
                        FigureNames.BYTES_PAYLOAD_PER_DELIVERY, 151.0), null, "");
        ResultRow events = new ResultRow("FanOut", Transport.SSE, Engine.NETTY, 100, 20, 64, 1000, 0,
                HeaderProfile.MINIMAL, 2000, Map.of(FigureNames.BYTES_FRAMING_PER_DELIVERY, 21.5,
                        FigureNames.BYTES_PAYLOAD_PER_DELIVERY, 151.0), null, "");
        String table = new BandwidthTable(List.of(idlePoll, push, events)).render();
        // 156 B less the [] body: 154 B x 8 x N / 2^20 Mbit/s
        assertTrue(table.contains("minimal headers: one empty poll, request + answer headers | 154"), table);
        assertTrue(table.contains("| " + MarkdownTable.format(154.0 * 8 * 100_000 / (1 << 20)) + " |"), table);
        assertTrue(table.contains("server-to-client frame header (64-character message, 151 B of JSON) | 4"), table);
        assertTrue(table.contains("(id:, data:, line ends, chunk) (64-character message, 151 B of JSON) | 21.5"), table);
        assertTrue(table.contains("Lubbers & Greco 2009: polling (as published) | 871"), table);
    }
}
