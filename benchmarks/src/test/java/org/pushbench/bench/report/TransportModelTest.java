package org.pushbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pushbench.bench.client.HeaderProfile;
import org.pushbench.bench.link.LinkSpec;
import org.pushbench.bench.link.NetworkProfile;
import org.pushbench.bench.load.FigureNames;
import org.pushbench.bench.load.LatencySummary;
import org.pushbench.bench.load.TlsMode;
import org.pushbench.server.Engine;
import org.pushbench.server.Transport;

/** The model's predictions from given measured inputs, worked out by hand. */
class TransportModelTest {

    private static final LatencySummary.Percentiles FLOOR = new LatencySummary.Percentiles(3000, 2000, 0, 0, 0, 0, 1);

    @Test
    void shortPollingWaitsHalfAPeriodAndPaysHeadersPerPollAndPayloadPerMessage() {
        ResultRow poll = fanOut(Transport.SHORT_POLLING, 1000, LinkSpec.LOOPBACK, Map.of(
                FigureNames.BYTES_PAYLOAD_PER_DELIVERY, 150.0, FigureNames.HTTP_HEADER_BYTES_PER_ANSWER, 160.0,
                FigureNames.HTTP_BYTES_PER_EMPTY_POLL, 157.0));
        TransportModel.Prediction p = TransportModel.predict(poll, List.of(poll, websocket(LinkSpec.LOOPBACK)));
        assertEquals(500_000 + 2000, p.latencyMeanUs(), "T/2 + the WebSocket median");
        assertEquals(1_000_000 + 2000, p.latencyMaxUs());
        // 20 messages/s, one poll a second finds messages: (160 + 2) / 1 s + 20 x (150 + 1), per message
        assertEquals((162.0 + 20 * 151) / 20, p.bytesPerDelivery(), 1e-9);
    }

    @Test
    void longPollingPaysHeadersPayloadAndBracketsAndWaitsForTheNextRequestOnASlowLink() {
        Map<String, Double> measured = Map.of(FigureNames.BYTES_PAYLOAD_PER_DELIVERY, 150.0,
                FigureNames.HTTP_HEADER_BYTES_PER_ANSWER, 155.0);
        ResultRow loopback = fanOut(Transport.LONG_POLLING, 1000, LinkSpec.LOOPBACK, measured);
        TransportModel.Prediction p = TransportModel.predict(loopback, List.of(loopback, websocket(LinkSpec.LOOPBACK)));
        assertEquals(155 + 150 + 2, p.bytesPerDelivery());
        assertEquals(2000.0, p.latencyMeanUs(), "as fast as a push");
        assertNull(p.latencyMaxUs());

        LinkSpec mobile = LinkSpec.of(NetworkProfile.MOBILE, 0, 0, 0, 0);
        ResultRow slow = fanOut(Transport.LONG_POLLING, 1000, mobile, measured);
        TransportModel.Prediction q = TransportModel.predict(slow, List.of(slow, websocket(mobile)));
        double rttUs = mobile.rttMs() * 1000.0;
        assertEquals(2000 + rttUs / 2, q.latencyMeanUs(), "a message every 50 ms waits for a request a round trip away");
        assertEquals(2000 + rttUs, q.latencyMaxUs());
    }

    @Test
    void aWebSocketFrameHeaderGrowsWithThePayloadAndIdleCostsAPingAndPong() {
        ResultRow small = fanOut(Transport.WEBSOCKET, 1000, LinkSpec.LOOPBACK,
                Map.of(FigureNames.BYTES_PAYLOAD_PER_DELIVERY, 125.0));
        ResultRow large = fanOut(Transport.WEBSOCKET, 1000, LinkSpec.LOOPBACK,
                Map.of(FigureNames.BYTES_PAYLOAD_PER_DELIVERY, 126.0));
        assertEquals(127.0, TransportModel.predict(small, List.of(small)).bytesPerDelivery());
        assertEquals(130.0, TransportModel.predict(large, List.of(large)).bytesPerDelivery());
        ResultRow idle = new ResultRow("IdleCost", Transport.WEBSOCKET, Engine.NETTY, 100, 0, 64, 1000, 5000,
                HeaderProfile.MINIMAL, 0, Map.of(), null, "");
        assertEquals(8 * 1000.0 / 5000, TransportModel.predict(idle, List.of(idle)).idleBytesPerClientSecond());
    }

    @Test
    void anSseEventCostsItsFieldsAndItsChunkAndIdleAKeepAliveComment() {
        ResultRow row = fanOut(Transport.SSE, 1000, LinkSpec.LOOPBACK,
                Map.of(FigureNames.BYTES_PAYLOAD_PER_DELIVERY, 60.0));
        // 60 B of JSON, "id: NNNN\n" "data: " "\n\n" (17 B), a 77-byte chunk: "4d\r\n" and its closing CRLF.
        assertEquals(60.0 + 17 + 2 + 4, TransportModel.predict(row, List.of(row)).bytesPerDelivery());
        ResultRow idle = new ResultRow("IdleCost", Transport.SSE, Engine.NETTY, 100, 0, 64, 1000, 5000,
                HeaderProfile.MINIMAL, 0, Map.of(), null, "");
        assertEquals(17 * 1000.0 / 5000, TransportModel.predict(idle, List.of(idle)).idleBytesPerClientSecond());
    }

    @Test
    void aNewcomerWaitsTwoRoundTripsThreeWithTlsOnTopOfWhatTheSameSetUpTakesOverLoopback() {
        LinkSpec mobile = LinkSpec.of(NetworkProfile.MOBILE, 0, 0, 0, 0);
        ResultRow plainLoopback = firstMessage(LinkSpec.LOOPBACK, TlsMode.OFF, 1200.0);
        ResultRow plainMobile = firstMessage(mobile, TlsMode.OFF, 305_000.0);
        ResultRow tlsLoopback = firstMessage(LinkSpec.LOOPBACK, TlsMode.ON, 9000.0);
        ResultRow tlsMobile = firstMessage(mobile, TlsMode.ON, 470_000.0);
        List<ResultRow> all = List.of(plainLoopback, plainMobile, tlsLoopback, tlsMobile);
        double rttUs = mobile.rttMs() * 1000.0;
        assertEquals(2, TransportModel.setupRoundTrips(plainMobile), "TCP, then the first exchange");
        assertEquals(1200 + 2 * rttUs, TransportModel.firstMessageP50Us(plainMobile, all));
        assertEquals(1200.0, TransportModel.firstMessageP50Us(plainLoopback, all), "loopback is its own floor");
        assertEquals(3, TransportModel.setupRoundTrips(tlsMobile), "TLS 1.3 adds one");
        assertEquals(9000 + 3 * rttUs, TransportModel.firstMessageP50Us(tlsMobile, all));
        assertNull(TransportModel.firstMessageP50Us(plainMobile, List.of(plainMobile)), "no loopback run, no model");
        assertEquals(TransportModel.Prediction.NONE, TransportModel.predict(plainMobile, all),
                "the room's latency is not FanOut's: no latency or byte prediction");
    }

    @Test
    void aSilentServerIsNoticedAfterTheGracePlusEachWatchersPhaseInItsKeepAlivePeriod() {
        // 20 watchers joined 100 ms apart over a 2 s ping interval; the last joined 1.9 s after the first.
        ResultRow ws = deadServer(Transport.WEBSOCKET, Map.of("watchers", "20", "graceMs", "1000"));
        assertEquals(1_000_000 + 2_000_000 * 19 / 40.0, TransportModel.deadServerMeanUs(ws));
        assertEquals(1_000_000 + 1_900_000.0, TransportModel.deadServerMaxUs(ws));
        // Short polling's period is its poll interval (500 ms here), and the parameters are read from the run.
        ResultRow poll = deadServer(Transport.SHORT_POLLING, Map.of("watchers", "5", "graceMs", "250"));
        assertEquals(250_000 + 500_000 * 4 / 10.0, TransportModel.deadServerMeanUs(poll));
        assertEquals(250_000 + 400_000.0, TransportModel.deadServerMaxUs(poll));
        assertEquals(TransportModel.Prediction.NONE, TransportModel.predict(ws, List.of(ws)),
                "no latency, byte or idle prediction for a DeadServer row");
    }

    private static ResultRow deadServer(Transport t, Map<String, String> params) {
        return new ResultRow("DeadServer", t, Engine.NETTY, 10, 0, 64, 500, 2000, HeaderProfile.MINIMAL,
                LinkSpec.LOOPBACK, TlsMode.OFF, 3, Map.of(), null, "", params);
    }

    private static ResultRow firstMessage(LinkSpec link, TlsMode tls, double p50Us) {
        return new ResultRow("FirstMessage", Transport.LONG_POLLING, Engine.NETTY, 10, 5, 64, 1000, 0,
                HeaderProfile.MINIMAL, link, tls, 3, Map.of(FigureNames.FIRST_MESSAGE_P50, p50Us), null, "",
                Map.of());
    }

    private static ResultRow fanOut(Transport t, int pollMs, LinkSpec link, Map<String, Double> figures) {
        return new ResultRow("FanOut", t, Engine.NETTY, 100, 20, 64, pollMs, 0, HeaderProfile.MINIMAL, link,
                TlsMode.OFF, 2000, figures, null, "", Map.of());
    }

    private static ResultRow websocket(LinkSpec link) {
        return new ResultRow("FanOut", Transport.WEBSOCKET, Engine.NETTY, 100, 20, 64, 1000, 0, HeaderProfile.MINIMAL,
                link, TlsMode.OFF, 2000, Map.of(), new LatencySummary(FLOOR, FLOOR), "", Map.of());
    }
}
